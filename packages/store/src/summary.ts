// The summary format, read the same way by the archive's checks, the API and the feeds: plain
// text in which blank lines split blocks, `- ` and `1. ` lines form lists, and a short line
// ending in a colon before a block is a heading.

export type SummaryBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] };

const BULLET = /^\s*[-•*]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;

/** Parses summary text into its blocks. */
export function parseSummary(text: string): SummaryBlock[] {
  const blocks: SummaryBlock[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (!line) {
      flush();
    } else if (bullet || numbered) {
      flush();
      const ordered = numbered !== null;
      const item = ((bullet ?? numbered) as RegExpExecArray)[1] as string;
      const last = blocks.at(-1);
      if (last?.kind === 'list' && last.ordered === ordered) last.items.push(item);
      else blocks.push({ kind: 'list', ordered, items: [item] });
    } else if (line.endsWith(':') && line.length <= 60 && paragraph.length === 0) {
      blocks.push({ kind: 'heading', text: line.slice(0, -1) });
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

/** The words of a text: runs holding a letter or a digit. */
export function wordsIn(text: string): string[] {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** Words in a summary, counted as a reader would: list markers (`- `, `1. `) are not words. */
export function wordCount(text: string): number {
  return wordsIn(
    text
      .split('\n')
      .map((line) => line.replace(/^\s*(?:[-•*]|\d+[.)])\s+/, ''))
      .join('\n'),
  ).length;
}

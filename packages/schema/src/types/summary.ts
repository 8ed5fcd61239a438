// The summary as structured blocks, so clients render paragraphs and lists without parsing text.

import { wordCount as countWords, parseSummary, type SummaryBlock, wordsIn } from '@jin/store';
import { LRUCache } from 'lru-cache';
import { builder } from '../builder.ts';

export type { SummaryBlock } from '@jin/store';
export { parseSummary };

/**
 * Remembers the last `size` results of a function of one string: lists ask for the same
 * summaries' excerpts and reading times over and over, and summaries change rarely.
 */
function memo<T extends {}>(size: number, compute: (key: string) => T): (key: string) => T {
  const cache = new LRUCache<string, T>({ max: size, memoMethod: (key) => compute(key) });
  return (key) => cache.memo(key);
}

/** The first paragraph's words, and the excerpts already cut from them by length. */
const openings = memo(2000, (text) => ({
  words: wordsIn(parseSummary(text).find((b) => b.kind === 'paragraph')?.text ?? ''),
  cut: new Map<number, string>(),
}));

/** The opening of the first paragraph, cut at a word boundary. */
export function excerpt(text: string, maxWords: number): string {
  const { words, cut } = openings(text);
  let result = cut.get(maxWords);
  if (result === undefined) {
    result = words.length <= maxWords ? words.join(' ') : `${words.slice(0, maxWords).join(' ')}…`;
    cut.set(maxWords, result);
  }
  return result;
}

/** How many words the summary has, for reading time. */
export const wordCount = memo(2000, countWords);

const Paragraph =
  builder.objectRef<Extract<SummaryBlock, { kind: 'paragraph' }>>('SummaryParagraph');
Paragraph.implement({
  description: 'A paragraph of the summary.',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The paragraph as plain text.' }),
  }),
});

const Heading = builder.objectRef<Extract<SummaryBlock, { kind: 'heading' }>>('SummaryHeading');
Heading.implement({
  description: 'A short heading inside the summary, such as "Key points".',
  fields: (t) => ({ text: t.exposeString('text', { description: 'The heading as plain text.' }) }),
});

const List = builder.objectRef<Extract<SummaryBlock, { kind: 'list' }>>('SummaryList');
List.implement({
  description: 'A bulleted or numbered list inside the summary.',
  fields: (t) => ({
    ordered: t.exposeBoolean('ordered', { description: 'True for a numbered list.' }),
    items: t.exposeStringList('items', { description: 'The items as plain text, in order.' }),
  }),
});

const byKind = { paragraph: Paragraph, heading: Heading, list: List };

export const SummaryBlockRef = builder.unionType('SummaryBlock', {
  description: 'One block of a summary: a paragraph, a heading or a list.',
  types: [Paragraph, Heading, List],
  resolveType: (block) => byKind[block.kind],
});

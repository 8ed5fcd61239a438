// The summary as structured blocks, so clients render paragraphs and lists without parsing text.

import { wordCount as countWords, parseSummary, type SummaryBlock, wordsIn } from '@jin/store';
import { LRUCache } from 'lru-cache';
import { builder } from '../builder.ts';

export type { SummaryBlock } from '@jin/store';
export { parseSummary };

/**
 * Remembers a function of an article's summary for the last `size` articles asked about: lists
 * ask for the same summaries' excerpts and reading times over and over. Each request reads the
 * text afresh, and finding a long string in a map hashes all of it (as long as cutting the
 * excerpt took), so the article's id finds the entry and comparing the text says whether it is
 * still the one the result was made from.
 */
function perArticle<T extends {}>(
  size: number,
  compute: (text: string) => T,
): (id: number, text: string) => T {
  const cache = new LRUCache<number, { text: string; value: T }>({ max: size });
  return (id, text) => {
    const kept = cache.get(id);
    if (kept !== undefined && kept.text === text) return kept.value;
    const value = compute(text);
    cache.set(id, { text, value });
    return value;
  };
}

/** The first paragraph's words, and the excerpts already cut from them by length. */
const openings = perArticle(2000, (text) => ({
  words: wordsIn(parseSummary(text).find((b) => b.kind === 'paragraph')?.text ?? ''),
  cut: new Map<number, string>(),
}));

/** The opening of the first paragraph of an article's summary, cut at a word boundary. */
export function excerpt(article: { id: number; summary: string }, maxWords: number): string {
  const { words, cut } = openings(article.id, article.summary);
  let result = cut.get(maxWords);
  if (result === undefined) {
    result = words.length <= maxWords ? words.join(' ') : `${words.slice(0, maxWords).join(' ')}…`;
    cut.set(maxWords, result);
  }
  return result;
}

const wordCounts = perArticle(2000, countWords);

/** How many words an article's summary has, for reading time. */
export const wordCount = (article: { id: number; summary: string }): number =>
  wordCounts(article.id, article.summary);

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

import { describe, expect, it } from 'vitest';
import { excerpt, parseSummary, wordCount } from '../src/types/summary.ts';

const text = [
  'Key points:',
  '- first item',
  '',
  'The Immigration Services Agency counted 3.77 million foreign residents at the end of 2024, a record.',
  '',
  '1. one',
  '2. two',
].join('\n');

describe('summary text', () => {
  it('splits headings, lists and paragraphs', () => {
    expect(parseSummary(text).map((b) => b.kind)).toEqual(['heading', 'list', 'paragraph', 'list']);
  });

  it('cuts excerpts from the first paragraph at each length asked, and follows edits', () => {
    const article = { id: 1, summary: text };
    expect(excerpt(article, 5)).toBe('The Immigration Services Agency counted…');
    expect(excerpt(article, 40)).toBe(
      'The Immigration Services Agency counted 3.77 million foreign residents at the end of 2024, a record.',
    );
    expect(excerpt(article, 5)).toBe('The Immigration Services Agency counted…');
    // The same article edited, and another article: each answer is its own text's.
    expect(excerpt({ id: 1, summary: text.replace('counted', 'reported') }, 5)).toBe(
      'The Immigration Services Agency reported…',
    );
    expect(excerpt({ id: 2, summary: 'Only this paragraph, no more.' }, 40)).toBe(
      'Only this paragraph, no more.',
    );
    expect(excerpt({ id: 1, summary: text }, 5)).toBe('The Immigration Services Agency counted…');
  });

  it('counts words, not punctuation, and follows edits', () => {
    expect(wordCount({ id: 3, summary: 'One two - three — 4' })).toBe(4);
    const before = wordCount({ id: 4, summary: text });
    expect(wordCount({ id: 4, summary: `${text} extra` })).toBe(before + 1);
    expect(wordCount({ id: 4, summary: text })).toBe(before);
  });
});

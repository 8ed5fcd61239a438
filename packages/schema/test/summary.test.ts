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
    expect(excerpt(text, 5)).toBe('The Immigration Services Agency counted…');
    expect(excerpt(text, 40)).toBe(
      'The Immigration Services Agency counted 3.77 million foreign residents at the end of 2024, a record.',
    );
    expect(excerpt(text, 5)).toBe('The Immigration Services Agency counted…');
    expect(excerpt(text.replace('counted', 'reported'), 5)).toBe(
      'The Immigration Services Agency reported…',
    );
  });

  it('counts words, not punctuation', () => {
    expect(wordCount('One two - three — 4')).toBe(4);
    expect(wordCount(`${text} extra`)).toBe(wordCount(text) + 1);
  });
});

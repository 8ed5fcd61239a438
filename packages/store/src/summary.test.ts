import { describe, expect, it } from 'vitest';
import { parseSummary, wordCount, wordsIn } from './summary.ts';

describe('the summary format', () => {
  it('counts words as a reader would: list markers, numbered or not, are not words', () => {
    const text = 'Caps rise in 2026.\n\nKey points:\n\n- one point\n1. two points\n2) three';
    expect(wordCount(text)).toBe(11);
    // The same text without markers has the same count.
    expect(wordCount(text.replace(/^(?:- |\d[.)] )/gm, ''))).toBe(11);
    expect(wordsIn('— a 3 , b')).toEqual(['a', '3', 'b']);
  });

  it('reads blocks: paragraphs, a heading before a block, and lists of each kind', () => {
    expect(parseSummary('One\ntwo.\n\nKey points:\n- a\n- b\n1. c')).toEqual([
      { kind: 'paragraph', text: 'One two.' },
      { kind: 'heading', text: 'Key points' },
      { kind: 'list', ordered: false, items: ['a', 'b'] },
      { kind: 'list', ordered: true, items: ['c'] },
    ]);
  });
});

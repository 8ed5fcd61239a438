// Turns what a reader typed into a safe FTS5 query: every word is quoted, so operators,
// column filters, stars and stray quotes in the input are searched as plain words.

const WORD = /[\p{L}\p{N}]+/gu;

/** Returns null when the input holds no searchable word. */
export function toFtsQuery(input: string): string | null {
  const words = input.normalize('NFKC').match(WORD)?.slice(0, 32) ?? [];
  if (words.length === 0) return null;
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

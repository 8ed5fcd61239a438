// Turns what a reader typed into a safe FTS5 query: every word is quoted, so operators,
// column filters, stars and stray quotes in the input are searched as plain words.
// Words match whole (after stemming: "refugees" finds "refugee"); a store completes the last
// word as a prefix only when the whole words find nothing, since a prefix query over a common
// word costs several times what the word alone costs.

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Returns null when the input holds no searchable word. With `prefix`, the last word also
 * matches longer words it begins (`immig` finds "immigration").
 */
export function toFtsQuery(input: string, prefix = false): string | null {
  const words = input.normalize('NFKC').match(WORD)?.slice(0, 32) ?? [];
  if (words.length === 0) return null;
  return words.map((w, i) => `"${w}"${prefix && i === words.length - 1 ? '*' : ''}`).join(' ');
}

/**
 * The phrases of a query made by `toFtsQuery`, in the order FTS5 numbers them: each word is a
 * phrase of its own, quoted, with a star when it is completed as a prefix.
 */
export function ftsPhrases(ftsQuery: string): string[] {
  return ftsQuery.split(' ');
}

// Turns what a reader typed into a safe FTS5 query: every word is quoted, so operators,
// column filters, stars and stray quotes in the input are searched as plain words.
// Words match whole (after stemming: "refugees" finds "refugee"); a store completes the last
// word as a prefix only when the whole words find nothing, since a prefix query over a common
// word costs several times what the word alone costs.

/** Most words of a text query that are searched; BM25 scores each word separately. */
export const MAX_QUERY_WORDS = 10;
/** Shortest last word that is completed as a prefix when the whole words find nothing. */
export const MIN_PREFIX_CHARS = 3;

const WORD = /[\p{L}\p{N}]+/gu;

/** The searchable words of what a reader typed. */
export function queryWords(input: string): string[] {
  return input.normalize('NFKC').match(WORD) ?? [];
}

/**
 * Returns null when the input holds no searchable word. With `prefix`, the last word also
 * matches longer words it begins (`immig` finds "immigration"), when it has at least
 * MIN_PREFIX_CHARS characters: a shorter prefix would merge a large part of the index.
 */
export function toFtsQuery(input: string, prefix = false): string | null {
  const words = queryWords(input).slice(0, MAX_QUERY_WORDS);
  if (words.length === 0) return null;
  const last = words.length - 1;
  const star = prefix && [...(words[last] as string)].length >= MIN_PREFIX_CHARS;
  return words.map((w, i) => `"${w}"${star && i === last ? '*' : ''}`).join(' ');
}

/**
 * The phrases of a query made by `toFtsQuery`, in the order FTS5 numbers them: each word is a
 * phrase of its own, quoted, with a star when it is completed as a prefix.
 */
export function ftsPhrases(ftsQuery: string): string[] {
  return ftsQuery.split(' ');
}

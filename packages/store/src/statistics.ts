// Official statistics series, engine-neutral: each series has one unit and one or more lines of
// dated points, every point backed by archive articles or an official address.

import { type FieldIssue, InvalidInputError } from './errors.ts';
import { isIsoDate, SLUG_PATTERN } from './validate.ts';

export interface SeriesPointInput {
  /** The reference date: the last day of the period the figure describes. */
  date: string;
  /** The period in the source's own words ("end of June 2025"). */
  period: string;
  value: number;
  /** True when the source gives only a rounded figure. */
  approx: boolean;
  /** Slugs of the archive articles that report the figure. */
  articles: string[];
  /** The publisher's own page for the figure (https). */
  official: string | null;
}

export interface SeriesLineInput {
  key: string;
  label: string;
  /** Oldest first. */
  points: SeriesPointInput[];
}

export interface SeriesNote {
  date: string;
  text: string;
}

export interface SeriesInput {
  slug: string;
  title: string;
  description: string;
  /** A plural noun ("persons", "applications"), the same for every line. */
  unit: string;
  publisher: string;
  lines: SeriesLineInput[];
  /** Breaks in the series (a change of definition, say), oldest first. */
  notes: SeriesNote[];
}

export interface SeriesPoint extends Omit<SeriesPointInput, 'articles'> {
  articleIds: number[];
}

export interface SeriesLine {
  key: string;
  label: string;
  points: SeriesPoint[];
}

export interface Series extends Omit<SeriesInput, 'lines'> {
  id: number;
  lines: SeriesLine[];
  /** Every article that reports a figure of the series, newest first. */
  articleIds: number[];
}

/** How many articles a tag gathered in one quarter of a year. */
export interface QuarterCount {
  /** `2025-Q3`. */
  quarter: string;
  count: number;
}

/** What a Store keeps of the statistics. */
export interface StatisticsStore {
  /**
   * Replaces every series in one transaction; the same series again change nothing (not even the
   * dataset version). Throws InvalidInputError naming the series and field when one is invalid or
   * names an article the store does not have.
   */
  replaceStatistics(input: readonly SeriesInput[]): Promise<{ series: number; changed: boolean }>;
  /** Every series, by title. */
  listSeries(): Promise<Series[]>;
  /** Same length and order as `slugs`. */
  getSeriesBySlugs(slugs: readonly string[]): Promise<(Series | null)[]>;
  /** For each article id, the series it reports a figure of, by title. */
  seriesForArticles(articleIds: readonly number[]): Promise<Series[][]>;
  /** A tag's articles counted per quarter of release, oldest first; quarters with none are left out. */
  articlesPerQuarter(tagSlug: string): Promise<QuarterCount[]>;
}

/** Units are plural nouns; these plurals do not end in s. */
const IRREGULAR_PLURALS = new Set(['people', 'children', 'yen', 'personnel']);
const UNIT_PATTERN = /^[a-z]+( [a-z]+)*$/;

function isPluralUnit(unit: string): boolean {
  if (!UNIT_PATTERN.test(unit)) return false;
  const last = unit.split(' ').at(-1) as string;
  return IRREGULAR_PLURALS.has(last) || (last.endsWith('s') && !last.endsWith('ss'));
}

const isHttps = (value: string) => {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
};

/**
 * Checks series for what needs no store: slugs and keys unique, a plural unit, real dates in
 * strictly increasing order within each line, every point sourced. Throws InvalidInputError
 * naming every problem as `<slug>.<field>`.
 */
export function validateStatistics(input: readonly SeriesInput[]): void {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const series of input) {
    const at = (field: string, message: string) =>
      issues.push({ field: `${series.slug}.${field}`, message });
    if (!SLUG_PATTERN.test(series.slug) || series.slug.length > 80) {
      at('slug', 'lowercase words joined by hyphens, at most 80 characters');
    }
    if (seen.has(series.slug)) at('slug', 'used by another series');
    seen.add(series.slug);
    for (const field of ['title', 'description', 'publisher'] as const) {
      if (series[field].trim().length === 0) at(field, 'must not be empty');
    }
    if (!isPluralUnit(series.unit)) {
      at('unit', `"${series.unit}" is not a plural noun in lowercase ("persons", "applications")`);
    }
    if (series.lines.length === 0) at('lines', 'at least one line');
    const keys = new Set<string>();
    series.lines.forEach((line, i) => {
      if (!SLUG_PATTERN.test(line.key)) {
        at(`lines.${i}.key`, 'lowercase words joined by hyphens');
      }
      if (keys.has(line.key)) at(`lines.${i}.key`, `"${line.key}" is used by another line`);
      keys.add(line.key);
      if (line.label.trim().length === 0) at(`lines.${i}.label`, 'must not be empty');
      if (line.points.length === 0) at(`lines.${i}.points`, 'at least one point');
      let previous = '';
      line.points.forEach((point, j) => {
        const field = `lines.${i}.points.${j}`;
        if (!isIsoDate(point.date)) {
          at(`${field}.date`, `"${point.date}" is not a real date written YYYY-MM-DD`);
        } else if (point.date === previous) {
          at(`${field}.date`, `${point.date} appears twice in this line`);
        } else if (point.date < previous) {
          at(`${field}.date`, `${point.date} comes after ${previous}: points go oldest first`);
        }
        if (isIsoDate(point.date)) previous = point.date;
        if (point.period.trim().length === 0) at(`${field}.period`, 'must not be empty');
        if (!Number.isFinite(point.value)) at(`${field}.value`, 'must be a number');
        if (point.articles.length === 0 && !point.official) {
          at(`${field}.sources`, 'needs at least one article or an official URL');
        }
        if (point.official !== null && !isHttps(point.official)) {
          at(`${field}.sources.official`, 'must be an https URL');
        }
      });
    });
    series.notes.forEach((note, i) => {
      if (!isIsoDate(note.date)) at(`notes.${i}.date`, `"${note.date}" is not a real date`);
      if (note.text.trim().length === 0) at(`notes.${i}.text`, 'must not be empty');
    });
  }
  if (issues.length > 0) throw new InvalidInputError(issues);
}

/** The quarter a date falls in: `2025-06-30` is `2025-Q2`. */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
}

/** Every article slug the series cite, each once. */
export function citedArticles(input: readonly SeriesInput[]): string[] {
  return [
    ...new Set(input.flatMap((s) => s.lines.flatMap((l) => l.points.flatMap((p) => p.articles)))),
  ];
}

/**
 * Throws InvalidInputError naming every cited article the store lacks, as
 * `<slug>.lines.<i>.points.<j>.sources.articles.<k>`.
 */
export function checkCitedArticles(
  input: readonly SeriesInput[],
  known: { has(slug: string): boolean },
): void {
  const issues: FieldIssue[] = [];
  for (const series of input) {
    series.lines.forEach((line, i) => {
      line.points.forEach((point, j) => {
        point.articles.forEach((slug, k) => {
          if (!known.has(slug)) {
            issues.push({
              field: `${series.slug}.lines.${i}.points.${j}.sources.articles.${k}`,
              message: `no article "${slug}"`,
            });
          }
        });
      });
    });
  }
  if (issues.length > 0) throw new InvalidInputError(issues);
}

/** Article counts per month (`2025-07`, oldest first) summed into quarters, oldest first. */
export function quarterCounts(months: readonly { month: string; count: number }[]): QuarterCount[] {
  const quarters: QuarterCount[] = [];
  for (const { month, count } of months) {
    const quarter = quarterOf(`${month}-01`);
    const last = quarters.at(-1);
    if (last?.quarter === quarter) last.count += count;
    else quarters.push({ quarter, count });
  }
  return quarters;
}

// The timeline's records, engine-neutral: rule changes with their stages, and story threads
// between articles. Dates here are as precise as what was announced ("from fiscal 2027"), so a
// date is a value with its precision, and the first and last day it can mean.

import { type FieldIssue, InvalidInputError } from './errors.ts';
import { isIsoDate } from './validate.ts';

export type DatePrecision = 'day' | 'month' | 'fiscal-year' | 'year';

export interface PartialDate {
  /** As written: `2019-04-01`, `2019-04`, `FY2027` (April 2027 to March 2028) or `2027`. */
  value: string;
  precision: DatePrecision;
  /** The first and last day the date can mean, `YYYY-MM-DD`. */
  start: string;
  end: string;
}

export const STAGES = ['proposed', 'cabinet-decided', 'enacted', 'in-force', 'withdrawn'] as const;
export type Stage = (typeof STAGES)[number];

/** Statuses of residence a rule change can name where it affects them precisely. */
export const STATUSES = [
  { slug: 'specified-skilled-worker-i', name: 'Specified Skilled Worker (i)' },
  { slug: 'specified-skilled-worker-ii', name: 'Specified Skilled Worker (ii)' },
  { slug: 'employment-for-skill-development', name: 'Employment for Skill Development' },
  { slug: 'technical-intern-training', name: 'Technical Intern Training' },
  { slug: 'highly-skilled-professional', name: 'Highly Skilled Professional' },
  { slug: 'business-manager', name: 'Business Manager' },
  {
    slug: 'engineer-humanities-international',
    name: 'Engineer/Specialist in Humanities/International Services',
  },
  { slug: 'student', name: 'Student' },
  { slug: 'dependent', name: 'Dependent' },
  { slug: 'permanent-resident', name: 'Permanent Resident' },
  { slug: 'refugee-protection', name: 'Refugees and complementary protection' },
  { slug: 'digital-nomad', name: 'Digital nomad (Designated Activities)' },
] as const;
export type StatusSlug = (typeof STATUSES)[number]['slug'];
const STATUS_SLUGS = new Set<string>(STATUSES.map((s) => s.slug));

export interface RuleChangeStageInput {
  stage: Stage;
  date: string;
  /** Slugs of the archive articles that report this stage. */
  articles: string[];
}

export interface RuleChangeInput {
  slug: string;
  statement: string;
  tags: string[];
  statuses: string[];
  stages: RuleChangeStageInput[];
}

export interface StoryInput {
  slug: string;
  title: string;
  summary: string;
  /** Article slugs, oldest first. */
  articles: string[];
}

export interface TimelineInput {
  ruleChanges: RuleChangeInput[];
  stories: StoryInput[];
}

export interface RuleChangeStage {
  stage: Stage;
  date: PartialDate;
  articleIds: number[];
}

export interface RuleChange {
  id: number;
  slug: string;
  statement: string;
  /** Tag slugs, in the order given. */
  tags: string[];
  statuses: StatusSlug[];
  /** In time order. */
  history: RuleChangeStage[];
  /** The latest stage. */
  stage: Stage;
  /** When it takes effect: the in-force stage's date, or else the latest stage's. */
  effective: PartialDate;
}

export interface Story {
  id: number;
  slug: string;
  title: string;
  summary: string;
  /** Oldest first. */
  articleIds: number[];
}

export interface RuleChangeFilter {
  /** Only changes whose effective date can fall on or after this day. */
  from?: string | undefined;
  /** Only changes whose effective date can fall on or before this day. */
  to?: string | undefined;
  /** Any of these tags. */
  tags?: string[] | undefined;
  /** Any of these statuses. */
  statuses?: string[] | undefined;
  /** Current stage is one of these. */
  stages?: Stage[] | undefined;
}

/** Keyset position in the timeline's order: effective date's first day, then id. */
export interface RuleChangeKey {
  start: string;
  id: number;
}

export interface RuleChangeListQuery {
  filter?: RuleChangeFilter | undefined;
  first?: number | undefined;
  after?: RuleChangeKey | undefined;
  last?: number | undefined;
  before?: RuleChangeKey | undefined;
}

export interface RuleChangeSlice {
  items: RuleChange[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
}

/** What a Store keeps of the timeline. */
export interface TimelineStore {
  /**
   * Replaces the whole timeline in one transaction. Throws InvalidInputError naming the record and
   * field when a record is invalid or names an article or tag the store does not have.
   */
  replaceTimeline(input: TimelineInput): Promise<{ ruleChanges: number; stories: number }>;
  /** In effective-date order (then id), paged by keyset. */
  listRuleChanges(query: RuleChangeListQuery): Promise<RuleChangeSlice>;
  /** Same length and order as `slugs`. */
  getRuleChangesBySlugs(slugs: readonly string[]): Promise<(RuleChange | null)[]>;
  /** For each article id, the rule changes that cite it, in effective-date order. */
  ruleChangesForArticles(articleIds: readonly number[]): Promise<RuleChange[][]>;
  /** For each article id, the stories it belongs to. */
  storiesForArticles(articleIds: readonly number[]): Promise<Story[][]>;
  /** Same length and order as `slugs`. */
  getStoriesBySlugs(slugs: readonly string[]): Promise<(Story | null)[]>;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Reads a partial date, or returns null when it is none of the four forms or not a real date. */
export function parsePartialDate(value: string): PartialDate | null {
  if (isIsoDate(value)) return { value, precision: 'day', start: value, end: value };
  let match = /^(\d{4})-(\d{2})$/.exec(value);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    if (month < 1 || month > 12) return null;
    const end = `${match[1]}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`;
    return { value, precision: 'month', start: `${match[1]}-${pad(month)}-01`, end };
  }
  match = /^FY(\d{4})$/.exec(value);
  if (match) {
    const year = Number(match[1]);
    return { value, precision: 'fiscal-year', start: `${year}-04-01`, end: `${year + 1}-03-31` };
  }
  match = /^(\d{4})$/.exec(value);
  if (match) return { value, precision: 'year', start: `${value}-01-01`, end: `${value}-12-31` };
  return null;
}

/** The date a change takes effect: its in-force stage's, or else its latest stage's. */
export function effectiveStage<T extends { stage: Stage }>(history: readonly T[]): T {
  const inForce = history.findLast((s) => s.stage === 'in-force');
  const latest = history.at(-1);
  if (!latest) throw new Error('a rule change has at least one stage');
  return inForce ?? latest;
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Checks the records of a timeline for what needs no store: slugs, lengths, stages in time order
 * with real dates, statuses from the list. Throws InvalidInputError naming the record.
 */
export function validateTimeline(input: TimelineInput): void {
  const fail = (record: string, issues: FieldIssue[]) => {
    throw new InvalidInputError(issues.map((i) => ({ ...i, field: `${record}.${i.field}` })));
  };
  const seen = new Set<string>();
  for (const change of input.ruleChanges) {
    const issues: FieldIssue[] = [];
    const record = `ruleChanges.${change.slug}`;
    if (!SLUG.test(change.slug) || change.slug.length > 80) {
      issues.push({ field: 'slug', message: 'lowercase words joined by hyphens, at most 80' });
    }
    if (seen.has(change.slug)) issues.push({ field: 'slug', message: 'used twice' });
    seen.add(change.slug);
    const words = change.statement.trim().split(/\s+/).length;
    if (words < 8 || words > 80) {
      issues.push({ field: 'statement', message: `8 to 80 words; has ${words}` });
    }
    if (change.tags.length < 1 || change.tags.length > 3) {
      issues.push({ field: 'tags', message: '1 to 3 tags' });
    }
    change.statuses.forEach((status, i) => {
      if (!STATUS_SLUGS.has(status)) {
        issues.push({ field: `statuses.${i}`, message: `"${status}" is not a status listed` });
      }
    });
    if (change.stages.length === 0) issues.push({ field: 'stages', message: 'at least one' });
    let previous: PartialDate | null = null;
    change.stages.forEach((stage, i) => {
      if (!(STAGES as readonly string[]).includes(stage.stage)) {
        issues.push({ field: `stages.${i}.stage`, message: `one of ${STAGES.join(', ')}` });
      }
      const date = parsePartialDate(stage.date);
      if (!date) {
        issues.push({
          field: `stages.${i}.date`,
          message: `"${stage.date}" is not YYYY-MM-DD, YYYY-MM, FYYYYY or YYYY`,
        });
      } else if (previous && date.end < previous.start) {
        issues.push({ field: `stages.${i}.date`, message: 'stages go in time order' });
      }
      previous = date ?? previous;
      if (stage.articles.length === 0) {
        issues.push({ field: `stages.${i}.articles`, message: 'at least one article' });
      }
    });
    if (issues.length > 0) fail(record, issues);
  }
  seen.clear();
  for (const story of input.stories) {
    const issues: FieldIssue[] = [];
    if (!SLUG.test(story.slug) || story.slug.length > 80) {
      issues.push({ field: 'slug', message: 'lowercase words joined by hyphens, at most 80' });
    }
    if (seen.has(story.slug)) issues.push({ field: 'slug', message: 'used twice' });
    seen.add(story.slug);
    if (story.title.trim().length === 0 || story.title.length > 120) {
      issues.push({ field: 'title', message: '1 to 120 characters' });
    }
    if (story.summary.trim().length === 0 || story.summary.length > 400) {
      issues.push({ field: 'summary', message: '1 to 400 characters' });
    }
    if (story.articles.length < 2) issues.push({ field: 'articles', message: 'at least two' });
    if (new Set(story.articles).size !== story.articles.length) {
      issues.push({ field: 'articles', message: 'an article listed twice' });
    }
    if (issues.length > 0) fail(`stories.${story.slug}`, issues);
  }
}

/** How each stage reads in a sentence or a heading. */
export const STAGE_LABELS: Record<Stage, string> = {
  proposed: 'Proposed',
  'cabinet-decided': 'Decided by the cabinet',
  enacted: 'Enacted',
  'in-force': 'In force',
  withdrawn: 'Withdrawn',
};

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A partial date as a reader says it: "1 April 2019", "April 2019", "fiscal 2027", "2028". */
export function partialDateLabel(date: PartialDate): string {
  const [year, month, day] = date.start.split('-').map(Number) as [number, number, number];
  switch (date.precision) {
    case 'day':
      return `${day} ${MONTHS[month - 1]} ${year}`;
    case 'month':
      return `${MONTHS[month - 1]} ${year}`;
    case 'fiscal-year':
      return `fiscal ${year} (April ${year} to March ${year + 1})`;
    case 'year':
      return String(year);
  }
}

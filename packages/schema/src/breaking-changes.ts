// The schema's contract with its clients: the changes between the last published schema and the
// current one that would break a client (found by GraphQL Inspector), and whether the
// changelog's unreleased section records each of them by its coordinate.

import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

/** The heading of the changelog section that collects changes not yet published. */
export const UNRELEASED_HEADING = '## Unreleased';

export interface BreakingChange {
  /** The schema coordinate (`Article.summary`, `Query.articles(first:)`). */
  coordinate: string;
  message: string;
}

/** Inspector names an argument `Type.field.arg`; the schema coordinate spec writes `Type.field(arg:)`. */
function coordinateOf(change: Change): string {
  const path = change.path ?? change.type;
  const parts = path.split('.');
  if (change.type.startsWith('FIELD_ARGUMENT_') && parts.length === 3) {
    return `${parts[0]}.${parts[1]}(${parts[2]}:)`;
  }
  return path;
}

/** Every breaking change from `published` to `current` (both SDL text). */
export async function breakingChanges(
  published: string,
  current: string,
): Promise<BreakingChange[]> {
  const changes = await diff(buildSchema(published), buildSchema(current));
  return changes
    .filter((change) => change.criticality.level === CriticalityLevel.Breaking)
    .map((change) => ({ coordinate: coordinateOf(change), message: change.message }));
}

/** The text of the changelog's unreleased section ('' when there is none). */
export function unreleasedSection(changelog: string): string {
  const start = changelog.indexOf(`\n${UNRELEASED_HEADING}\n`);
  if (start < 0) return '';
  const body = changelog.slice(start + UNRELEASED_HEADING.length + 2);
  const next = body.search(/^## /m);
  return next < 0 ? body : body.slice(0, next);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether the section names this coordinate as a whole: `Article.summary` is not recorded by
 * `Article.summaryBlocks`, nor `Article` by `Article.summary`. An argument may also be written
 * as Inspector prints it (`Query.articles.first`).
 */
export function records(section: string, coordinate: string): boolean {
  const forms = [coordinate];
  const argument = /^(\w+)\.(\w+)\((\w+):\)$/.exec(coordinate);
  if (argument) forms.push(`${argument[1]}.${argument[2]}.${argument[3]}`);
  return forms.some((form) =>
    new RegExp(`(?<![\\w.@])${escapeRegExp(form)}(?![\\w(]|\\.\\w)`).test(section),
  );
}

/** The breaking changes the changelog's unreleased section does not record. */
export async function unrecordedBreakingChanges(
  published: string,
  current: string,
  changelog: string,
): Promise<BreakingChange[]> {
  const section = unreleasedSection(changelog);
  const changes = await breakingChanges(published, current);
  return changes.filter((change) => !records(section, change.coordinate));
}

/**
 * The changelog as published on `date`: the unreleased section takes the date as its heading,
 * and a new, empty unreleased section opens above it.
 */
export function releaseChangelog(changelog: string, date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`not a date (YYYY-MM-DD): ${date}`);
  if (changelog.includes(`\n## ${date}\n`)) throw new Error(`${date} is already published`);
  const at = changelog.indexOf(`\n${UNRELEASED_HEADING}\n`);
  if (at < 0) throw new Error(`the changelog has no "${UNRELEASED_HEADING}" section`);
  if (unreleasedSection(changelog).trim() === '') {
    throw new Error('the unreleased section is empty: nothing to publish');
  }
  const after = at + UNRELEASED_HEADING.length + 2;
  return `${changelog.slice(0, at)}\n${UNRELEASED_HEADING}\n\n## ${date}\n${changelog.slice(after)}`;
}

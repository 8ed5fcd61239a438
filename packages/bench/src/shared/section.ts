// What a section of the benchmark is: how it measures, and what it adds to the report. Each
// section lives in a folder of its own and is listed once, in ../sections.ts.

import type { Datasets } from './datasets.ts';
import type { Metric } from './metrics.ts';
import type { Report } from './report.ts';
import type { Settings } from './settings.ts';

/** What every section may use while it runs. */
export interface Context {
  settings: Settings;
  datasets: Datasets;
  /** A temporary folder, removed after the run. */
  workDir: string;
}

/**
 * `Fields` are what the section writes into the JSON report: its result under its own `id`, and
 * anything else it keeps beside it at the top level.
 */
export interface Section<Id extends string, Fields extends { [K in Id]: unknown }> {
  /** Its name for `--only`, and the key of its result in the JSON report. */
  id: Id;
  run(context: Context): Promise<Fields>;
  /** Its figures, each with the target it must meet where it has one. */
  figures(fields: Fields): Metric[];
  /** Its part of the Markdown page. */
  page(fields: Fields, report: Report): string;
  /** Its lines under "What the numbers say". */
  findings?(fields: Fields, report: Report): string[];
  /** Requests that failed or answered a status they should not have, in its result. */
  errors?(fields: Fields): number;
  /** A part of the page after the notes, for detail that would interrupt the sections. */
  appendix?(fields: Fields): string | null;
}

export type AnySection = Section<string, Record<string, unknown>>;

/** Checks a section against the interface while keeping its own types, for the registry. */
export const defineSection = <Id extends string, Fields extends { [K in Id]: unknown }>(
  section: Section<Id, Fields>,
) => section;

/** The section's fields in a report, when the section ran and finished. */
export function fieldsOf<Fields>(section: { id: string }, report: Report): Fields | undefined {
  return (report as unknown as Record<string, unknown>)[section.id] === undefined
    ? undefined
    : (report as unknown as Fields);
}

// The report as a JSON document: what every report holds. Each section adds its result under its
// own name (see section.ts); ../sections.ts gives the whole document's type.

import type { Machine } from './machine.ts';
import type { Metric } from './metrics.ts';
import type { Settings } from './settings.ts';

export interface Report {
  schemaVersion: 1;
  mode: 'full' | 'smoke';
  /** The sections chosen for the run, in the order they ran. */
  sections: string[];
  machine: Machine;
  durationS: number;
  settings: Settings;
  /** Sections that could not finish, with the reason. */
  failures: { section: string; message: string }[];
  metrics: Metric[];
  /** Request errors, unexpected statuses and failed sections, summed: anything but 0 is a bug. */
  errors: number;
}

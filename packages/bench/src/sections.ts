// Every section of the benchmark, in the order they run and appear on the report's page. A new
// section is a folder beside these (its run, its figures and targets, its part of the page, its
// findings, and a section.ts joining them) and one line here.

import { apiSection } from './api/section.ts';
import { replicasSection } from './replicas/section.ts';
import { scaleSection } from './scale/section.ts';
import type { Report } from './shared/report.ts';
import type { Section } from './shared/section.ts';
import { soakSection } from './soak/section.ts';
import { spaSection } from './spa/section.ts';
import { storeSection } from './store/section.ts';
import { storeEnginesSection } from './store-engines/section.ts';
import { worstSection } from './worst/section.ts';

export const SECTIONS = [
  storeSection,
  storeEnginesSection,
  apiSection,
  scaleSection,
  replicasSection,
  spaSection,
  soakSection,
  worstSection,
] as const;

type FieldsOf<S> = S extends Section<string, infer Fields> ? Fields : never;
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;

/** The whole JSON report: what every report holds, and each section's fields where it ran. */
export type BenchReport = Report & Partial<Intersection<FieldsOf<(typeof SECTIONS)[number]>>>;

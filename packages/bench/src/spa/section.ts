// The reader app section: what each route downloads, and Lighthouse on a page of each kind the
// real site renders.

import { defineSection } from '../shared/section.ts';
import { spaFindings } from './findings.ts';
import { spaPage } from './report.ts';
import { benchSpa } from './run.ts';
import { spaFigures } from './targets.ts';

export const spaSection = defineSection({
  id: 'spa',
  run: async (context) => ({ spa: await benchSpa(context) }),
  figures: ({ spa }) => spaFigures(spa),
  page: ({ spa }, report) => spaPage(spa, report),
  findings: ({ spa }, report) => spaFindings(spa, report),
});

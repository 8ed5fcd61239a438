// The store engines section: SQLite and PostgreSQL side by side, small and large.

import { defineSection } from '../shared/section.ts';
import { enginesPage } from './report.ts';
import { benchEngines } from './run.ts';
import { enginesFigures } from './targets.ts';

export const storeEnginesSection = defineSection({
  id: 'engines',
  run: async (context) => ({ engines: await benchEngines(context) }),
  figures: ({ engines }) => enginesFigures(engines),
  page: ({ engines }, report) => enginesPage(engines, report),
});

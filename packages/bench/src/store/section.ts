// The store section: the reads behind every page, in-process, at the full synthetic size.

import { defineSection } from '../shared/section.ts';
import { storeFindings } from './findings.ts';
import { storePage } from './report.ts';
import { benchStore } from './run.ts';
import { storeFigures } from './targets.ts';

export const storeSection = defineSection({
  id: 'store',
  run: async (context) => ({ store: await benchStore(context) }),
  figures: ({ store }) => storeFigures(store),
  page: ({ store }, report) => storePage(store, report),
  findings: ({ store }) => storeFindings(store),
});

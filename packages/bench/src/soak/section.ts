// The soak section: one site process under mixed reads and authenticated writes for a fixed
// time, with its errors and how its memory moved.

import { defineSection } from '../shared/section.ts';
import { soakPage } from './report.ts';
import { benchSoak } from './run.ts';
import { soakFigures } from './targets.ts';

export const soakSection = defineSection({
  id: 'soak',
  run: async (context) => ({ soak: await benchSoak(context) }),
  figures: ({ soak }) => soakFigures(soak),
  page: ({ soak }, report) => soakPage(soak, report),
  errors: ({ soak }) => soak.errors,
});

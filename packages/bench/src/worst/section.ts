// The worst-cases section: every read at its largest arguments, each hostile class of request
// with the event loop's longest delay, and a flood of large answers with the site's memory.

import { defineSection } from '../shared/section.ts';
import { worstPage } from './report.ts';
import { benchWorst } from './run.ts';
import { worstErrors, worstFigures } from './targets.ts';

export const worstSection = defineSection({
  id: 'worst',
  run: async (context) => ({ worst: await benchWorst(context) }),
  figures: ({ worst }) => worstFigures(worst),
  page: ({ worst }, report) => worstPage(worst, report),
  errors: ({ worst }) => worstErrors(worst),
});

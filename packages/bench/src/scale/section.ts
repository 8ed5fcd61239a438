// The scale section: the same reads at every archive size, in the store and over HTTP against
// the real site process, with each site's start time, memory and file size.

import { defineSection } from '../shared/section.ts';
import { scaleFindings } from './findings.ts';
import { scalePage } from './report.ts';
import { benchScale } from './run.ts';
import { scaleFigures } from './targets.ts';

export const scaleSection = defineSection({
  id: 'scale',
  run: async (context) => ({ scale: await benchScale(context) }),
  figures: ({ scale }) => scaleFigures(scale),
  page: ({ scale }, report) => scalePage(scale, report),
  findings: ({ scale }) => scaleFindings(scale),
});

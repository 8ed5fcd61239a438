// The API section: our server's throughput against a node:http ceiling and two peers on the same
// schema and store, and a CPU profile of its slowest target.

import { defineSection } from '../shared/section.ts';
import { apiFindings } from './findings.ts';
import { apiPage, profilePage } from './report.ts';
import { benchApi } from './run.ts';
import { apiErrors, apiFigures } from './targets.ts';

export const apiSection = defineSection({
  id: 'api',
  run: benchApi,
  figures: ({ api }) => apiFigures(api),
  page: ({ api }, report) => apiPage(api, report),
  findings: ({ api, profile }) => apiFindings(api, profile),
  errors: ({ api }) => apiErrors(api),
  appendix: ({ profile }) => (profile ? profilePage(profile) : null),
});

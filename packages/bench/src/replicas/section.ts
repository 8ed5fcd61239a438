// The replicas section: the site on PostgreSQL with one and with two API processes.

import { defineSection } from '../shared/section.ts';
import { replicasPage } from './report.ts';
import { benchReplicas } from './run.ts';
import { replicasFigures } from './targets.ts';

export const replicasSection = defineSection({
  id: 'replicas',
  run: async (context) => ({ replicas: await benchReplicas(context) }),
  figures: ({ replicas }) => replicasFigures(replicas),
  page: ({ replicas }, report) => replicasPage(replicas, report),
  errors: ({ replicas }) =>
    [...replicas.post, ...replicas.get].reduce((s, run) => s + run.errors, 0),
});

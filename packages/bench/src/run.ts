// `pnpm bench`: runs the chosen sections and writes reports/<name>.md and reports/<name>.json.
//
//   --only store,scale,api,spa,soak,worst  sections to run (default: all)
//   --smoke                      tiny sizes and 1 s loads, no Lighthouse (also BENCH_SMOKE=1)
//   --no-profile                 skip the CPU profile of the slowest API target
//   --out DIR                    where to write (default: packages/bench/reports)
//   --name NAME                  file name (default: latest; smoke, partial for those runs)

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchApi } from './api.ts';
import { Datasets } from './datasets.ts';
import { describeMachine } from './machine.ts';
import type { Metric } from './metrics.ts';
import { type Report, SECTIONS, type Section, toMarkdown } from './report.ts';
import { benchScale } from './scale.ts';
import { settingsFor } from './settings.ts';
import { benchSoak } from './soak.ts';
import { benchSpa } from './spa.ts';
import { benchStore } from './store.ts';
import { benchWorst } from './worst.ts';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    smoke: { type: 'boolean', default: false },
    'no-profile': { type: 'boolean', default: false },
    out: { type: 'string' },
    name: { type: 'string' },
  },
});

const smoke = values.smoke || process.env.BENCH_SMOKE === '1';
const sections = values.only ? values.only.split(',').map((s) => s.trim()) : [...SECTIONS];
for (const s of sections) {
  if (!(SECTIONS as readonly string[]).includes(s)) {
    console.error(`unknown section "${s}"; choose from ${SECTIONS.join(', ')}`);
    process.exit(2);
  }
}
const chosen = SECTIONS.filter((s) => sections.includes(s));
const settings = settingsFor(smoke);
if (values['no-profile']) settings.profileS = 0;
const outDir = values.out ?? fileURLToPath(new URL('../reports', import.meta.url));
const name = values.name ?? (smoke ? 'smoke' : values.only ? 'partial' : 'latest');

const started = performance.now();
const log = (message: string) =>
  console.log(
    `[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`,
  );

const report: Report = {
  schemaVersion: 1,
  mode: smoke ? 'smoke' : 'full',
  sections: chosen,
  machine: describeMachine(),
  durationS: 0,
  settings,
  failures: [],
  metrics: [],
  errors: 0,
};

const datasets = new Datasets();
const workDir = mkdtempSync(join(tmpdir(), 'jin-bench-work-'));

async function section<T extends { metrics: Metric[] }>(
  id: Section,
  run: () => Promise<T>,
  keep: (result: T) => void,
): Promise<void> {
  if (!chosen.includes(id)) return;
  log(`${id}: running`);
  try {
    const result = await run();
    keep(result);
    report.metrics.push(...result.metrics);
    log(`${id}: done`);
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    report.failures.push({ section: id, message });
    log(`${id}: FAILED\n${message}`);
  }
}

try {
  await section(
    'store',
    () => benchStore(settings, datasets),
    (r) => {
      report.store = r.result;
    },
  );
  await section(
    'scale',
    () => benchScale(settings, datasets),
    (r) => {
      report.scale = r.result;
    },
  );
  await section(
    'api',
    () => benchApi(settings, workDir),
    (r) => {
      report.api = r.result;
      report.profile = r.profile;
    },
  );
  await section(
    'spa',
    () => benchSpa(settings),
    (r) => {
      report.spa = r.result;
    },
  );
  await section(
    'soak',
    () => benchSoak(settings),
    (r) => {
      report.soak = r.result;
    },
  );
  await section(
    'worst',
    () => benchWorst(settings, datasets),
    (r) => {
      report.worst = r.result;
    },
  );
} finally {
  datasets.remove();
  rmSync(workDir, { recursive: true, force: true });
}

report.durationS = (performance.now() - started) / 1000;
report.machine.loadAverage.push(loadavg()[0] as number);
report.errors =
  report.failures.length +
  (report.api?.runs.reduce((sum, run) => sum + run.errors + run.non2xx, 0) ?? 0) +
  (report.soak?.errors ?? 0) +
  [...(report.worst?.hostile.map((h) => h.statuses) ?? []), report.worst?.flood.statuses ?? {}]
    .flatMap((statuses) => Object.entries(statuses))
    .filter(([status]) => Number(status) >= 500)
    .reduce((sum, [, count]) => sum + count, 0);
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(outDir, `${name}.md`), toMarkdown(report));
const judged = report.metrics.filter((m) => m.target);
log(
  `wrote ${join(outDir, name)}.{md,json}: ${judged.filter((m) => m.pass).length} of ${judged.length} targets met, ${report.errors} errors`,
);
process.exit(report.errors === 0 ? 0 : 1);

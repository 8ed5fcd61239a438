// `pnpm bench`: runs the chosen sections and writes reports/<name>.md and reports/<name>.json.
//
//   --only store,api,scale,spa,soak,worst  sections to run (default: all; see sections.ts)
//   --smoke                      tiny sizes and 1 s loads, no Lighthouse (also BENCH_SMOKE=1)
//   --no-profile                 skip the CPU profile of the slowest API target
//   --out DIR                    where to write (default: packages/bench/reports)
//   --name NAME                  file name (default: latest; smoke, partial for those runs)

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type BenchReport, SECTIONS } from './sections.ts';
import { Datasets } from './shared/datasets.ts';
import { describeMachine } from './shared/machine.ts';
import { countErrors, toMarkdown } from './shared/page.ts';
import type { AnySection } from './shared/section.ts';
import { settingsFor } from './shared/settings.ts';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    smoke: { type: 'boolean', default: false },
    'no-profile': { type: 'boolean', default: false },
    out: { type: 'string' },
    name: { type: 'string' },
  },
});

const ids: string[] = SECTIONS.map((s) => s.id);
const smoke = values.smoke || process.env.BENCH_SMOKE === '1';
const wanted = values.only ? values.only.split(',').map((s) => s.trim()) : ids;
for (const s of wanted) {
  if (!ids.includes(s)) {
    console.error(`unknown section "${s}"; choose from ${ids.join(', ')}`);
    process.exit(2);
  }
}
const chosen: AnySection[] = SECTIONS.filter((s) => wanted.includes(s.id));
const settings = settingsFor(smoke);
if (values['no-profile']) settings.profileS = 0;
const outDir = values.out ?? fileURLToPath(new URL('../reports', import.meta.url));
const name = values.name ?? (smoke ? 'smoke' : values.only ? 'partial' : 'latest');

const started = performance.now();
const log = (message: string) =>
  console.log(
    `[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`,
  );

const report: BenchReport = {
  schemaVersion: 1,
  mode: smoke ? 'smoke' : 'full',
  sections: chosen.map((s) => s.id),
  machine: describeMachine(),
  durationS: 0,
  settings,
  failures: [],
  metrics: [],
  errors: 0,
};

const context = {
  settings,
  datasets: new Datasets(),
  workDir: mkdtempSync(join(tmpdir(), 'jin-bench-work-')),
};

try {
  for (const section of chosen) {
    log(`${section.id}: running`);
    try {
      const fields = await section.run(context);
      const figures = section.figures(fields);
      Object.assign(report, fields);
      report.metrics.push(...figures);
      log(`${section.id}: done`);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      report.failures.push({ section: section.id, message });
      log(`${section.id}: FAILED\n${message}`);
    }
  }
} finally {
  context.datasets.remove();
  rmSync(context.workDir, { recursive: true, force: true });
}

report.durationS = (performance.now() - started) / 1000;
report.machine.loadAverage.push(loadavg()[0] as number);
report.errors = countErrors(report, SECTIONS);
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(outDir, `${name}.md`), toMarkdown(report, SECTIONS));
const judged = report.metrics.filter((m) => m.target);
log(
  `wrote ${join(outDir, name)}.{md,json}: ${judged.filter((m) => m.pass).length} of ${judged.length} targets met, ${report.errors} errors`,
);
process.exit(report.errors === 0 ? 0 : 1);

// The report: one JSON document for machines and a Markdown page for people, from the same data.

import type { ApiResult } from './api.ts';
import { findings } from './findings.ts';
import type { Machine } from './machine.ts';
import { formatTarget, formatValue, type Metric, mark } from './metrics.ts';
import type { ProfileSummary } from './profile.ts';
import { SCALE_READS, type ScaleRead, type ScaleResult } from './scale.ts';
import type { Settings } from './settings.ts';
import type { SoakResult } from './soak.ts';
import type { SpaResult } from './spa.ts';
import { STORE_OPS, type StoreOp, type StoreResult } from './store.ts';
import type { WorstResult } from './worst.ts';

export const SECTIONS = ['store', 'scale', 'api', 'spa', 'soak', 'worst'] as const;
export type Section = (typeof SECTIONS)[number];

export interface Report {
  schemaVersion: 1;
  mode: 'full' | 'smoke';
  sections: Section[];
  machine: Machine;
  durationS: number;
  settings: Settings;
  store?: StoreResult;
  scale?: ScaleResult;
  api?: ApiResult;
  profile?: (ProfileSummary & { run: string }) | null;
  spa?: SpaResult;
  soak?: SoakResult;
  worst?: WorstResult;
  /** Sections that could not finish, with the reason. */
  failures: { section: Section; message: string }[];
  metrics: Metric[];
  /** Request errors, unexpected statuses and failed sections, summed: anything but 0 is a bug. */
  errors: number;
}

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const table = (head: string[], rows: (string | number)[][]) =>
  [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');
const ms = (x: number) => formatValue(x, 'ms');
const n = (x: number) => x.toLocaleString('en-US');

function byId(report: Report, id: string): Metric | undefined {
  return report.metrics.find((m) => m.id === id);
}

/** The target and pass mark of a metric, as two cells. */
function judged(report: Report, id: string): [string, string] {
  const m = byId(report, id);
  return m?.target ? [formatTarget(m.target, m.unit), mark(m)] : ['—', ''];
}

function machineSection(m: Machine, report: Report): string {
  return [
    '## Machine',
    '',
    table(
      ['', ''],
      [
        ['CPU', `${m.cpu}, ${m.cores} cores`],
        ['Memory', `${m.memoryGb.toFixed(1)} GB`],
        ['OS', m.os],
        ['Node.js', m.node],
        ['SQLite', m.sqlite],
        ['Date', m.date],
        ['Load average (1 min), start / end', m.loadAverage.map((x) => x.toFixed(2)).join(' / ')],
        [
          'Run',
          `${report.mode}, sections ${report.sections.join(', ')}, ${report.durationS.toFixed(0)} s`,
        ],
      ],
    ),
  ].join('\n');
}

function targetsSection(report: Report): string {
  const judgedMetrics = report.metrics.filter((m) => m.target);
  const passed = judgedMetrics.filter((m) => m.pass).length;
  return [
    '## Targets',
    '',
    `${passed} of ${judgedMetrics.length} targets met.`,
    '',
    table(
      ['Figure', 'Value', 'Target', 'Result'],
      judgedMetrics.map((m) => [
        m.label,
        formatValue(m.value, m.unit),
        formatTarget(m.target, m.unit),
        mark(m),
      ]),
    ),
  ].join('\n');
}

function storeSection(report: Report, r: StoreResult): string {
  return [
    `## Store (in-process, ${n(r.size)} synthetic articles, SQLite file)`,
    '',
    `Generated and loaded in ${formatValue(r.loadSeconds, 's')} (${judged(report, 'store.load').join(' ')}); file ${formatValue(r.fileMb, 'MB')}. The full-text query matches ${r.fullTextMatches.toLocaleString('en-US')} articles.`,
    '',
    table(
      ['Read', 'Median', 'p99', 'Runs', 'Target', 'Result'],
      (Object.keys(STORE_OPS) as StoreOp[]).map((op) => [
        STORE_OPS[op],
        ms(r.ops[op].median),
        ms(r.ops[op].p99),
        r.ops[op].n,
        ...judged(report, `store.${op}.median`),
      ]),
    ),
    '',
    `Page 20 deep costs ${formatValue(byId(report, 'store.deepPage.ratio')?.value ?? Number.NaN, 'x')} the first page (${judged(report, 'store.deepPage.ratio').join(' ')}).`,
  ].join('\n');
}

function apiSection(report: Report, r: ApiResult, s: Settings): string {
  const ratio = (x: number | undefined) => (x === undefined ? '—' : formatValue(x, 'x'));
  const rows = r.runs.map((run) => {
    const id = `api.${run.server === 'api' ? run.id : run.server}`;
    const checks = [`${id}.p99`, `${id}.vsCeiling`, `${id}.errors`]
      .map((k) => byId(report, k))
      .filter((m): m is Metric => m?.target !== undefined);
    return [
      run.label,
      n(Math.round(run.reqPerSec)),
      ms(run.latencyP50),
      ms(run.latencyP99),
      run.errors,
      run.non2xx,
      ratio(run.vsCeiling),
      ratio(run.vsPeers?.yoga),
      ratio(run.vsPeers?.mercurius),
      run.cpu
        ? [run.cpu.target, run.cpu.loadGenerator, run.cpu.others]
            .map((c) => c.toFixed(2))
            .join(' / ')
        : 'n/a',
      checks
        .map((m) => `${m.label.split(': ')[1]} ${formatTarget(m.target, m.unit)}: ${mark(m)}`)
        .join('; '),
    ];
  });
  return [
    `## API throughput (autocannon, ${s.connections} connections, ${s.durationS} s after ${s.warmupS} s warm-up, loopback)`,
    '',
    `Real seed archive in memory; each server alone in its own process (NODE_ENV=production, logging off). Feed response: ${n(r.feedBytes)} bytes. Peers returned ${r.peersAgree ? 'exactly the same data' : 'DIFFERENT data'} for the feed query.`,
    '',
    table(
      [
        'Target',
        'req/s',
        'p50',
        'p99',
        'Errors',
        'Non-2xx',
        'x ceiling',
        'x Yoga',
        'x Mercurius',
        'CPU cores: server / autocannon / others',
        'Targets',
      ],
      rows,
    ),
    '',
    'Errors are connection errors and timeouts; non-2xx counts unexpected statuses (304 is expected in the If-None-Match run). CPU is the average number of cores busy during the measured run, from /proc: the server process, the load generator, and every other process on the machine (noise: near 0 when the measurement is clean).',
  ].join('\n');
}

function scaleSection(report: Report, r: ScaleResult): string {
  const sizes = r.points.map((p) => n(p.size));
  const reads = Object.keys(SCALE_READS) as ScaleRead[];
  const grid = (kind: 'store' | 'http') =>
    table(
      ['Read', ...sizes, 'Growth', 'Target', 'Result'],
      reads.map((read) => [
        SCALE_READS[read],
        ...r.points.map((p) => ms(p[kind][read].median)),
        formatValue(r.growth[kind][read], 'x'),
        ...judged(report, `scale.growth.${kind}.${read}`),
      ]),
    );
  const last = r.points[r.points.length - 1];
  return [
    `## Scale (synthetic archives of ${sizes.join(', ')} articles)`,
    '',
    '### HTTP, POST to the real site process (median of sequential requests, one keep-alive connection)',
    '',
    grid('http'),
    '',
    '### Store, in-process (median)',
    '',
    grid('store'),
    '',
    '### The site process',
    '',
    table(
      [
        'Articles',
        'Start to /healthz',
        'RSS after warm-up',
        'Peak RSS',
        'Database file',
        'Shutdown on SIGTERM',
        'Target',
        'Result',
      ],
      r.points.map((p) => [
        n(p.size),
        formatValue(p.startSeconds, 's'),
        formatValue(p.rssMb, 'MB'),
        formatValue(p.peakRssMb, 'MB'),
        formatValue(p.fileMb, 'MB'),
        p.shutdown.clean
          ? formatValue(p.shutdown.ms / 1000, 's')
          : `killed after ${formatValue(p.shutdown.ms / 1000, 's')}`,
        p === last
          ? `start ${judged(report, `scale.${p.size}.start`)[0]}, RSS ${judged(report, `scale.${p.size}.rss`)[0]}`
          : '—',
        p === last
          ? `${judged(report, `scale.${p.size}.start`)[1]}, ${judged(report, `scale.${p.size}.rss`)[1]}`
          : '',
      ]),
    ),
  ].join('\n');
}

function spaSection(report: Report, r: SpaResult): string {
  if (r.status === 'not built') return ['## Reader app', '', `Not built: ${r.note}`].join('\n');
  const parts = [
    '## Reader app',
    '',
    '### What each route loads (Vite manifest: entry and its static imports, plus the lazy route chunk and its imports; gzip -9)',
    '',
    table(
      ['Route chunk', 'JS', 'CSS', 'Target', 'Result'],
      r.bundles.map((b) => {
        const name = b.route === 'entry' ? 'entry' : b.route;
        return [
          b.route === r.feedRoute ? `${b.route} (feed)` : b.route,
          formatValue(b.jsKb, 'KB'),
          formatValue(b.cssKb, 'KB'),
          ...judged(report, `spa.js.${name}`),
        ];
      }),
    ),
  ];
  if (!r.lighthouse) {
    parts.push('', 'Lighthouse was not run in this mode.');
    return parts.join('\n');
  }
  const cell = (id: string) => {
    const m = byId(report, id);
    return m ? `${formatValue(m.value, m.unit)} ${m.pass ? '✓' : '✗'}` : 'n/a';
  };
  parts.push(
    '',
    `### Lighthouse 12 (mobile emulation, simulated throttling; the site serving the real archive, each measured page rendered on the server afresh after a warm-up on four other pages; Lighthouse CPU benchmark index of this machine: ${r.lighthouse.map((p) => Math.round(p.benchmarkIndex)).join(', ')})`,
    '',
    table(
      [
        'Page',
        'Performance (>= 0.95)',
        'Accessibility (1)',
        'Best practices (1)',
        'SEO (1)',
        'LCP (<= 2 s)',
        'CLS (<= 0.05)',
        'TBT (<= 150 ms)',
      ],
      r.lighthouse.map((p) => [
        `${p.page} \`${new URL(p.url).pathname}${new URL(p.url).search}\``,
        cell(`spa.${p.page}.performance`),
        cell(`spa.${p.page}.accessibility`),
        cell(`spa.${p.page}.bestPractices`),
        cell(`spa.${p.page}.seo`),
        cell(`spa.${p.page}.lcp`),
        formatValue(p.cls, 'score') === '0.00' && p.cls > 0
          ? `${p.cls.toFixed(3)} ${byId(report, `spa.${p.page}.cls`)?.pass ? '✓' : '✗'}`
          : cell(`spa.${p.page}.cls`),
        cell(`spa.${p.page}.tbt`),
      ]),
    ),
  );
  const failing = r.lighthouse.filter((p) => p.failing.length > 0);
  if (failing.length > 0) {
    parts.push(
      '',
      'Failing audits:',
      '',
      ...failing.map((p) => `- ${p.page}: ${p.failing.join(', ')}`),
    );
  }
  return parts.join('\n');
}

function soakSection(report: Report, r: SoakResult): string {
  return [
    `## Soak (${r.durationS} s of mixed reads and writes, ${r.connections} clients, one site process)`,
    '',
    `${r.connections} clients loop over the feed, a tag table page, search, an article with related articles and the tag and outlet lists (over POST and cached GET), and, one request in five, create, update and delete articles with a bearer token. Memory is read from /proc after the warm-up and at the end.`,
    '',
    table(
      [
        'Requests',
        'Reads',
        'Writes',
        'Errors',
        'RSS after warm-up',
        'RSS at end',
        'Growth',
        'Target',
        'Result',
      ],
      [
        [
          n(r.requests),
          n(r.reads),
          n(r.writes),
          r.errors,
          formatValue(r.rssAfterWarmupMb, 'MB'),
          formatValue(r.rssEndMb, 'MB'),
          formatValue(r.rssGrowthPct, '%'),
          `errors ${judged(report, 'soak.errors')[0]}, growth ${judged(report, 'soak.rssGrowth')[0]}`,
          `${judged(report, 'soak.errors')[1]}, ${judged(report, 'soak.rssGrowth')[1]}`,
        ],
      ],
    ),
    ...(r.errorSamples.length > 0
      ? ['', 'First errors:', '', ...r.errorSamples.map((e) => `- \`${e}\``)]
      : []),
  ].join('\n');
}

function worstSection(report: Report, r: WorstResult): string {
  const statuses = (s: Record<string, number>) =>
    Object.entries(s)
      .map(([status, count]) => `${count}× ${status}`)
      .join(', ');
  const slug = (name: string) => name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  return [
    `## Worst cases (${n(r.size)} synthetic articles)`,
    '',
    'Every read the schema allows at its largest arguments (100 a page, 5 tags, 20 outlets, 10 words, pages 90% deep), timed in the store: median and slowest of the runs after one warm-up.',
    '',
    table(
      ['Read', 'Median', 'Slowest', 'Target', 'Result'],
      r.reads.map((x) => [
        x.name,
        ms(x.medianMs),
        ms(x.maxMs),
        ...judged(report, `worst.read.${slug(x.name)}`),
      ]),
    ),
    '',
    `The first count after a write, which reads the counts' columns again: ${ms(r.countAfterWriteMs)}.`,
    '',
    'Each hostile class sent by four clients to an API server in the benchmark process, while `monitorEventLoopDelay` records the longest delay and a fifth client asks for /healthz every 20 ms:',
    '',
    table(
      [
        'Class',
        'Requests',
        'Answers',
        'Longest loop delay',
        '/healthz median',
        '/healthz slowest',
        'Target',
        'Result',
      ],
      r.hostile.map((h) => [
        h.name,
        h.requests,
        statuses(h.statuses),
        ms(h.loopMaxMs),
        ms(h.healthzMedianMs),
        ms(h.healthzMaxMs),
        ...judged(report, `worst.loop.${slug(h.name)}`),
      ]),
    ),
    '',
    `A flood of ${r.flood.seconds} s against one site process: ${n(r.flood.answers)} distinct GET answers of about 2 MB each and ${n(r.flood.pages)} distinct page addresses (${statuses(r.flood.statuses)}). Resident memory ${formatValue(r.flood.rssStartMb, 'MB')} at the start, ${formatValue(r.flood.rssPeakMb, 'MB')} at the peak (${judged(report, 'worst.flood.rssPeak').join(' ')}), ${formatValue(r.flood.rssEndMb, 'MB')} at the end.`,
  ].join('\n');
}

function profileSection(p: ProfileSummary & { run: string }): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return [
    `### CPU profile of the slowest API target: ${p.run}`,
    '',
    `\`node --cpu-prof\` on the server process under the same load; ${pct(p.idleShare)} of the profile was idle. Shares are of busy time.`,
    '',
    table(
      ['Self time', 'Function', 'Where'],
      p.functions.map((f) => [pct(f.share), `\`${f.name}\``, f.where ? `\`${f.where}\`` : '']),
    ),
    '',
    'By package:',
    '',
    table(
      ['Self time', 'Package'],
      p.packages.map((f) => [pct(f.share), f.name]),
    ),
  ].join('\n');
}

export function toMarkdown(report: Report): string {
  const parts = [
    '# Benchmarks',
    '',
    `Generated by \`pnpm bench\` (packages/bench). Every figure with a target is marked pass or fail; figures without one are context. ${report.errors === 0 ? 'No request failed.' : `**${report.errors} errors** (see below).`}`,
    '',
    machineSection(report.machine, report),
    '',
    '## What the numbers say',
    '',
    ...findings(report).map((f) => `- ${f}`),
    '',
    targetsSection(report),
  ];
  if (report.store) parts.push('', storeSection(report, report.store));
  if (report.api) parts.push('', apiSection(report, report.api, report.settings));
  if (report.scale) parts.push('', scaleSection(report, report.scale));
  if (report.spa) parts.push('', spaSection(report, report.spa));
  if (report.soak) parts.push('', soakSection(report, report.soak));
  if (report.worst) parts.push('', worstSection(report, report.worst));
  parts.push('', '## Notes', '');
  parts.push(
    '- Load comes from autocannon in the benchmark process, on the same two cores as the server: absolute rates are lower than on a separate load machine, ratios between servers are what to compare.',
    "- The API's per-client rate limiter stays in the request path, set to a budget the single load-generating client cannot exhaust.",
    '- Store and scale timings are wall-clock medians of sequential calls after warm-up; p99 over fewer than 100 runs is close to the maximum.',
    '- What each optimisation gave, before and after: `history.md` beside this report.',
  );
  for (const f of report.failures)
    parts.push(`- Section ${f.section} failed: ${f.message.split('\n')[0]}`);
  if (report.profile) parts.push('', profileSection(report.profile));
  return `${parts.join('\n')}\n`;
}

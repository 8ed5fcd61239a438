// The API's part of the page, and the CPU profile of its slowest target after the notes.

import { byId, ms, n, table } from '../shared/markdown.ts';
import { formatTarget, formatValue, type Metric, mark } from '../shared/metrics.ts';
import type { Report } from '../shared/report.ts';
import type { ApiProfile, ApiResult } from './run.ts';
import { figureId } from './targets.ts';

export function apiPage(r: ApiResult, { metrics, settings: s }: Report): string {
  const ratio = (x: number | undefined) => (x === undefined ? '—' : formatValue(x, 'x'));
  const rows = r.runs.map((run) => {
    const id = figureId(run);
    const checks = ['vsMercurius', 'p99VsMercurius', 'vsYoga', 'vsFeed', 'vsCeiling', 'errors']
      .map((k) => `${id}.${k}`)
      .map((k) => byId(metrics, k))
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
      ratio(run.vsPeers?.bare),
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
    `## API throughput (autocannon, ${s.connections} connections, and ${s.fewConnections} in the rows that say so; ${s.durationS} s after ${s.warmupS} s warm-up, loopback)`,
    '',
    `Real seed archive in memory; each server alone in its own process (NODE_ENV=production, logging off). Feed response: ${n(r.feedBytes)} bytes. Each ceiling is node:http sending our server's own answer byte for byte (status, headers, body): the cached 200 for GET and the bodiless 304 for revalidation. The reference is node:http with graphql-jit and nothing else (no security headers, CORS, rate limit, CSRF rule, limits or error formatting): the work every server on this schema and store shares. Peers and the reference returned ${r.peersAgree ? 'exactly the same data' : 'DIFFERENT data'} for the feed query.`,
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
        'x reference',
        'CPU cores: server / autocannon / others',
        'Targets',
      ],
      rows,
    ),
    '',
    'Errors are connection errors and timeouts; non-2xx counts unexpected statuses (304 is expected in the If-None-Match run). CPU is the average number of cores busy during the measured run, from /proc: the server process, the load generator, and every other process on the machine (noise: near 0 when the measurement is clean).',
  ].join('\n');
}

export function profilePage(p: ApiProfile): string {
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

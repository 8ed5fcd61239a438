// Runs the whole suite in smoke mode (tiny archives, 1 s loads, no Lighthouse) and checks the
// shape of its JSON report, so the benchmarks cannot silently break. Speed is never asserted.

import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BenchReport as Report, SECTIONS } from './sections.ts';
import { toMarkdown } from './shared/page.ts';
import type { AnySection } from './shared/section.ts';

const out = mkdtempSync(join(tmpdir(), 'jin-bench-smoke-'));
const benchDir = fileURLToPath(new URL('..', import.meta.url));

afterAll(() => rmSync(out, { recursive: true, force: true }));

const positive = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x > 0;

let run: SpawnSyncReturns<string>;
let report: Report | null = null;

beforeAll(() => {
  run = spawnSync(process.execPath, ['--import', 'tsx', 'src/run.ts', '--smoke', '--out', out], {
    cwd: benchDir,
    encoding: 'utf8',
    timeout: 420_000,
  });
  try {
    report = JSON.parse(readFileSync(join(out, 'smoke.json'), 'utf8')) as Report;
  } catch {
    report = null;
  }
}, 440_000);

describe('pnpm bench --smoke', () => {
  it('finishes every section without errors', () => {
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(report?.failures).toEqual([]);
    expect(report?.errors).toBe(0);
    expect(readFileSync(join(out, 'smoke.md'), 'utf8')).toContain('## What the numbers say');
  });

  it('runs every registered section and keeps its result under its name', () => {
    expect(report?.sections).toEqual(SECTIONS.map((s) => s.id));
    for (const { id } of SECTIONS) {
      expect((report as Record<string, unknown> | null)?.[id], id).toBeDefined();
    }
  });

  it('describes the machine', () => {
    const m = report?.machine;
    expect(m?.cpu).toBeTruthy();
    expect(positive(m?.cores) && positive(m?.memoryGb)).toBe(true);
    expect(m?.node).toBe(process.version);
  });

  it('times every store read', () => {
    const store = report?.store;
    expect(positive(store?.loadSeconds) && positive(store?.fullTextMatches)).toBe(true);
    for (const op of Object.values(store?.ops ?? {})) {
      expect(positive(op.median) && positive(op.p99) && op.n > 0).toBe(true);
    }
    expect(Object.keys(store?.ops ?? {})).toHaveLength(6);
  });

  it('loads our server, the ceilings, both peers and the reference with zero errors', () => {
    const runs = report?.api?.runs ?? [];
    expect(runs.map((r) => r.id)).toEqual([
      'post-feed',
      'get-feed',
      'get-304',
      'post-tag-page',
      'post-article',
      'post-timeline',
      'post-search',
      'post-floor',
      'post-feed-c10',
      'post-search-c10',
      'get-feed-c10',
      'get-304-c10',
      'ceiling',
      'ceiling-c10',
      'ceiling-304',
      'ceiling-304-c10',
      'yoga',
      'mercurius',
      'mercurius-c10',
      'bare',
      'bare-c10',
    ]);
    for (const r of runs) {
      expect(positive(r.reqPerSec) && positive(r.requests), r.id).toBe(true);
      expect(r.latencyP99, r.id).toBeGreaterThanOrEqual(r.latencyP50);
      expect(r.errors + r.non2xx, r.id).toBe(0);
      if (!r.id.startsWith('ceiling')) expect(positive(r.vsCeiling), r.id).toBe(true);
    }
    expect(
      report?.api?.runs.find((r) => r.id === 'ceiling-304')?.statusCodes['304'],
    ).toBeGreaterThan(0);
    expect(report?.api?.runs.find((r) => r.id === 'get-304')?.statusCodes['304']).toBeGreaterThan(
      0,
    );
    expect(report?.api?.peersAgree).toBe(true);
  });

  it('sets the reference beside Mercurius: its rate against it, and ours against it', () => {
    const metrics = report?.metrics ?? [];
    const figure = (id: string) => metrics.find((m) => m.id === id);
    const bare = report?.api?.runs.find((r) => r.id === 'bare');
    const mercurius = report?.api?.runs.find((r) => r.id === 'mercurius');
    const reach = figure('api.bare.vsMercurius');
    expect(reach?.value).toBeCloseTo((bare?.reqPerSec ?? 0) / (mercurius?.reqPerSec ?? 1), 6);
    expect(positive(figure('api.post-feed.vsBare')?.value)).toBe(true);
    // Context, not targets: only our own rate against Mercurius is judged.
    expect(reach?.target).toBeUndefined();
    expect(figure('api.post-feed.vsBare')?.target).toBeUndefined();
    expect(figure('api.post-feed.vsMercurius')?.target?.value).toBe(1.2);
  });

  it('profiles the slowest API target', () => {
    const profile = report?.profile;
    expect(positive(profile?.totalMs)).toBe(true);
    expect(profile?.functions.length).toBeGreaterThan(5);
    for (const f of profile?.functions ?? []) expect(positive(f.ms)).toBe(true);
  });

  it('measures every read at every archive size, and the site process', () => {
    const scale = report?.scale;
    expect(scale?.points.map((p) => p.size)).toEqual(report?.settings.scaleSizes);
    for (const p of scale?.points ?? []) {
      expect([p.fileMb, p.startSeconds, p.rssMb].every(positive)).toBe(true);
      for (const t of [...Object.values(p.store), ...Object.values(p.http)]) {
        expect(positive(t.median)).toBe(true);
      }
    }
    expect(Object.values(scale?.growth.http ?? {}).every(positive)).toBe(true);
  });

  it('sizes the reader app when it is built, and says so when it is not', () => {
    const spa = report?.spa;
    if (spa?.status === 'measured') {
      expect(spa.bundles.length).toBeGreaterThan(0);
      for (const b of spa.bundles) expect(positive(b.jsKb)).toBe(true);
    } else {
      expect(spa?.note).toMatch(/missing/);
    }
  });

  it('soaks a site process with reads and writes, and reads its memory', () => {
    const soak = report?.soak;
    expect(soak?.reads).toBeGreaterThan(0);
    expect(soak?.writes).toBeGreaterThan(0);
    expect(soak?.errors, soak?.errorSamples.join('\n')).toBe(0);
    expect([soak?.rssAfterWarmupMb, soak?.rssEndMb].every(positive)).toBe(true);
    expect(soak?.articlesAtEnd).toBeGreaterThan(91);
    expect(soak?.articlesAtEnd).toBe(soak?.articlesExpected);
  });

  it('states a target and a verdict for every judged figure', () => {
    const judged = (report?.metrics ?? []).filter((m) => m.target);
    expect(judged.length).toBeGreaterThan(10);
    for (const m of judged) expect(typeof m.pass).toBe('boolean');
  });
});

describe('the Lighthouse warm-up', () => {
  it('never fetches a page Lighthouse measures, so every measured page is rendered afresh', async () => {
    const { SPA_PAGES, WARM_UP_PATHS } = await import('./spa/run.ts');
    const measured = SPA_PAGES('an-article').map((p) => p.path);
    expect(WARM_UP_PATHS.length).toBeGreaterThan(0);
    expect(WARM_UP_PATHS.filter((path) => measured.includes(path))).toEqual([]);
  });
});

describe('the JavaScript each route loads', () => {
  it("counts the app the entry imports after the first paint, and each route's own modules", async () => {
    const { routeBundles } = await import('./spa/bundles.ts');
    const dist = mkdtempSync(join(tmpdir(), 'jin-bundles-'));
    try {
      mkdirSync(join(dist, 'assets'));
      // Random bytes do not compress, so each size shows which files were counted.
      const files = { 'boot.js': 1, 'app.js': 40, 'shared.js': 8, 'feed.js': 3, 'tag.js': 5 };
      for (const [file, kb] of Object.entries(files)) {
        writeFileSync(join(dist, 'assets', file), randomBytes(kb * 1024));
      }
      const bundles = routeBundles(
        {
          'index.html': { file: 'assets/boot.js', isEntry: true, dynamicImports: ['src/main.tsx'] },
          'src/main.tsx': {
            file: 'assets/app.js',
            isDynamicEntry: true,
            imports: ['_shared.js'],
            dynamicImports: ['src/feed.tsx', 'src/tag.tsx'],
          },
          '_shared.js': { file: 'assets/shared.js' },
          'src/feed.tsx': { file: 'assets/feed.js', isDynamicEntry: true, imports: ['_shared.js'] },
          'src/tag.tsx': { file: 'assets/tag.js', isDynamicEntry: true },
        },
        dist,
      );
      expect(bundles.map((b) => b.route)).toEqual(['entry', 'src/feed.tsx', 'src/tag.tsx']);
      const [entry, feed, tag] = bundles;
      expect(entry?.files.sort()).toEqual(['assets/app.js', 'assets/boot.js', 'assets/shared.js']);
      expect(feed?.files.sort()).toEqual([
        'assets/app.js',
        'assets/boot.js',
        'assets/feed.js',
        'assets/shared.js',
      ]);
      expect(entry?.jsKb).toBeCloseTo(49, 0);
      expect(feed?.jsKb).toBeCloseTo(52, 0);
      expect(tag?.jsKb).toBeCloseTo(54, 0);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('the section registry', () => {
  const reportsDir = fileURLToPath(new URL('../reports', import.meta.url));
  // Every committed report (a section may be run and kept on its own, as worst-cases is), but
  // the throwaway smoke and partial runs.
  const committed = readdirSync(reportsDir)
    .filter((file) => file.endsWith('.json') && !/^(smoke|partial)\.json$/.test(file))
    .map((file) => JSON.parse(readFileSync(join(reportsDir, file), 'utf8')) as Report);
  const sections: readonly AnySection[] = SECTIONS;

  it('names each section once', () => {
    const ids = sections.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(sections.map((s) => [s.id, s] as const))(
    'reads the %s part of a committed report: figures with targets, the same figure ids, a part of the page',
    (id, section) => {
      // A report that ran the section and has its result (a section that failed has none).
      const report = committed.find(
        (r) =>
          r.sections.includes(id) && (r as unknown as Record<string, unknown>)[id] !== undefined,
      ) as Report;
      expect(report, `no committed report has the ${id} section`).toBeDefined();
      const fields = report as unknown as Record<string, unknown>;
      const figures = section.figures(fields);
      expect(figures.filter((m) => m.target).length).toBeGreaterThan(0);
      // Figure ids are how two reports are compared: none that a committed report has may vanish.
      const ids = new Set(figures.map((m) => m.id));
      const own = report.metrics.filter((m) => m.id.startsWith(`${id}.`));
      expect(own.length).toBeGreaterThan(0);
      expect(own.filter((m) => !ids.has(m.id)).map((m) => m.id)).toEqual([]);
      const part = section.page(fields, report);
      expect(part).toMatch(/^## /);
      expect(toMarkdown(report, SECTIONS)).toContain(part);
    },
  );
});

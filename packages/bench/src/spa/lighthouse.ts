// Lighthouse on pages of the reader app, in Debian's Chromium.

import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { RunnerResult } from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../../../chromium.shared.ts';

const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_FLAGS];

export interface LighthousePage {
  page: string;
  url: string;
  scores: Record<'performance' | 'accessibility' | 'best-practices' | 'seo', number>;
  lcpMs: number;
  cls: number;
  tbtMs: number;
  /** Audits that failed, for categories below 1. */
  failing: string[];
  warnings: string[];
  /** Lighthouse's own CPU benchmark of this machine (a typical desktop scores over 1000). */
  benchmarkIndex: number;
  /** How many runs the figures were chosen from (one in reports before runs were repeated). */
  runs?: number;
  /** The lowest and highest performance score of those runs. */
  performanceRange?: [number, number];
}

interface ChromeLauncher {
  launch(options: { chromePath: string; chromeFlags: string[] }): Promise<{
    port: number;
    kill(): void | Promise<void>;
  }>;
}

/** chrome-launcher as Lighthouse itself resolves it (it is Lighthouse's own dependency). */
async function chromeLauncher(): Promise<ChromeLauncher> {
  const fromLighthouse = createRequire(import.meta.resolve('lighthouse'));
  return (await import(
    pathToFileURL(fromLighthouse.resolve('chrome-launcher')).href
  )) as ChromeLauncher;
}

/** One Lighthouse result per page, in the order given; `lhr` is Lighthouse's own report. */
export interface LighthouseRun {
  page: string;
  url: string;
  lhr: RunnerResult['lhr'];
}

export async function runLighthouse(
  pages: { page: string; url: string }[],
): Promise<LighthouseRun[]> {
  const { default: lighthouse } = await import('lighthouse');
  const launcher = await chromeLauncher();
  process.env.CHROME_PATH = CHROMIUM_PATH;
  const chrome = await launcher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS });
  const runs: LighthouseRun[] = [];
  try {
    for (const { page, url } of pages) {
      const once = () =>
        lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        });
      let run = await once();
      // A trace Chromium failed to record (NO_NAVSTART and the like) says to run again: once.
      if (run?.lhr.runtimeError && /again/i.test(run.lhr.runtimeError.message)) run = await once();
      if (!run) throw new Error(`Lighthouse returned nothing for ${url}`);
      if (run.lhr.runtimeError) {
        throw new Error(`Lighthouse on ${url}: ${run.lhr.runtimeError.message}`);
      }
      runs.push({ page, url, lhr: run.lhr });
    }
  } finally {
    await chrome.kill();
  }
  return runs;
}

/**
 * A page's figures from several runs of it: those of Lighthouse's own median run (the run
 * nearest the medians of first contentful paint and time to interactive, as Lighthouse
 * recommends for a noisy machine), with the range of performance scores across the runs.
 */
export function medianPage(runs: LighthouseRun[]): LighthousePage {
  const first = runs[0];
  if (!first) throw new Error('no Lighthouse run to summarise');
  const lhr = computeMedianRun(runs.map((r) => r.lhr)) as RunnerResult['lhr'];
  const score = (id: string) => lhr.categories[id]?.score ?? Number.NaN;
  const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const failing = Object.values(lhr.categories)
    .filter((c) => c.id !== 'performance' && (c.score ?? 0) < 1)
    .flatMap((c) => c.auditRefs.filter((ref) => ref.weight > 0).map((ref) => ref.id))
    .filter((id) => (lhr.audits[id]?.score ?? 1) < 1);
  const performances = runs.map((r) => r.lhr.categories.performance?.score ?? Number.NaN);
  return {
    page: first.page,
    url: first.url,
    scores: {
      performance: score('performance'),
      accessibility: score('accessibility'),
      'best-practices': score('best-practices'),
      seo: score('seo'),
    },
    lcpMs: value('largest-contentful-paint'),
    cls: value('cumulative-layout-shift'),
    tbtMs: value('total-blocking-time'),
    failing: [...new Set(failing)],
    warnings: lhr.runWarnings,
    benchmarkIndex: lhr.environment.benchmarkIndex,
    runs: runs.length,
    performanceRange: [Math.min(...performances), Math.max(...performances)],
  };
}

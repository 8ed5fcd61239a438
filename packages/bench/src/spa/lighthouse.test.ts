import { describe, expect, it } from 'vitest';
import { type LighthouseRun, medianPage } from './lighthouse.ts';

/** A Lighthouse result with just what medianPage and Lighthouse's median run read. */
function run(fcp: number, interactive: number, performance: number, tbt: number): LighthouseRun {
  const audits = {
    'first-contentful-paint': { numericValue: fcp },
    interactive: { numericValue: interactive },
    'largest-contentful-paint': { numericValue: fcp + 100 },
    'cumulative-layout-shift': { numericValue: 0 },
    'total-blocking-time': { numericValue: tbt },
    'color-contrast': { score: 0 },
  };
  const category = (id: string, score: number, refs: string[] = []) => ({
    id,
    score,
    auditRefs: refs.map((ref) => ({ id: ref, weight: 1 })),
  });
  const lhr = {
    audits,
    categories: {
      performance: category('performance', performance),
      accessibility: category('accessibility', 0.9, ['color-contrast']),
      'best-practices': category('best-practices', 1),
      seo: category('seo', 1),
    },
    runWarnings: [],
    environment: { benchmarkIndex: 2000 },
  };
  return { page: 'feed', url: 'http://127.0.0.1/', lhr: lhr as unknown as LighthouseRun['lhr'] };
}

describe('a page measured several times', () => {
  it("takes its figures from the median run, not the best or the worst, and keeps the runs' range", () => {
    const page = medianPage([
      run(900, 3000, 0.91, 400),
      run(700, 2000, 0.99, 60),
      run(800, 2500, 0.97, 180),
    ]);
    expect(page.scores.performance).toBe(0.97);
    expect(page.tbtMs).toBe(180);
    expect(page.lcpMs).toBe(900);
    expect(page.runs).toBe(3);
    expect(page.performanceRange).toEqual([0.91, 0.99]);
    expect(page.failing).toEqual(['color-contrast']);
  });

  it('is the run itself when there is one', () => {
    const page = medianPage([run(900, 3000, 0.91, 400)]);
    expect(page.scores.performance).toBe(0.91);
    expect(page.performanceRange).toEqual([0.91, 0.91]);
  });

  it('refuses to summarise no runs', () => {
    expect(() => medianPage([])).toThrow(/no Lighthouse run/);
  });
});

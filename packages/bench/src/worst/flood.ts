// A flood of distinct large answers and page addresses against a site process, with its
// resident memory.

import { memoryOf, startSite } from '../shared/processes.ts';
import { aliased } from './hostile.ts';

export interface FloodResult {
  seconds: number;
  answers: number;
  pages: number;
  statuses: Record<string, number>;
  rssStartMb: number;
  rssPeakMb: number;
  rssEndMb: number;
}

/** Distinct GET answers of about 2 MB and distinct page addresses, as fast as one client can. */
export async function flood(path: string, seconds: number): Promise<FloodResult> {
  const site = await startSite({ JIN_DB_PATH: path, JIN_RATE_LIMIT_RPS: '0' });
  const statuses: Record<string, number> = {};
  const rssStartMb = memoryOf(site.pid).rssMb;
  let rssPeakMb = rssStartMb;
  let answers = 0;
  let pages = 0;
  const until = performance.now() + seconds * 1000;
  const sample = setInterval(() => {
    rssPeakMb = Math.max(rssPeakMb, memoryOf(site.pid).rssMb);
  }, 250);
  try {
    const big = (i: number) => {
      const day = `20${String(13 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      const query = aliased(
        15,
        `articles(first: 100, filter: { releasedTo: "${day}" }) { nodes { title summary } }`,
      ).replace(/a(\d+): /g, (_m, n: string) => `a${n}_${i}: `);
      return `${site.url}/graphql?query=${encodeURIComponent(query)}`;
    };
    const record = (status: number) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
    };
    const answersWorker = async () => {
      for (let i = answers; performance.now() < until; i = ++answers) {
        const response = await fetch(big(i), { headers: { 'apollo-require-preflight': 'true' } });
        await response.arrayBuffer();
        record(response.status);
      }
    };
    const pagesWorker = async () => {
      for (let i = pages; performance.now() < until; i = ++pages) {
        const response = await fetch(`${site.url}/?v=${i}`);
        await response.arrayBuffer();
        record(response.status);
      }
    };
    // Pages only where the reader app is built (otherwise every page is a 503 with a hint).
    const built = (await fetch(`${site.url}/`)).status !== 503;
    await Promise.all([
      answersWorker(),
      answersWorker(),
      ...(built ? [pagesWorker(), pagesWorker()] : []),
    ]);
    rssPeakMb = Math.max(rssPeakMb, memoryOf(site.pid).rssMb);
    return {
      seconds,
      answers,
      pages,
      statuses,
      rssStartMb,
      rssPeakMb,
      rssEndMb: memoryOf(site.pid).rssMb,
    };
  } finally {
    clearInterval(sample);
    await site.stop();
  }
}

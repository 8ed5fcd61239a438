import type { Store } from '@jin/store';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerVersion } from './response-cache.ts';

const store = { datasetVersion: async () => 'db.7' } as unknown as Store;

describe('answerVersion', () => {
  afterEach(() => vi.useRealTimers());

  it('turns over at midnight in Japan, not in UTC, for the same dataset version', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-31T14:59:59Z'));
    const before = await answerVersion(store);
    vi.setSystemTime(new Date('2026-03-31T15:00:00Z'));
    const after = await answerVersion(store);
    expect(before).toBe('db.7.2026-03-31');
    expect(after).toBe('db.7.2026-04-01');
  });

  it('gives the day of whatever time the clock says, forwards, backwards or far off', async () => {
    vi.useFakeTimers();
    const times = [
      '2026-03-31T15:00:00Z',
      '2026-04-01T14:59:59.999Z',
      '2026-03-31T14:59:59.999Z',
      '2026-04-01T15:00:00Z',
      '2031-12-31T14:59:59Z',
      '2024-02-28T15:00:00Z',
      '2026-04-01T00:00:00Z',
    ];
    const days: string[] = [];
    for (const time of times) {
      vi.setSystemTime(new Date(time));
      days.push(await answerVersion(store));
    }
    expect(days).toEqual([
      'db.7.2026-04-01',
      'db.7.2026-04-01',
      'db.7.2026-03-31',
      'db.7.2026-04-02',
      'db.7.2031-12-31',
      'db.7.2024-02-29',
      'db.7.2026-04-01',
    ]);
  });
});

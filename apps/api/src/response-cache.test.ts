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
});

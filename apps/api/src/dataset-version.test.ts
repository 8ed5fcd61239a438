import type { Store } from '@jin/store';
import { describe, expect, it } from 'vitest';
import { watchDatasetVersion } from './dataset-version.ts';

/** A store whose version is a number the test moves, counting how often it is asked. */
function versionedStore() {
  const state = { version: 1, asked: 0, listener: null as ((v: string) => void) | null };
  const store = {
    datasetVersion: async () => {
      state.asked++;
      return `v${state.version}`;
    },
    onDatasetChange(listener: (v: string) => void) {
      state.listener = listener;
      return () => {
        state.listener = null;
      };
    },
    countArticles: async function (this: unknown) {
      return this === store ? 7 : -1;
    },
    close: async () => {},
  };
  return { state, store: store as unknown as Store };
}

describe('watchDatasetVersion', () => {
  it('answers from memory within the window and asks the database again after it', async () => {
    const { state, store } = versionedStore();
    let now = 1_000;
    const watched = watchDatasetVersion(store, { freshMs: 500, now: () => now });
    expect(await watched.datasetVersion()).toBe('v1');
    state.version = 2; // another process wrote, and its announcement was lost
    now += 499;
    expect(await watched.datasetVersion()).toBe('v1');
    expect(state.asked).toBe(1);
    now += 1;
    expect(await watched.datasetVersion()).toBe('v2');
    expect(state.asked).toBe(2);
  });

  it('takes an announced version at once, without asking', async () => {
    const { state, store } = versionedStore();
    const watched = watchDatasetVersion(store, { freshMs: 60_000, now: () => 0 });
    expect(await watched.datasetVersion()).toBe('v1');
    state.listener?.('v9');
    expect(await watched.datasetVersion()).toBe('v9');
    expect(state.asked).toBe(1);
  });

  it('asks once for many requests at the same moment', async () => {
    const { state, store } = versionedStore();
    const watched = watchDatasetVersion(store);
    const answers = await Promise.all(Array.from({ length: 20 }, () => watched.datasetVersion()));
    expect(new Set(answers)).toEqual(new Set(['v1']));
    expect(state.asked).toBe(1);
  });

  it('passes every other method to the store itself, and stops listening on close', async () => {
    const { state, store } = versionedStore();
    const watched = watchDatasetVersion(store);
    expect(await watched.countArticles()).toBe(7);
    expect(state.listener).not.toBeNull();
    await watched.close();
    expect(state.listener).toBeNull();
  });
});

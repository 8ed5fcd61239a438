// The behaviour every Store implementation must show. Run it with a factory for a fresh,
// empty store: `runStoreContract('sqlite memory', () => openSqliteStore())`.

import { afterEach, beforeEach, describe } from 'vitest';
import type { Article, Store } from '../src/types.ts';
import { type ContractContext, fixtureArticles, seed } from './fixture.ts';
import { pagingTests } from './paging.ts';
import { readTests } from './reads.ts';
import { searchTests } from './search.ts';
import { statisticsTests } from './statistics.ts';
import { timelineTests } from './timeline.ts';
import { writeTests } from './writes.ts';

export { type Comparison, compareStores } from './compare.ts';
export { fixtureArticles, seed, walk } from './fixture.ts';
export { fixtureStatistics } from './statistics.ts';
export { fixtureTimeline } from './timeline.ts';

export function runStoreContract(name: string, open: () => Store | Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    let all: Article[];
    beforeEach(async () => {
      store = await open();
      await seed(store);
      all = (await store.getArticlesByIds(fixtureArticles().map((_, i) => i + 1))).filter(
        (a): a is Article => a !== null,
      );
    });
    afterEach(async () => {
      await store.close();
    });
    // Getters, because every test gets a new store and archive from beforeEach.
    const ctx: ContractContext = {
      get store() {
        return store;
      },
      get all() {
        return all;
      },
    };

    readTests(ctx);
    pagingTests(ctx);
    searchTests(ctx);
    writeTests(ctx);
    timelineTests(ctx);
    statisticsTests(ctx);
  });
}

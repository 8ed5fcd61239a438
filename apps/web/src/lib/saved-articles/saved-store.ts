// Saved articles, kept on the device in IndexedDB (through idb-keyval): no account, and they
// survive reloads and restarts. Loaded only after the page is interactive (see saved-state.ts).

import { clear, createStore, del, get, set, type UseStore, values } from 'idb-keyval';
import type { ArticleToSave, SavedArticle } from './saved-article.ts';

export interface SavedStore {
  /** Every saved article, the most recently saved first. */
  list(): Promise<SavedArticle[]>;
  /** Saves the article (again: its kept copy and save time are replaced) and returns it as kept. */
  save(article: ArticleToSave, now?: Date): Promise<SavedArticle>;
  /** Whether an article with this id is saved. */
  has(id: string): Promise<boolean>;
  remove(id: string): Promise<void>;
  clear(): Promise<void>;
}

export const SAVED_DATABASE = 'jin-saved';
const OBJECT_STORE = 'articles';

export function openSavedStore(database = SAVED_DATABASE): SavedStore {
  const store: UseStore = createStore(database, OBJECT_STORE);
  return {
    async list() {
      const all = await values<SavedArticle>(store);
      // ISO 8601 instants in UTC sort as text; the id breaks ties so the order is stable.
      return all.sort((a, b) =>
        a.savedAt === b.savedAt ? a.id.localeCompare(b.id) : a.savedAt < b.savedAt ? 1 : -1,
      );
    },
    async save(article, now = new Date()) {
      const saved: SavedArticle = { ...copyOf(article), savedAt: now.toISOString() };
      await set(saved.id, saved, store);
      return saved;
    },
    async has(id) {
      return (await get(id, store)) !== undefined;
    },
    remove: (id) => del(id, store),
    clear: () => clear(store),
  };
}

/** Only the fields a saved article has: a GraphQL object carries more (__typename and so on). */
function copyOf(article: ArticleToSave): ArticleToSave {
  if (!article.id || !article.slug || !article.title) {
    throw new Error('An article to save needs its id, slug and headline.');
  }
  return {
    id: article.id,
    slug: article.slug,
    title: article.title,
    media: { slug: article.media.slug, name: article.media.name },
    releasedOn: article.releasedOn,
    dateApproximate: article.dateApproximate,
    summary: article.summary,
    tags: article.tags.map(({ slug, name }) => ({ slug, name })),
  };
}

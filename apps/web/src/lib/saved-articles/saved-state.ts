// The saved articles as the app's components see them. This module is small and loads with the
// app; the IndexedDB code (saved-store.ts) is imported only once the page is interactive
// (startSavedArticles), so it never delays the first paint or hydration. Until then, and where
// IndexedDB is unavailable, `status` says so and Save controls stay hidden.

import { useSyncExternalStore } from 'react';
import { announce } from '../announce.tsx';
import { SAVED_PAGES_CACHE } from '../offline-caches.ts';
import { paths } from '../site.ts';
import type { ArticleToSave, SavedArticle } from './saved-article.ts';
import type { SavedStore } from './saved-store.ts';

export interface SavedState {
  status: 'loading' | 'ready' | 'unavailable';
  /** Newest saved first. */
  articles: readonly SavedArticle[];
  ids: ReadonlySet<string>;
}

const INITIAL: SavedState = { status: 'loading', articles: [], ids: new Set() };
let state = INITIAL;
const listeners = new Set<() => void>();
let opened: Promise<SavedStore> | undefined;

function setArticles(articles: SavedArticle[]) {
  state = { status: 'ready', articles, ids: new Set(articles.map((a) => a.id)) };
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The saved articles; on the server and before start-up, none and `loading`. */
export function useSavedArticles(): SavedState {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => INITIAL,
  );
}

function store(): Promise<SavedStore> {
  opened ??= import('./saved-store.ts').then(({ openSavedStore }) => openSavedStore());
  return opened;
}

/** Reads the saved list from the device; called once the page is interactive. */
export async function startSavedArticles(): Promise<void> {
  try {
    setArticles(await (await store()).list());
  } catch {
    // IndexedDB can be refused (some private modes, storage turned off): no saving then.
    state = { ...INITIAL, status: 'unavailable' };
    for (const listener of listeners) listener();
  }
}

/** Saves the article, or removes it when it is saved; returns whether it is now saved. */
export async function toggleSaved(article: ArticleToSave): Promise<boolean> {
  if (state.ids.has(article.id)) {
    await removeSaved(article);
    return false;
  }
  const saved = await (await store()).save(article);
  setArticles([saved, ...state.articles.filter((a) => a.id !== saved.id)]);
  announce(`Saved: ${article.title}. It can be read offline from Saved articles.`);
  keepPage(saved.slug);
  return true;
}

export async function removeSaved(article: Pick<SavedArticle, 'id' | 'slug' | 'title'>) {
  await (await store()).remove(article.id);
  setArticles(state.articles.filter((a) => a.id !== article.id));
  announce(`Removed from saved articles: ${article.title}`);
  dropPages([article.slug]);
}

export async function clearSaved() {
  const slugs = state.articles.map((a) => a.slug);
  await (await store()).clear();
  setArticles([]);
  announce('All saved articles removed.');
  dropPages(slugs);
}

// The article's page, as the server renders it, kept for reading offline; the service worker
// answers from this cache when the network fails (sw/sw.ts). Best effort: offline, the page
// may still be in the cache of visited pages.
function keepPage(slug: string) {
  if (!('caches' in window)) return;
  caches
    .open(SAVED_PAGES_CACHE)
    .then((cache) => cache.add(paths.article(slug)))
    .catch(() => {});
}

function dropPages(slugs: string[]) {
  if (!('caches' in window)) return;
  caches
    .open(SAVED_PAGES_CACHE)
    .then((cache) => Promise.all(slugs.map((slug) => cache.delete(paths.article(slug)))))
    .catch(() => {});
}

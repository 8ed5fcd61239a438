// A deterministic synthetic archive for scale tests and benchmarks: N articles with realistic
// title and summary lengths, dates over years, a skewed tag distribution and hundreds of outlets.

import type { ArticleInput, Store, Tag } from '@jin/store';

/** mulberry32: a small, fast, seedable PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCABULARY = `visa residence status worker trainee employer quota ministry agency
  refugee asylum detention deportation permanent resident student school caregiver nursing
  city council survey record census labour shortage reform bill Diet court ruling policy
  prefecture sector skill test language wage contract support community integration family
  children application review government minister cabinet foreign national immigration
  program system data report increase decline region industry construction agriculture`
  .split(/\s+/)
  .filter(Boolean);

export const SYNTHETIC_TAGS: Tag[] = Array.from({ length: 24 }, (_, i) => ({
  slug: `topic-${i + 1}`,
  name: `Topic ${i + 1}`,
  description: `Synthetic topic number ${i + 1}.`,
}));

export interface SyntheticOptions {
  count?: number;
  seed?: number;
  outlets?: number;
}

export function* syntheticArticles(options: SyntheticOptions = {}): Generator<ArticleInput> {
  const { count = 100_000, seed = 42, outlets = 300 } = options;
  const random = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  // (A plain loop: this runs about 25 million times for 100,000 articles.)
  const words = (n: number) => {
    let text = pick(VOCABULARY);
    for (let i = 1; i < n; i++) text += ` ${pick(VOCABULARY)}`;
    return text;
  };
  const start = Date.UTC(2012, 0, 1);
  const span = Date.UTC(2026, 0, 1) - start;
  for (let i = 0; i < count; i++) {
    // Skewed: low-numbered tags and outlets are far more common (roughly Zipf-like).
    const tagCount = 1 + Math.floor(random() * 3);
    const tags = new Set<string>();
    while (tags.size < tagCount) {
      const rank = Math.floor(SYNTHETIC_TAGS.length * random() ** 2.2);
      tags.add((SYNTHETIC_TAGS[rank] as Tag).slug);
    }
    const outlet = Math.floor(outlets * random() ** 3);
    const paragraphs = Array.from({ length: 2 + Math.floor(random() * 3) }, () => {
      const sentences = Array.from({ length: 2 + Math.floor(random() * 3) }, () => {
        const s = words(10 + Math.floor(random() * 14));
        return `${s[0]?.toUpperCase()}${s.slice(1)}.`;
      });
      return sentences.join(' ');
    });
    if (random() < 0.3) paragraphs.push(`Key points:\n- ${words(8)}\n- ${words(9)}\n- ${words(7)}`);
    const title = words(6 + Math.floor(random() * 8));
    yield {
      slug: `synthetic-${i + 1}`,
      title: `${title[0]?.toUpperCase()}${title.slice(1)}`,
      releasedOn: new Date(start + Math.floor(random() * span)).toISOString().slice(0, 10),
      media: { name: `Outlet ${outlet + 1}`, slug: `outlet-${outlet + 1}` },
      summary: paragraphs.join('\n\n'),
      sourceUrl: random() < 0.8 ? `https://news.example.org/${i + 1}` : null,
      tags: [...tags],
    };
  }
}

/** Loads a synthetic archive in batches of one transaction each. */
export async function loadSynthetic(store: Store, options: SyntheticOptions = {}): Promise<number> {
  for (const tag of SYNTHETIC_TAGS) await store.upsertTag(tag);
  let batch: ArticleInput[] = [];
  let total = 0;
  for (const article of syntheticArticles(options)) {
    batch.push(article);
    if (batch.length === 5000) {
      total += (await store.importArticles(batch)).created;
      batch = [];
    }
  }
  if (batch.length > 0) total += (await store.importArticles(batch)).created;
  return total;
}

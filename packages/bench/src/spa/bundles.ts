// What each route of the reader app downloads, from the Vite manifest of its build.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const WEB_DIST = fileURLToPath(new URL('../../../../apps/web/dist', import.meta.url));

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export interface RouteBundle {
  /** `entry` for what every page loads; otherwise the lazily loaded module's source path. */
  route: string;
  jsKb: number;
  cssKb: number;
  files: string[];
}

const gzipKb = (dist: string, file: string) =>
  gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;

/** The chunk and every chunk it imports statically, transitively. */
function closure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) closure(manifest, dep, seen);
  return seen;
}

export function routeBundles(manifest: Manifest, dist = WEB_DIST): RouteBundle[] {
  const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entry) throw new Error('the Vite manifest has no entry chunk');
  const base = closure(manifest, entry);
  // The entry imports the app itself once the page is painted: every page loads it.
  for (const app of manifest[entry]?.dynamicImports ?? []) closure(manifest, app, base);
  const always = new Set(manifest[entry]?.dynamicImports ?? []);
  const lazy = Object.keys(manifest).filter((k) => manifest[k]?.isDynamicEntry && !always.has(k));
  const bundle = (route: string, keys: Set<string>): RouteBundle => {
    const chunks = [...keys].map((k) => manifest[k] as ManifestChunk);
    const js = chunks.map((c) => c.file).filter((f) => f.endsWith('.js'));
    const css = [...new Set(chunks.flatMap((c) => c.css ?? []))];
    return {
      route,
      jsKb: js.reduce((sum, f) => sum + gzipKb(dist, f), 0),
      cssKb: css.reduce((sum, f) => sum + gzipKb(dist, f), 0),
      files: [...js, ...css],
    };
  };
  return [
    bundle('entry', base),
    ...lazy.map((k) => bundle(manifest[k]?.src ?? k, closure(manifest, k, new Set(base)))),
  ];
}

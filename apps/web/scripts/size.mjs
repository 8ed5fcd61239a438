// Prints the gzip size of the JavaScript the feed route loads and of all JavaScript in dist,
// and fails when the feed route is over its budget.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// React, Apollo Client and React Router alone come to about 130 KB: the budget leaves our code 40.
const BUDGET_KB = Number(process.env.JIN_WEB_BUDGET_KB ?? 170);
const FEED_ROUTE = 'src/features/feed/feed-route.tsx';
const dist = new URL('../dist/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));

const gzip = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** A chunk and everything it imports statically, as output file names. */
function closure(key, files = new Set()) {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return files;
  files.add(chunk.file);
  for (const dep of chunk.imports ?? []) closure(dep, files);
  return files;
}

const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entry) throw new Error('No entry chunk in the manifest; is build.manifest on?');
const feedFiles = closure(entry);
// The entry imports the app itself once the page is painted: every page loads it.
for (const app of manifest[entry].dynamicImports ?? []) closure(app, feedFiles);
if (manifest[FEED_ROUTE]) closure(FEED_ROUTE, feedFiles);
const feedBytes = [...feedFiles].reduce((sum, file) => sum + gzip(file), 0);

const allJs = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
const allBytes = allJs.reduce((sum, file) => sum + gzip(join('assets', file)), 0);

for (const file of feedFiles) console.log(`  ${file.padEnd(48)} ${kb(gzip(file))}`);
console.log(`feed route JS (gzip): ${kb(feedBytes)} of ${BUDGET_KB} KB budget`);
console.log(`all JS (gzip): ${kb(allBytes)} in ${allJs.length} files`);

if (feedBytes > BUDGET_KB * 1024) {
  console.error(`The feed route is over budget by ${kb(feedBytes - BUDGET_KB * 1024)}.`);
  // The build itself goes on (the site must start); `--strict` makes the budget a gate.
  if (process.argv.includes('--strict')) process.exit(1);
}

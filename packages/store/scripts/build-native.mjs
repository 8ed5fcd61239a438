// Compiles the store's SQLite extension (native/jin-rank.c: BM25 ranking with document
// frequencies the store supplies) for this machine, against the SQLite headers better-sqlite3
// ships. Runs at install. Without a C compiler it says so and succeeds: the store then ranks with
// FTS5's own bm25(), which gives the same order at a cost that grows with the archive.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const source = join(root, 'native', 'jin-rank.c');
const output = join(
  root,
  'native',
  'build',
  process.platform === 'darwin' ? 'jin-rank.dylib' : 'jin-rank.so',
);

if (existsSync(output) && statSync(output).mtimeMs >= statSync(source).mtimeMs) process.exit(0);

const headers = join(
  dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')),
  'deps',
  'sqlite3',
);
const compiler = process.env.CC || 'cc';
mkdirSync(dirname(output), { recursive: true });
try {
  execFileSync(compiler, ['-O2', '-fPIC', '-shared', `-I${headers}`, '-o', output, source, '-lm'], {
    stdio: 'inherit',
  });
  console.log(`built ${output}`);
} catch (error) {
  console.warn(
    `Could not compile ${source} with ${compiler} (${error.message}); search ranks with FTS5's bm25() instead.`,
  );
}

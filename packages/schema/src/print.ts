// Prints schema.graphql; with --check, fails when the committed file is stale.

import { readFileSync, writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { schema } from './index.ts';

const path = new URL('../schema.graphql', import.meta.url);
const printed = `${printSchema(schema)}\n`;

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(path, 'utf8');
  } catch {}
  if (committed !== printed) {
    console.error('schema.graphql is stale: run `pnpm --filter @jin/schema print` and commit it.');
    process.exit(1);
  }
  console.log('schema.graphql is up to date.');
} else {
  writeFileSync(path, printed);
  console.log(`wrote ${path.pathname}`);
}

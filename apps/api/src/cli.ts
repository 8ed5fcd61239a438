// Command line for editors. Run with `pnpm --filter @jin/api cli <command>` (or `pnpm seed`).
//
//   seed                          import the archive in packages/content (idempotent)
//   import <file|folder> [--dry-run]
//                                 import articles from JSON, CSV or a folder of archive files,
//                                 all or nothing; --dry-run reports every problem, writes nothing
//   export <folder>               write the database out as archive files (tags, media, articles)
//   token create <name> [--scope write,admin]
//                                 create an API token and print it once
//   token list | token revoke <name>

import { resolve } from 'node:path';
import { loadArchive, seedStore } from '@jin/content';
import { snapshotStore, writeArchive } from '@jin/content/write';
import type { TokenScope } from '@jin/store';
import { SqliteTokenStore } from '@jin/store/tokens';
import { hashToken, newToken } from './auth.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './database.ts';
import { formatProblem, readImport } from './import-file.ts';

const USAGE = `usage:
  cli seed
  cli import <file.json|file.csv|folder> [--dry-run]
  cli export <folder>
  cli token create <name> [--scope write,admin]
  cli token list
  cli token revoke <name>`;

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const dryRun = args.includes('--dry-run');
if (dryRun) args.splice(args.indexOf('--dry-run'), 1);
const scopeOption = option('--scope');
const [command, ...rest] = args;

const config = loadConfig();
const store = openDatabase(config.JIN_DB_PATH);

try {
  switch (command) {
    case 'seed': {
      const result = await seedStore(store, loadArchive());
      console.log(
        `${config.JIN_DB_PATH}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`,
      );
      break;
    }
    case 'import': {
      const [path] = rest;
      if (!path) fail(USAGE);
      const knownTags = new Set((await store.listTags()).map((t) => t.item.slug));
      const batch = readImport(resolve(path), knownTags);
      if (batch.problems.length > 0) {
        for (const problem of batch.problems) console.error(formatProblem(problem));
        fail(`${batch.problems.length} problem(s); nothing was imported.`, 1);
      }
      const result = await store.importArticles(batch.articles, { dryRun });
      const verb = dryRun ? 'would be' : 'were';
      console.log(
        `${batch.articles.length} articles checked: ${result.created} ${verb} created, ${result.updated} ${verb} updated, ${result.unchanged} unchanged.`,
      );
      break;
    }
    case 'export': {
      const [dir] = rest;
      if (!dir) fail(USAGE);
      const count = writeArchive(resolve(dir), await snapshotStore(store));
      console.log(`wrote ${count} articles to ${resolve(dir)}`);
      break;
    }
    case 'token': {
      const tokens = new SqliteTokenStore(store);
      const [action, name] = rest;
      if (action === 'create' && name) {
        const scopes = (scopeOption ?? 'write').split(',').map((s) => s.trim()) as TokenScope[];
        const secret = newToken();
        await tokens.createToken({ name, scopes, tokenHash: hashToken(secret) });
        console.log(
          `Token "${name}" (${scopes.join(', ')}). It is shown only now; store it safely:\n${secret}`,
        );
      } else if (action === 'list') {
        for (const t of await tokens.listTokens()) {
          const state = t.revokedAt
            ? `revoked ${t.revokedAt}`
            : `last used ${t.lastUsedAt ?? 'never'}`;
          console.log(`${t.name}\t${t.scopes.join(',')}\tcreated ${t.createdAt}\t${state}`);
        }
      } else if (action === 'revoke' && name) {
        if (!(await tokens.revokeToken(name))) fail(`No active token named "${name}".`, 1);
        console.log(`Revoked "${name}".`);
      } else {
        fail(USAGE);
      }
      break;
    }
    default:
      fail(USAGE);
  }
} catch (error) {
  fail(error instanceof Error ? error.message : String(error), 1);
} finally {
  await store.close();
}

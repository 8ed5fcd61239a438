// Command line for editors. Run with `pnpm --filter @jin/api cli <command>` (or `pnpm seed`).
//
//   seed                          import the archive in packages/content (idempotent)
//   import <file|folder> [--dry-run] [--encoding NAME] [--lock-timeout SECONDS]
//                                 import articles from JSON, CSV or a folder of archive files,
//                                 all or nothing; --dry-run reports every problem, writes nothing;
//                                 files are UTF-8 unless --encoding names another (shift_jis, …)
//   export <folder>               write the database out as archive files (tags, media, articles)
//   token create <name> [--scope write,admin]
//                                 create an API token and print it once
//   token list | token revoke <name>
//   copy --from <file|postgres url> --to <file|postgres url>
//                                 copy the archive (tags, outlets, articles, timeline,
//                                 statistics) from one database to another, SQLite or
//                                 PostgreSQL, all or nothing

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadArchive, seedStore } from '@jin/content';
import { seedStatistics } from '@jin/content/statistics';
import { seedTimeline } from '@jin/content/timeline';
import { snapshotStore, writeArchive } from '@jin/content/write';
import { type ImportResult, InvalidInputError, StoreBusyError, type TokenScope } from '@jin/store';
import { hashToken, newToken } from './auth.ts';
import { loadConfig } from './config.ts';
import { copyArchive, storeConfigFor } from './copy.ts';
import { openStore } from './database.ts';
import { isKnownEncoding } from './import-file/decode.ts';
import {
  formatProblem,
  type ImportBatch,
  type Problem,
  storeProblems,
} from './import-file/problems.ts';
import { PROGRESS_EVERY, readImport } from './import-file/read-import.ts';

const USAGE = `usage:
  cli seed
  cli import <file.json|file.csv|folder> [--dry-run] [--encoding NAME] [--lock-timeout SECONDS]
  cli export <folder>
  cli token create <name> [--scope write,admin]
  cli token list
  cli token revoke <name>
  cli copy --from <sqlite file|postgres url> --to <sqlite file|postgres url>`;

/** How long an import waits, by default, for another writer to release the database. */
const LOCK_TIMEOUT_S = 30;
/** How long each attempt waits inside SQLite before the import reports that it is waiting. */
const LOCK_POLL_MS = 200;

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

function parseCommandLine() {
  return parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    strict: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      encoding: { type: 'string' },
      'lock-timeout': { type: 'string' },
      scope: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
    },
  });
}
let parsed: ReturnType<typeof parseCommandLine>;
try {
  parsed = parseCommandLine();
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
const { values: options, positionals } = parsed;
const dryRun = options['dry-run'];
const scopeOption = options.scope;
const [command, ...rest] = positionals;
if (
  command !== 'import' &&
  (dryRun || options.encoding !== undefined || options['lock-timeout'] !== undefined)
) {
  fail(`--dry-run, --encoding and --lock-timeout apply to import only\n${USAGE}`);
}
if (command !== 'token' && scopeOption !== undefined)
  fail(`--scope applies to token create only\n${USAGE}`);
if (command !== 'copy' && (options.from !== undefined || options.to !== undefined))
  fail(`--from and --to apply to copy only\n${USAGE}`);
if (options.encoding !== undefined && !isKnownEncoding(options.encoding)) {
  fail(
    `--encoding: unknown encoding ${JSON.stringify(options.encoding)}; name one such as utf-8, shift_jis, euc-jp, iso-2022-jp, windows-1252 (latin1) or utf-16le`,
  );
}
const lockTimeoutS = Number(options['lock-timeout'] ?? LOCK_TIMEOUT_S);
if (!Number.isFinite(lockTimeoutS) || lockTimeoutS < 0) {
  fail(
    `--lock-timeout must be a number of seconds, not ${JSON.stringify(options['lock-timeout'])}`,
  );
}

const config = loadConfig();
if (command === 'copy') await copyCommand();
// Short waits inside the store, so that a wait for another writer is reported, not silent.
const opened = await openStore(config, { writeWaitMs: LOCK_POLL_MS, applicationName: 'jin-cli' });
const { store } = opened;
const where = opened.where;

/** Copies between two databases named on the command line; exits when done. */
async function copyCommand(): Promise<never> {
  const { from, to } = options;
  if (!from || !to || rest.length > 0) fail(USAGE);
  if (!/^postgres(ql)?:\/\//.test(from) && !existsSync(from))
    fail(`no database file at ${from}`, 1);
  try {
    const source = await openStore(storeConfigFor(from, config), { applicationName: 'jin-cli' });
    const target = await openStore(storeConfigFor(to, config), { applicationName: 'jin-cli' });
    try {
      const copied = await copyArchive(source.store, target.store);
      console.log(
        `copied ${copied.articles} articles, ${copied.tags} tags, ${copied.media} outlets, ${copied.ruleChanges} rule changes, ${copied.stories} story threads and ${copied.series} statistics series from ${source.where} to ${target.where}`,
      );
      if (copied.timelineProblem) {
        console.error(`the archive's timeline was not loaded: ${copied.timelineProblem}`);
      }
      if (copied.statisticsProblem) {
        console.error(`the archive's statistics were not loaded: ${copied.statisticsProblem}`);
      }
      console.log(
        'API tokens are not copied: create new ones on the target with `cli token create`.',
      );
    } finally {
      await source.store.close();
      await target.store.close();
    }
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error), 1);
  }
  process.exit(0);
}

function refuse(problems: Problem[]): never {
  for (const problem of problems) console.error(formatProblem(problem));
  fail(`${problems.length} problem(s); nothing was imported.`, 1);
}

const isBusy = (error: unknown) => error instanceof StoreBusyError;

/**
 * Imports a batch in one transaction (rolled back for a dry run). While another connection
 * holds the write lock, retries the whole batch, saying so once, until the lock timeout.
 */
async function importWaitingForLock(batch: ImportBatch): Promise<ImportResult> {
  const deadline = Date.now() + lockTimeoutS * 1000;
  let waited = false;
  for (;;) {
    try {
      const result = await store.importArticles(batch.articles, { dryRun });
      if (waited) console.error('The database is free again; the import went ahead.');
      return result;
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (Date.now() >= deadline) {
        throw new Error(
          `${where} is still locked by another writer after ${lockTimeoutS} s (SQLITE_BUSY: database is locked); nothing was imported. Try again when the other write (an import, a seed or the API) has finished, or wait longer with --lock-timeout.`,
        );
      }
      if (!waited) {
        console.error(
          `${where} is locked by another writer; waiting up to ${lockTimeoutS} s for it…`,
        );
        waited = true;
      }
    }
  }
}

try {
  switch (command) {
    case 'seed': {
      const result = await seedStore(store, loadArchive());
      const timeline = await seedTimeline(store);
      const statistics = await seedStatistics(store);
      console.log(
        `${where}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`,
      );
      console.log(
        `timeline: ${timeline.ruleChanges} rule changes, ${timeline.stories} story threads`,
      );
      console.log(`statistics: ${statistics.series} series`);
      break;
    }
    case 'import': {
      const [path, extra] = rest;
      if (!path || extra !== undefined) fail(USAGE);
      const knownTags = new Set((await store.listTags()).map((t) => t.item.slug));
      // A dry run goes through exactly the same checks and the same transaction as a real
      // run, so it refuses exactly what a real run would; only the commit is left out.
      const batch = readImport(resolve(path), knownTags, {
        encoding: options.encoding,
        onProgress: (done, total) => console.error(`checked ${done} of ${total} records`),
      });
      if (batch.problems.length > 0) refuse(batch.problems);
      if (batch.articles.length >= PROGRESS_EVERY) {
        const doing = dryRun ? 'checking' : 'writing';
        console.error(`${doing} ${batch.articles.length} articles in one transaction…`);
      }
      let result: ImportResult;
      try {
        result = await importWaitingForLock(batch);
      } catch (error) {
        if (error instanceof InvalidInputError) refuse(storeProblems(batch, error));
        throw error;
      }
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
      const { tokens } = opened;
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

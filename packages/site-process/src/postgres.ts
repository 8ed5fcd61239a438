// A throwaway PostgreSQL server for tests, benchmarks and local use: Debian's binaries run in a
// fresh temp folder, on loopback only, with trust authentication. Nothing here is for production.
// PostgreSQL refuses to run as root, so under root the binaries run as the `postgres` system user.

import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { delimiter, join } from 'node:path';
import { freePort } from './spawn-site.ts';

export interface ThrowawayPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/<db>`: a database created for the caller. */
  url: string;
  port: number;
  /** The temp folder holding the cluster, its log and its unix socket. */
  dataDir: string;
  /** Fast shutdown; the data stays for `start()`. */
  stop(): Promise<void>;
  /** Start again on the same port and data. */
  start(): Promise<void>;
  /** Stop and delete the folder. */
  destroy(): Promise<void>;
}

export interface ThrowawayPostgresOptions {
  /** The loopback port to listen on; default a free one. */
  port?: number;
}

/** The database the throwaway cluster creates for its caller. */
const DATABASE = 'jin';
/** The unprivileged system user the binaries run as when this process is root. */
const SYSTEM_USER = 'postgres';

const BINARIES = ['initdb', 'pg_ctl', 'createdb'];

/** The folder holding `initdb` and `pg_ctl`: PATH first, then Debian's versioned folders. */
export function postgresBinDir(): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && BINARIES.every((name) => existsSync(join(dir, name)))) return dir;
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) {
    const dir = join(root, version, 'bin');
    if (BINARIES.every((name) => existsSync(join(dir, name)))) return dir;
  }
  throw new Error(
    'PostgreSQL binaries (initdb, pg_ctl) were not found on PATH or under /usr/lib/postgresql/*/bin: ' +
      "install Debian's postgresql package (apt-get install postgresql), or set JIN_TEST_DATABASE_URL " +
      'to a server you run yourself.',
  );
}

const asRoot = () => process.getuid?.() === 0;

/** Runs one PostgreSQL binary, as the `postgres` user under root; rejects with its output. */
function run(binDir: string, command: string, args: string[]): Promise<string> {
  const file = asRoot() ? 'runuser' : join(binDir, command);
  const argv = asRoot() ? ['-u', SYSTEM_USER, '--', join(binDir, command), ...args] : args;
  return new Promise((resolve, reject) => {
    // cwd: the binaries warn when they cannot read the current folder as the postgres user.
    execFile(file, argv, { cwd: '/', timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) {
        reject(
          new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stdout}${stderr}`),
        );
      } else {
        resolve(`${stdout}${stderr}`);
      }
    });
  });
}

export async function startThrowawayPostgres(
  options: ThrowawayPostgresOptions = {},
): Promise<ThrowawayPostgres> {
  const binDir = postgresBinDir();
  const port = options.port ?? (await freePort());
  const dataDir = await mkdtemp(join(tmpdir(), 'jin-pg-'));
  const cluster = join(dataDir, 'data');
  const socketDir = join(dataDir, 'socket');
  const log = join(dataDir, 'server.log');
  await mkdir(socketDir);
  if (asRoot()) {
    const { uid, gid } = systemUser();
    await chown(dataDir, uid, gid);
    await chown(socketDir, uid, gid);
  }

  // The superuser is `postgres` whoever runs this, so the URL is the same everywhere.
  await run(binDir, 'initdb', [
    '-D',
    cluster,
    '-U',
    'postgres',
    '--auth=trust',
    '--encoding=UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);

  const serverOptions = [
    `-p ${port}`,
    `-k ${socketDir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  let running = false;
  const start = async () => {
    try {
      await run(binDir, 'pg_ctl', [
        '-D',
        cluster,
        '-l',
        log,
        '-o',
        serverOptions,
        '-w',
        '-t',
        '60',
        'start',
      ]);
    } catch (error) {
      const tail = await readFile(log, 'utf8').catch(() => '');
      throw new Error(`${(error as Error).message}\nserver log:\n${tail.slice(-2000)}`);
    }
    running = true;
  };
  const stop = async () => {
    if (!running) return;
    await run(binDir, 'pg_ctl', ['-D', cluster, '-m', 'fast', '-w', '-t', '60', 'stop']);
    running = false;
  };
  // A test process that dies without calling destroy() must not leave a server behind.
  const stopOnExit = () => {
    if (!running) return;
    const argv = ['-D', cluster, '-m', 'immediate', '-w', 'stop'];
    if (asRoot())
      spawnSync('runuser', ['-u', SYSTEM_USER, '--', join(binDir, 'pg_ctl'), ...argv], {
        cwd: '/',
      });
    else spawnSync(join(binDir, 'pg_ctl'), argv, { cwd: '/' });
  };
  process.once('exit', stopOnExit);

  try {
    await start();
    await run(binDir, 'createdb', [
      '-h',
      socketDir,
      '-p',
      String(port),
      '-U',
      'postgres',
      DATABASE,
    ]);
  } catch (error) {
    stopOnExit();
    process.removeListener('exit', stopOnExit);
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }

  return {
    url: `postgres://postgres@127.0.0.1:${port}/${DATABASE}`,
    port,
    dataDir,
    stop,
    start,
    destroy: async () => {
      try {
        await stop();
      } finally {
        process.removeListener('exit', stopOnExit);
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  };
}

function systemUser(): { uid: number; gid: number } {
  const result = spawnSync('id', ['-u', SYSTEM_USER], { encoding: 'utf8' });
  const group = spawnSync('id', ['-g', SYSTEM_USER], { encoding: 'utf8' });
  if (result.status !== 0 || group.status !== 0) {
    throw new Error(
      `PostgreSQL refuses to run as root and there is no "${SYSTEM_USER}" system user to run it as ` +
        `(running as ${userInfo().username}): install Debian's postgresql package, which creates it.`,
    );
  }
  return { uid: Number(result.stdout.trim()), gid: Number(group.stdout.trim()) };
}

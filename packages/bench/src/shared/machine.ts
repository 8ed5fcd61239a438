// What the numbers were measured on.

import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import { openSqliteStore } from '@jin/store/sqlite';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  os: string;
  sqlite: string;
  date: string;
  /** One-minute load average when the run started and when it ended. */
  loadAverage: number[];
}

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'));
    if (pretty) return `${pretty[1]}, Linux ${release()}`;
  } catch {
    // not Linux, or no os-release
  }
  return `${process.platform} ${release()}`;
}

export function describeMachine(): Machine {
  const store = openSqliteStore();
  const sqlite = store.db.prepare('SELECT sqlite_version()').pluck().get() as string;
  store.db.close();
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryGb: totalmem() / 2 ** 30,
    node: process.version,
    os: osName(),
    sqlite,
    date: new Date().toISOString(),
    loadAverage: [loadavg()[0] as number],
  };
}

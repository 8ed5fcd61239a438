// The only file that reads the environment. Every setting is validated here and documented in
// the README; a bad value stops the process at start with a message naming the variable.

import { fileURLToPath } from 'node:url';
import { DEFAULT_LIMITS } from '@jin/schema';
import { z } from 'zod';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: int(0, 65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  JIN_DB_PATH: z
    .string()
    .min(1)
    .default(fileURLToPath(new URL('../../../data/jin.sqlite', import.meta.url))),
  // With a postgres:// URL the site runs on PostgreSQL (shared by many API processes); without
  // one, on the SQLite file above.
  JIN_DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  JIN_DATABASE_POOL_SIZE: int(1, 500).default(10),
  JIN_DATABASE_STATEMENT_TIMEOUT_MS: int(100, 600_000).default(5_000),
  JIN_WEB_DIST: z
    .string()
    .min(1)
    .default(fileURLToPath(new URL('../../web/dist', import.meta.url))),
  JIN_WEB_SSR_ENTRY: z
    .string()
    .min(1)
    .default(fileURLToPath(new URL('../../web/dist-ssr/entry-server.cjs', import.meta.url))),
  JIN_PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JIN_MAX_COMPLEXITY: int(10, 1_000_000).default(DEFAULT_LIMITS.complexity),
  JIN_MAX_DEPTH: int(2, 100).default(DEFAULT_LIMITS.depth),
  JIN_MAX_ALIASES: int(0, 1000).default(30),
  JIN_MAX_DIRECTIVES: int(0, 1000).default(20),
  JIN_MAX_TOKENS: int(100, 1_000_000).default(3000),
  JIN_MAX_BODY_BYTES: int(1024, 10_000_000).default(64 * 1024),
  JIN_CACHE_MAX_AGE: int(0, 86_400).default(30),
  JIN_RESPONSE_CACHE_BYTES: int(0, 8 * GIB).default(64 * MIB),
  JIN_PAGE_CACHE_BYTES: int(0, 8 * GIB).default(32 * MIB),
  JIN_SHARE_IMAGE_CACHE_BYTES: int(0, 8 * GIB).default(16 * MIB),
  JIN_CACHE_MAX_ENTRY_BYTES: int(1024, 64 * MIB).default(512 * 1024),
  JIN_RATE_LIMIT_RPS: z.coerce.number().min(0).max(1_000_000).default(30),
  JIN_RATE_LIMIT_BURST: int(1, 1_000_000).default(120),
  JIN_CORS_ORIGINS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url())),
  JIN_TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export type Config = z.infer<typeof schema> & { publicUrl: string };

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = result.data;
  const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  // Without a trailing slash, so that `${publicUrl}/path` is one address however it was written.
  const publicUrl = (config.JIN_PUBLIC_URL ?? `http://${host}:${config.PORT}`).replace(/\/+$/, '');
  return { ...config, publicUrl };
}

// Editors' API tokens in the same SQLite database as the archive.

import type Database from 'better-sqlite3';
import { InvalidInputError } from '../errors.ts';
import { LAST_USE_INTERVAL_MS, tokenIssues } from '../token-rules.ts';
import type { ApiToken, TokenScope, TokenStore } from '../types.ts';
import type { SqliteStore } from './sqlite-store.ts';

interface Row {
  name: string;
  scopes: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

const toToken = (r: Row): ApiToken => ({
  name: r.name,
  scopes: r.scopes.split(',').filter(Boolean) as TokenScope[],
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

const COLUMNS = 'name, scopes, created_at, last_used_at, revoked_at';

export { LAST_USE_INTERVAL_MS };

export class SqliteTokenStore implements TokenStore {
  private readonly db: Database.Database;
  /** When each token's last use was last written (or tried), by hash. */
  private readonly written = new Map<string, number>();

  constructor(
    private readonly store: SqliteStore,
    private readonly now: () => number = Date.now,
  ) {
    this.db = store.db;
  }

  async createToken(token: {
    name: string;
    tokenHash: string;
    scopes: TokenScope[];
  }): Promise<ApiToken> {
    const issues = tokenIssues(
      token,
      this.db.prepare('SELECT 1 FROM api_tokens WHERE name = ?').get(token.name) !== undefined,
    );
    if (issues.length > 0) throw new InvalidInputError(issues);
    this.db
      .prepare('INSERT INTO api_tokens (name, token_hash, scopes, created_at) VALUES (?, ?, ?, ?)')
      .run(
        token.name,
        token.tokenHash,
        [...new Set(token.scopes)].join(','),
        new Date().toISOString(),
      );
    return toToken(
      this.db.prepare(`SELECT ${COLUMNS} FROM api_tokens WHERE name = ?`).get(token.name) as Row,
    );
  }

  async findActiveToken(tokenHash: string): Promise<ApiToken | null> {
    const row = this.db
      .prepare(`SELECT ${COLUMNS} FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL`)
      .get(tokenHash) as Row | undefined;
    if (!row) return null;
    this.noteUse(tokenHash);
    return toToken(row);
  }

  /**
   * Records a use off the request's path: at most once a minute per token, after the current
   * request has been answered, and only if no other writer holds the database at that moment
   * (then the next use tries again).
   */
  private noteUse(tokenHash: string): void {
    const at = this.now();
    if (at - (this.written.get(tokenHash) ?? -Infinity) < LAST_USE_INTERVAL_MS) return;
    this.written.set(tokenHash, at);
    setImmediate(() => {
      if (!this.db.open) return;
      const result = this.store.tryWrite(() =>
        this.db
          .prepare('UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ?')
          .run(new Date(at).toISOString(), tokenHash),
      );
      if (result.busy) this.written.delete(tokenHash);
    });
  }

  async listTokens(): Promise<ApiToken[]> {
    return (
      this.db.prepare(`SELECT ${COLUMNS} FROM api_tokens ORDER BY created_at, name`).all() as Row[]
    ).map(toToken);
  }

  async revokeToken(name: string): Promise<boolean> {
    const { changes } = this.db
      .prepare('UPDATE api_tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL')
      .run(new Date().toISOString(), name);
    return changes > 0;
  }
}

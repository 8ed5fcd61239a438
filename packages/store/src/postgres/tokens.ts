// Editors' API tokens in the same PostgreSQL database as the archive; the store sees only hashes.

import { InvalidInputError } from '../errors.ts';
import { LAST_USE_INTERVAL_MS, tokenIssues } from '../token-rules.ts';
import type { ApiToken, TokenScope, TokenStore } from '../types.ts';
import type { Db } from './db.ts';

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

export class PostgresTokenStore implements TokenStore {
  /** When each token's last use was last written (or tried), by hash. */
  private readonly written = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  async createToken(token: {
    name: string;
    tokenHash: string;
    scopes: TokenScope[];
  }): Promise<ApiToken> {
    const taken = await this.db.query('SELECT 1 FROM api_tokens WHERE name = $1', [token.name]);
    const issues = tokenIssues(token, taken.length > 0);
    if (issues.length > 0) throw new InvalidInputError(issues);
    const [row] = await this.db.query<Row>(
      `INSERT INTO api_tokens (name, token_hash, scopes, created_at) VALUES ($1, $2, $3, $4)
       RETURNING ${COLUMNS}`,
      [token.name, token.tokenHash, [...new Set(token.scopes)].join(','), new Date().toISOString()],
    );
    return toToken(row as Row);
  }

  async findActiveToken(tokenHash: string): Promise<ApiToken | null> {
    const [row] = await this.db.query<Row>({
      name: 'active-token',
      text: `SELECT ${COLUMNS} FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL`,
      values: [tokenHash],
    });
    if (!row) return null;
    this.noteUse(tokenHash);
    return toToken(row);
  }

  /** Records a use off the request's path, at most once a minute per token. */
  private noteUse(tokenHash: string): void {
    const at = this.now();
    if (at - (this.written.get(tokenHash) ?? -Infinity) < LAST_USE_INTERVAL_MS) return;
    this.written.set(tokenHash, at);
    this.db
      .query('UPDATE api_tokens SET last_used_at = $1 WHERE token_hash = $2', [
        new Date(at).toISOString(),
        tokenHash,
      ])
      // A use that could not be written is tried again at the next use.
      .catch(() => this.written.delete(tokenHash));
  }

  async listTokens(): Promise<ApiToken[]> {
    return (
      await this.db.query<Row>(`SELECT ${COLUMNS} FROM api_tokens ORDER BY created_at, name`)
    ).map(toToken);
  }

  async revokeToken(name: string): Promise<boolean> {
    const rows = await this.db.query(
      'UPDATE api_tokens SET revoked_at = $1 WHERE name = $2 AND revoked_at IS NULL RETURNING 1',
      [new Date().toISOString(), name],
    );
    return rows.length > 0;
  }
}

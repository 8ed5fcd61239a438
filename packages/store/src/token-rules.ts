// What makes an editor's API token valid, for every Store engine.

import type { FieldIssue } from './errors.ts';
import type { TokenScope } from './types.ts';

export const TOKEN_SCOPES: readonly TokenScope[] = ['write', 'admin'];

/** A token's last use is written at most this often, so reads never wait on a write. */
export const LAST_USE_INTERVAL_MS = 60_000;

/** The issues of a new token; `nameTaken` when another token has its name. */
export function tokenIssues(
  token: { name: string; tokenHash: string; scopes: TokenScope[] },
  nameTaken: boolean,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!/^[\w.@-]{1,64}$/.test(token.name)) {
    issues.push({ field: 'name', message: 'must be 1-64 letters, digits, dots, @, _ or -' });
  }
  if (token.scopes.length === 0 || token.scopes.some((s) => !TOKEN_SCOPES.includes(s))) {
    issues.push({ field: 'scopes', message: `must be one or more of ${TOKEN_SCOPES.join(', ')}` });
  }
  if (!/^[0-9a-f]{64}$/.test(token.tokenHash)) {
    issues.push({ field: 'tokenHash', message: 'must be a hex SHA-256 digest' });
  }
  if (nameTaken) {
    issues.push({ field: 'name', message: `a token named "${token.name}" already exists` });
  }
  return issues;
}

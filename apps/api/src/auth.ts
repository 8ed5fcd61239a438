// Bearer API tokens: clients send the token, the store holds only its SHA-256 hash.

import { createHash, randomBytes } from 'node:crypto';
import type { ApiToken, TokenStore } from '@jin/store';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new random token; shown to the editor once, never stored. */
export const newToken = () => `jin_${randomBytes(24).toString('base64url')}`;

export type Authentication =
  | { kind: 'anonymous' }
  | { kind: 'token'; token: ApiToken }
  | { kind: 'invalid'; reason: string };

export async function authenticate(
  header: string | undefined,
  tokens: TokenStore,
): Promise<Authentication> {
  if (!header) return { kind: 'anonymous' };
  const match = /^Bearer\s+(\S{1,200})$/i.exec(header.trim());
  if (!match)
    return { kind: 'invalid', reason: 'The Authorization header must be `Bearer <token>`.' };
  const token = await tokens.findActiveToken(hashToken(match[1] as string));
  return token
    ? { kind: 'token', token }
    : { kind: 'invalid', reason: 'The API token is unknown or revoked.' };
}

// Opaque global IDs and list cursors. Both are base64url text; decoding checks every part so a
// malformed value is a clear BAD_USER_INPUT, never an internal error.

import { type ArticleKey, isIsoDate, type RuleChangeKey } from '@jin/store';
import { badInput } from './errors.ts';

const TYPENAMES = new Set(['Article', 'Tag', 'Media', 'RuleChange', 'Story', 'Series']);

const encode = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const decode = (value: string) =>
  /^[A-Za-z0-9_-]{1,200}$/.test(value) ? Buffer.from(value, 'base64url').toString('utf8') : null;

export function encodeId(typename: string, id: string | number | bigint): string {
  return encode(`${typename}:${id}`);
}

export function decodeId(globalId: string): { typename: string; id: string } {
  const text = decode(globalId);
  const at = text?.indexOf(':') ?? -1;
  const typename = text?.slice(0, at) ?? '';
  const id = text?.slice(at + 1) ?? '';
  const valid =
    at > 0 &&
    TYPENAMES.has(typename) &&
    (typename === 'Article' ? /^[1-9]\d{0,15}$/.test(id) : /^[a-z0-9-]{1,120}$/.test(id));
  if (!valid) {
    throw badInput(`"${globalId.slice(0, 60)}" is not a valid ID. Use an id returned by this API.`);
  }
  return { typename, id };
}

/** The numeric id in an Article's global ID; BAD_USER_INPUT for any other ID. */
export function articleIdFrom(globalId: string | number): number {
  const { typename, id } = decodeId(String(globalId));
  if (typename !== 'Article') throw badInput(`That ID belongs to a ${typename}, not an Article.`);
  return Number(id);
}

export function encodeCursor(key: ArticleKey): string {
  return encode(
    key.kind === 'date'
      ? `d|${key.releasedOn}|${key.id}`
      : `r|${key.rank}|${key.id}${key.tier > 0 ? `|${key.tier}` : ''}`,
  );
}

export function decodeCursor(cursor: string, argument: string): ArticleKey {
  const parts = decode(cursor)?.split('|') ?? [];
  const [kind, value, idText, tierText = '0'] = parts;
  const id = Number(idText);
  if (parts.length >= 3 && Number.isSafeInteger(id) && id > 0 && /^\d+$/.test(idText ?? '')) {
    if (kind === 'd' && parts.length === 3 && value && isIsoDate(value)) {
      return { kind: 'date', releasedOn: value, id };
    }
    const rank = Number(value);
    if (
      kind === 'r' &&
      parts.length <= 4 &&
      value !== '' &&
      Number.isFinite(rank) &&
      /^\d{1,9}$/.test(tierText)
    ) {
      return { kind: 'rank', tier: Number(tierText), rank, id };
    }
  }
  throw badInput(
    `${argument}: "${cursor.slice(0, 60)}" is not a valid cursor. Use a cursor returned by this API.`,
  );
}

/** A position in the timeline: the effective date's first day and the rule change's id. */
export function encodeRuleChangeCursor(key: RuleChangeKey): string {
  return encode(`t|${key.start}|${key.id}`);
}

export function decodeRuleChangeCursor(cursor: string, argument: string): RuleChangeKey {
  const [kind, start, idText, ...rest] = decode(cursor)?.split('|') ?? [];
  const id = Number(idText);
  if (
    kind === 't' &&
    rest.length === 0 &&
    start &&
    isIsoDate(start) &&
    /^[1-9]\d{0,15}$/.test(idText ?? '') &&
    Number.isSafeInteger(id)
  ) {
    return { start, id };
  }
  throw badInput(
    `${argument}: "${cursor.slice(0, 60)}" is not a valid cursor. Use a cursor returned by this API.`,
  );
}

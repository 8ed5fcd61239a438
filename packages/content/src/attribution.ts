// Where an article says it was read: its sourceUrl must be on the site of its outlet (`media`) or
// of the outlet whose copy was read (`readVia`), as media.yaml gives their homepages.

import type { MediaEntry } from './archive.ts';

/**
 * Whether two hosts are the same site: equal once a leading `www.` is dropped, or one a
 * subdomain of the other (`amp.rnz.co.nz` and `rnz.co.nz`, `www3.nhk.or.jp` and `nhk.or.jp`).
 */
export function sameSite(a: string, b: string): boolean {
  const bare = (host: string) =>
    host
      .toLowerCase()
      .replace(/\.$/, '')
      .replace(/^www\./, '');
  const x = bare(a);
  const y = bare(b);
  if (x === '' || y === '') return false;
  return x === y || x.endsWith(`.${y}`) || y.endsWith(`.${x}`);
}

/** Problems with where an article says it was read: the URL must belong to a named outlet. */
export function attributionProblems(
  fm: { sourceUrl?: string | undefined; readVia?: string | undefined },
  outlet: MediaEntry | undefined,
  via: MediaEntry | undefined,
  lineOf: (field: string) => number | undefined,
): { line?: number | undefined; field: string; message: string }[] {
  const problems: { line?: number | undefined; field: string; message: string }[] = [];
  if (outlet && via && via.slug === outlet.slug) {
    problems.push({
      line: lineOf('readVia'),
      field: 'readVia',
      message: `names the same outlet as media ("${outlet.name}"); leave it out`,
    });
  }
  if (fm.sourceUrl === undefined) {
    problems.push({ line: 1, field: 'sourceUrl', message: 'is required' });
    return problems;
  }
  // An outlet missing from media.yaml is reported already; there is no site to match against.
  if (!outlet || (fm.readVia !== undefined && !via)) return problems;
  const host = new URL(fm.sourceUrl).hostname;
  const candidates = [
    { entry: outlet, field: 'media' },
    ...(via && via.slug !== outlet.slug ? [{ entry: via, field: 'readVia' }] : []),
  ];
  const homepageHost = (entry: MediaEntry) =>
    entry.homepage === undefined ? undefined : new URL(entry.homepage).hostname;
  if (candidates.some(({ entry }) => sameSite(host, homepageHost(entry) ?? ''))) return problems;
  const unmatchable = candidates.filter(({ entry }) => entry.homepage === undefined);
  for (const { entry, field } of unmatchable) {
    problems.push({
      line: lineOf(field),
      field,
      message: `"${entry.name}" needs a homepage in media.yaml so sourceUrl can be checked against it`,
    });
  }
  if (unmatchable.length === 0) {
    const expected = candidates.map(({ entry }) => `${homepageHost(entry)} (${entry.name})`);
    problems.push({
      line: lineOf('sourceUrl'),
      field: 'sourceUrl',
      message: `host ${host} is not the site of ${expected.join(' or ')}${via ? '' : '; name the outlet it was read on in readVia'}`,
    });
  }
  return problems;
}

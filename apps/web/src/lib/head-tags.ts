// The head elements that say what a page is to search engines and to the apps a link is shared
// in: the canonical address, Open Graph and Twitter card meta, and JSON-LD. Made once from the
// page's meta, written as HTML by the server and put in place by the browser on navigation.

import { SHARE_IMAGE_SIZE, shareImagePaths } from '@jin/site';
import { SITE_NAME } from './site.ts';
import type { PageMeta } from './use-document-meta.ts';

export interface SharePreview {
  /** `og:type`: `website` unless given. */
  type?: 'website' | 'article';
  /** The preview image's path on this site; the site's own card unless given. */
  image?: string;
  /** Alternative text of the image. */
  imageAlt?: string;
  /** For articles: the release date (`YYYY-MM-DD`) and the names of its tags. */
  publishedTime?: string;
  tags?: string[];
  /** JSON-LD nodes, each a complete document with its `@context`. */
  structuredData?: object[];
}

export type HeadTag =
  | { tag: 'meta'; attributes: Record<string, string> }
  | { tag: 'link'; attributes: Record<string, string> }
  | { tag: 'script'; json: object };

/** Marks the elements made here, so that the browser can replace them on navigation. */
export const HEAD_TAG_MARK = 'data-page-meta';

export function headTags(meta: PageMeta, origin: string): HeadTag[] {
  const share = meta.share ?? {};
  const url = `${origin}${meta.path ?? '/'}`;
  const image = `${origin}${share.image ?? shareImagePaths.site}`;
  const property = (name: string, content: string): HeadTag => ({
    tag: 'meta',
    attributes: { property: name, content },
  });
  const found = meta.status === 200;
  return [
    // A page that is not there has no address of its own to give.
    ...(found ? [{ tag: 'link', attributes: { rel: 'canonical', href: url } } as HeadTag] : []),
    property('og:site_name', SITE_NAME),
    property('og:type', share.type ?? 'website'),
    property('og:title', meta.name ?? meta.title),
    property('og:description', meta.description),
    ...(found ? [property('og:url', url)] : []),
    property('og:image', image),
    property('og:image:type', 'image/png'),
    property('og:image:width', String(SHARE_IMAGE_SIZE.width)),
    property('og:image:height', String(SHARE_IMAGE_SIZE.height)),
    property('og:image:alt', share.imageAlt ?? meta.name ?? meta.title),
    ...(share.publishedTime ? [property('article:published_time', share.publishedTime)] : []),
    ...(share.tags ?? []).map((tag) => property('article:tag', tag)),
    { tag: 'meta', attributes: { name: 'twitter:card', content: 'summary_large_image' } },
    ...(found ? (share.structuredData ?? []) : []).map(
      (json): HeadTag => ({ tag: 'script', json }),
    ),
  ];
}

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JSON for a script element: nothing in it can end the element or the line. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The tags as HTML, for the server's page. */
export function headTagsHtml(tags: HeadTag[]): string {
  return tags
    .map((t) => {
      if (t.tag === 'script') {
        return `<script type="application/ld+json" ${HEAD_TAG_MARK}>${scriptJson(t.json)}</script>`;
      }
      const attributes = Object.entries(t.attributes)
        .map(([name, value]) => `${name}="${escapeAttribute(value)}"`)
        .join(' ');
      return `<${t.tag} ${attributes} ${HEAD_TAG_MARK} />`;
    })
    .join('\n    ');
}

/** Replaces the previous page's tags in the document head with these. */
export function applyHeadTags(tags: HeadTag[]): void {
  for (const old of document.head.querySelectorAll(`[${HEAD_TAG_MARK}]`)) old.remove();
  for (const t of tags) {
    const element = document.createElement(t.tag);
    if (t.tag === 'script') {
      element.setAttribute('type', 'application/ld+json');
      element.textContent = JSON.stringify(t.json);
    } else {
      for (const [name, value] of Object.entries(t.attributes)) element.setAttribute(name, value);
    }
    element.setAttribute(HEAD_TAG_MARK, '');
    document.head.append(element);
  }
}

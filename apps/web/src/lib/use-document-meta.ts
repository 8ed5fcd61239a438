import { createContext, useContext, useEffect } from 'react';
import { useLocation } from 'react-router';
import type { SharePreview } from './head-tags.ts';
import { SITE_DESCRIPTION, SITE_NAME } from './site.ts';

/** What a page says about itself in the document head, and the HTTP status it is served with. */
export interface PageMeta {
  title: string;
  /** The page's own name, without the site's: what a shared link is headed with. */
  name?: string;
  description: string;
  status: number;
  /** The site's public origin (`https://host`), for absolute addresses; set on the server. */
  origin?: string;
  /** The page's own address (path and the query parameters that make it a page of its own). */
  path?: string;
  /** How the page looks when shared, and its structured data. */
  share?: SharePreview;
}

/**
 * Present only while a page is rendered on the server: the hooks below write into it during
 * render (effects never run there), and the server puts the result in the HTML it sends.
 */
export const PageMetaContext = createContext<PageMeta | null>(null);

let browserOrigin: string | null = null;

/**
 * The site's public origin: on the server, from its configuration; in the browser, from the
 * canonical link the server rendered (the page may be reached through another address).
 */
export function useSiteOrigin(): string {
  const server = useContext(PageMetaContext);
  if (server?.origin) return server.origin;
  if (typeof document === 'undefined') return '';
  browserOrigin ??= new URL(
    document.head.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ??
      window.location.href,
  ).origin;
  return browserOrigin;
}

/** Query parameters that make a page of their own: the search's words and the page number. */
const OWN_PARAMETERS = ['q', 'page'];

/** The page's own address: its path and the query parameters that make it a different page. */
export function canonicalPath(pathname: string, search: string): string {
  const params = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const key of OWN_PARAMETERS) {
    const value = params.get(key);
    if (value && !(key === 'page' && value === '1')) kept.set(key, value);
  }
  const query = kept.toString();
  return query ? `${pathname}?${query}` : pathname;
}

function documentTitle(title: string | null | undefined): string {
  return title ? `${title} · ${SITE_NAME}` : SITE_NAME;
}

/**
 * Sets the tab title, the meta description, the canonical address and the preview of the page
 * being shown (Open Graph, Twitter card, JSON-LD).
 */
export function useDocumentMeta(
  title: string | null | undefined,
  description?: string | null,
  share: SharePreview = {},
) {
  const server = useContext(PageMetaContext);
  const origin = useSiteOrigin();
  const location = useLocation();
  const fullTitle = documentTitle(title);
  const content = description?.trim() || SITE_DESCRIPTION;
  const path = canonicalPath(location.pathname, location.search);
  if (server) {
    server.title = fullTitle;
    server.name = title || SITE_NAME;
    server.description = content;
    server.path = path;
    server.share = share;
  }
  // The preview's data changes with the page's data; its JSON text says when it did.
  const shareKey = JSON.stringify(share);
  useEffect(() => {
    document.title = fullTitle;
    let meta = document.head.querySelector<HTMLMetaElement>('meta[name="description"]');
    if (!meta) {
      meta = document.createElement('meta');
      meta.name = 'description';
      document.head.append(meta);
    }
    meta.content = content;
    const page: PageMeta = {
      title: fullTitle,
      name: title || SITE_NAME,
      description: content,
      status: 200,
      path,
    };
    // The head's preview tags matter only once the reader moves to another page (the server
    // wrote the first page's), so their code loads after the page, not with it.
    let current = true;
    void import('./head-tags.ts').then(({ applyHeadTags, headTags }) => {
      if (current) applyHeadTags(headTags({ ...page, share: JSON.parse(shareKey) }, origin));
    });
    return () => {
      current = false;
    };
  }, [fullTitle, title, content, path, shareKey, origin]);
}

/** The HTTP status a server-rendered page is sent with (404 for the not-found page). */
export function useResponseStatus(status: number) {
  const server = useContext(PageMetaContext);
  if (server) server.status = status;
}

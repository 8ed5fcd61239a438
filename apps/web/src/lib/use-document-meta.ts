import { createContext, useContext, useEffect } from 'react';
import { SITE_DESCRIPTION, SITE_NAME } from './site.ts';

/** What a page says about itself in the document head, and the HTTP status it is served with. */
export interface PageMeta {
  title: string;
  description: string;
  status: number;
}

/**
 * Present only while a page is rendered on the server: the hooks below write into it during
 * render (effects never run there), and the server puts the result in the HTML it sends.
 */
export const PageMetaContext = createContext<PageMeta | null>(null);

function documentTitle(title: string | null | undefined): string {
  return title ? `${title} · ${SITE_NAME}` : SITE_NAME;
}

/** Sets the tab title and the meta description for the page being shown. */
export function useDocumentMeta(title: string | null | undefined, description?: string | null) {
  const server = useContext(PageMetaContext);
  const fullTitle = documentTitle(title);
  const content = description?.trim() || SITE_DESCRIPTION;
  if (server) {
    server.title = fullTitle;
    server.description = content;
  }
  useEffect(() => {
    document.title = fullTitle;
    let meta = document.head.querySelector<HTMLMetaElement>('meta[name="description"]');
    if (!meta) {
      meta = document.createElement('meta');
      meta.name = 'description';
      document.head.append(meta);
    }
    meta.content = content;
  }, [fullTitle, content]);
}

/** The HTTP status a server-rendered page is sent with (404 for the not-found page). */
export function useResponseStatus(status: number) {
  const server = useContext(PageMetaContext);
  if (server) server.status = status;
}

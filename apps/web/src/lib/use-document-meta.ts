import { useEffect } from 'react';
import { SITE_DESCRIPTION, SITE_NAME } from './site.ts';

/** Sets the tab title and the meta description for the page being shown. */
export function useDocumentMeta(title: string | null | undefined, description?: string | null) {
  useEffect(() => {
    document.title = title ? `${title} · ${SITE_NAME}` : SITE_NAME;
    let meta = document.head.querySelector<HTMLMetaElement>('meta[name="description"]');
    if (!meta) {
      meta = document.createElement('meta');
      meta.name = 'description';
      document.head.append(meta);
    }
    meta.content = description?.trim() || SITE_DESCRIPTION;
  }, [title, description]);
}

// Every news outlet in the archive, with its article count.

import { useReadQuery } from '@apollo/client/react';
import { Link, useLoaderData } from 'react-router';
import { hostOf, httpUrl } from '../../lib/safe-url.ts';
import { paths } from '../../lib/site.ts';
import { useDocumentMeta } from '../../lib/use-document-meta.ts';
import type { MediaListRef } from './media-query.ts';

export function MediaListRoute() {
  const { data } = useReadQuery(useLoaderData() as MediaListRef);
  const outlets = data.mediaOutlets;
  useDocumentMeta('Outlets', 'The news outlets whose articles the archive records.');
  return (
    <div className="page">
      <div className="page-head">
        <h1>Outlets</h1>
        <p className="lede">
          The {outlets.length} news outlets whose reporting this digest records, by name.
        </p>
      </div>
      <ul className="card-grid">
        {outlets.map((outlet) => {
          const homepage = httpUrl(outlet.homepage);
          return (
            <li key={outlet.slug} className="card">
              <h2 className="card-title">
                <Link to={paths.media(outlet.slug)}>{outlet.name}</Link>
              </h2>
              <p className="card-count">
                {outlet.articleCount} {outlet.articleCount === 1 ? 'article' : 'articles'}
              </p>
              {homepage ? <p className="card-text muted">{hostOf(homepage)}</p> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

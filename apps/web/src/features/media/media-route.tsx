// One outlet: its website, article count and articles page by page.

import { useReadQuery } from '@apollo/client/react';
import { shareImagePaths } from '@jin/site';
import { Link, useLoaderData } from 'react-router';
import { NotFound } from '../../components/not-found.tsx';
import { PagedArticleTable } from '../../components/paged-article-table.tsx';
import { hostOf, httpUrl } from '../../lib/safe-url.ts';
import { paths } from '../../lib/site.ts';
import { collectionPreview } from '../../lib/structured-data.ts';
import { useDocumentMeta, useSiteOrigin } from '../../lib/use-document-meta.ts';
import type { MediaRef } from './media-query.ts';

export function MediaRoute() {
  const { data } = useReadQuery(useLoaderData() as MediaRef);
  const media = data.media;
  const origin = useSiteOrigin();
  const description = media
    ? `Articles from ${media.name} recorded in the archive, newest first.`
    : null;
  useDocumentMeta(
    media?.name ?? 'Page not found',
    description,
    media && description
      ? collectionPreview(
          {
            path: paths.media(media.slug),
            name: media.name,
            description,
            image: shareImagePaths.outlet(media.slug),
            parent: { name: 'Outlets', path: '/media' },
          },
          origin,
        )
      : {},
  );
  if (!media) return <NotFound what="outlet" />;
  const homepage = httpUrl(media.homepage);
  return (
    <div className="page">
      <div className="page-head">
        <p className="kicker">
          <Link to="/media">Outlet</Link>
        </p>
        <h1>{media.name}</h1>
        <p className="lede">
          {media.articleCount} {media.articleCount === 1 ? 'article' : 'articles'} from {media.name}{' '}
          in the archive, newest first.
        </p>
        <ul className="head-links">
          <li>
            <Link to={{ pathname: '/', search: `?media=${encodeURIComponent(media.slug)}` }}>
              Filter the latest news by this outlet
            </Link>
          </li>
          {homepage ? (
            <li>
              <a href={homepage} target="_blank" rel="noopener noreferrer">
                {hostOf(homepage)}
                <span className="visually-hidden"> (opens in a new tab)</span>
                <span aria-hidden="true">&nbsp;↗</span>
              </a>
            </li>
          ) : null}
        </ul>
      </div>
      <PagedArticleTable
        page={media.articlePage}
        title={`Articles from ${media.name}`}
        id="media-articles"
      />
    </div>
  );
}

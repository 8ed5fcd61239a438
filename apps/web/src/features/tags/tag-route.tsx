// One tag: what it covers, its article count, its articles page by page and its Atom feed.

import { useReadQuery } from '@apollo/client/react';
import { Link, useLoaderData } from 'react-router';
import { NotFound } from '../../components/not-found.tsx';
import { PagedArticleTable } from '../../components/paged-article-table.tsx';
import { FEEDS } from '../../lib/site.ts';
import { useDocumentMeta } from '../../lib/use-document-meta.ts';
import type { TagRef } from './tags-query.ts';

export function TagRoute() {
  const { data } = useReadQuery(useLoaderData() as TagRef);
  const tag = data.tag;
  useDocumentMeta(tag ? `${tag.name} articles` : 'Page not found', tag?.description);
  if (!tag?.slug || !tag.articlePage) return <NotFound what="tag" />;
  return (
    <div className="page">
      <div className="page-head">
        <p className="kicker">
          <Link to="/tags">Tag</Link>
        </p>
        <h1>{tag.name}</h1>
        {tag.description ? <p className="lede">{tag.description}</p> : null}
        <ul className="head-links">
          <li>
            <Link to={{ pathname: '/', search: `?tags=${encodeURIComponent(tag.slug)}` }}>
              Filter the latest news by this tag
            </Link>
          </li>
          <li>
            <a href={FEEDS.tag(tag.slug)} type="application/atom+xml">
              Atom feed for {tag.name}
            </a>
          </li>
        </ul>
      </div>
      <PagedArticleTable
        page={tag.articlePage}
        title={`News Articles including ${tag.name}`}
        id="tag-articles"
      />
    </div>
  );
}

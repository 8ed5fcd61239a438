// Every tag, with what it covers and how many articles carry it.

import { useReadQuery } from '@apollo/client/react';
import { Link, useLoaderData } from 'react-router';
import { paths } from '../../lib/site.ts';
import { useDocumentMeta } from '../../lib/use-document-meta.ts';
import type { TagsRef } from './tags-query.ts';

export function TagsRoute() {
  const { data } = useReadQuery(useLoaderData() as TagsRef);
  const tags = data.tags;
  useDocumentMeta('Tags', 'The topics of the archive, each with a description and article count.');
  return (
    <div className="page">
      <div className="page-head">
        <h1>Tags</h1>
        <p className="lede">
          Every article carries one to three of these {tags.length} topics. Choose one to see its
          articles.
        </p>
      </div>
      <ul className="card-grid">
        {tags.map((tag) => (
          <li key={tag.slug} className="card">
            <h2 className="card-title">
              <Link to={paths.tag(tag.slug)}>{tag.name}</Link>
            </h2>
            <p className="card-count">
              {tag.articleCount} {tag.articleCount === 1 ? 'article' : 'articles'}
            </p>
            <p className="card-text">{tag.description}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

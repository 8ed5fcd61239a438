// One tag: what it covers, its article count and articles per quarter, the next rule changes on it, its articles page by
// page and its Atom feed.

import { useReadQuery } from '@apollo/client/react';
import { shareImagePaths } from '@jin/site';
import { Link, useLoaderData } from 'react-router';
import { QuarterChart } from '../../components/charts/quarter-chart.tsx';
import { HydrateApart } from '../../components/hydrate-apart.tsx';
import { NotFound } from '../../components/not-found.tsx';
import { PagedArticleTable } from '../../components/paged-article-table.tsx';
import { RuleChangeSummaryList } from '../../components/rule-change-summary.tsx';
import { FEEDS, paths } from '../../lib/site.ts';
import { collectionPreview } from '../../lib/structured-data.ts';
import { useDocumentMeta, useSiteOrigin } from '../../lib/use-document-meta.ts';
import type { TagRef } from './tags-query.ts';

export function TagRoute() {
  const { data } = useReadQuery(useLoaderData() as TagRef);
  const tag = data.tag;
  const comingUp = data.comingUp.edges.map((edge) => edge.node);
  const changeCount = data.ruleChangeCount.totalCount;
  const origin = useSiteOrigin();
  useDocumentMeta(
    tag ? `${tag.name} articles` : 'Page not found',
    tag?.description,
    tag
      ? collectionPreview(
          {
            path: paths.tag(tag.slug),
            name: tag.name,
            description: tag.description,
            image: shareImagePaths.tag(tag.slug),
            parent: { name: 'Tags', path: '/tags' },
          },
          origin,
        )
      : {},
  );
  if (!tag) return <NotFound what="tag" />;
  return (
    <div className="page">
      <div className="page-head">
        <p className="kicker">
          <Link to="/tags">Tag</Link>
        </p>
        <h1>{tag.name}</h1>
        <p className="lede">{tag.description}</p>
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
          {changeCount > 0 && comingUp.length === 0 ? (
            <li>
              <Link to={paths.timeline({ tag: tag.slug })}>Rule changes on {tag.name}</Link>
            </li>
          ) : null}
        </ul>
        <HydrateApart>
          <QuarterChart
            title={`Articles on ${tag.name} per quarter`}
            counts={tag.articlesPerQuarter}
          />
        </HydrateApart>
      </div>
      {comingUp.length > 0 ? (
        <section className="coming-up tag-coming-up" aria-labelledby="tag-coming-up-heading">
          <h2 id="tag-coming-up-heading">Coming up on {tag.name}</h2>
          <RuleChangeSummaryList changes={comingUp} />
          <p className="coming-up-more">
            <Link to={paths.timeline({ tag: tag.slug })}>
              All {changeCount} rule changes on {tag.name}, on the timeline
            </Link>
          </p>
        </section>
      ) : null}
      <PagedArticleTable
        page={tag.articlePage}
        title={`News Articles including ${tag.name}`}
        id="tag-articles"
      />
    </div>
  );
}

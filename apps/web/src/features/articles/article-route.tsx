// One article: its facts, the full summary, a link to the original, the rule changes it reports,
// the stories it belongs to, related articles and a table of further articles for each tag.

import { useReadQuery } from '@apollo/client/react';
import { shareImagePaths } from '@jin/site';
import { Link, useLoaderData } from 'react-router';
import { HydrateApart } from '../../components/hydrate-apart.tsx';
import { NotFound } from '../../components/not-found.tsx';
import { ReleaseDate } from '../../components/release-date.tsx';
import { RuleChangeSummaryList } from '../../components/rule-change-summary.tsx';
import { SaveButton } from '../../components/save-button.tsx';
import { TagChips } from '../../components/tag-chips.tsx';
import type { ArticleQueryQuery } from '../../gql/graphql.ts';
import type { SharePreview } from '../../lib/head-tags.ts';
import { httpUrl } from '../../lib/safe-url.ts';
import { paths } from '../../lib/site.ts';
import { articlePage, breadcrumbs } from '../../lib/structured-data.ts';
import { useDocumentMeta, useSiteOrigin } from '../../lib/use-document-meta.ts';
import type { ArticleRef } from './article-query.ts';
import { RelatedArticles } from './related-articles.tsx';
import { StorySections } from './story-sections.tsx';
import { SummaryBlocks } from './summary-blocks.tsx';
import { TagArticlesSection } from './tag-articles-section.tsx';

export function ArticleRoute() {
  const queryRef = useLoaderData() as ArticleRef;
  const { data } = useReadQuery(queryRef);
  const article = data.article;
  const origin = useSiteOrigin();
  useDocumentMeta(
    article?.title ?? 'Page not found',
    article?.description,
    article ? articlePreview(article, origin) : {},
  );
  if (!article) return <NotFound what="article" />;

  const source = httpUrl(article.sourceUrl);
  const tags = article.tags;
  return (
    <div className="page article-page">
      <article className="article" aria-labelledby="article-title">
        <header className="article-head">
          <p className="kicker">
            <Link to={paths.media(article.media.slug)}>{article.media.name}</Link>
          </p>
          <h1 id="article-title">{article.title}</h1>
          <div className="article-actions">
            <SaveButton
              article={{ ...article, summary: article.description, tags: article.tags }}
            />
          </div>
          {article.headlineVerified === false || article.dateApproximate ? (
            <ul className="notes">
              {article.headlineVerified === false ? (
                <li>
                  The headline could not be confirmed against the outlet&rsquo;s published version.
                </li>
              ) : null}
              {article.dateApproximate ? <li>The release date is approximate.</li> : null}
            </ul>
          ) : null}
          <dl className="facts">
            <div>
              <dt>Release Date</dt>
              <dd>
                <ReleaseDate date={article.releasedOn} approximate={article.dateApproximate} />
              </dd>
            </div>
            <div>
              <dt>Media</dt>
              <dd>
                <Link to={paths.media(article.media.slug)}>{article.media.name}</Link>
              </dd>
            </div>
            <div>
              <dt>Reading time</dt>
              <dd>{article.readingTimeMinutes} min</dd>
            </div>
            <div>
              <dt>Tags</dt>
              <dd>{tags.length > 0 ? <TagChips tags={tags} /> : 'None'}</dd>
            </div>
          </dl>
        </header>
        <section className="article-summary" aria-labelledby="summary-heading">
          <h2 id="summary-heading">Summary</h2>
          <SummaryBlocks blocks={article.summaryBlocks} />
        </section>
        {source ? (
          <p className="source">
            <a className="source-link" href={source} target="_blank" rel="noopener noreferrer">
              {article.readVia
                ? `Read the article at ${article.readVia.name} (from ${article.media.name})`
                : `Read the original article at ${article.media.name}`}
              <span className="visually-hidden"> (opens in a new tab)</span>
              <span aria-hidden="true">&nbsp;↗</span>
            </a>
            <span className="print-only source-url">{source}</span>
          </p>
        ) : (
          <p className="source muted">The address of the original article is not known.</p>
        )}
      </article>
      {article.series.length > 0 ? (
        <ul className="in-numbers" aria-label="This article’s figures in charts">
          {article.series.map((series) => (
            <li key={series.id}>
              <Link to={paths.series(series.slug)}>In numbers: {series.title}</Link>
            </li>
          ))}
        </ul>
      ) : null}
      {article.ruleChanges.length > 0 || article.stories.length > 0 ? (
        <HydrateApart>
          <div className="article-context">
            {article.ruleChanges.length > 0 ? (
              <section className="article-changes" aria-labelledby="changes-heading">
                <h2 id="changes-heading">Rule changes reported here</h2>
                <RuleChangeSummaryList changes={article.ruleChanges} />
              </section>
            ) : null}
            <StorySections stories={article.stories} />
          </div>
        </HydrateApart>
      ) : null}
      <HydrateApart>
        <RelatedArticles articles={article.relatedArticles} />
      </HydrateApart>
      <HydrateApart>
        <div className="tag-tables">
          {tags.map((tag) => (
            <TagArticlesSection key={tag.slug} tag={tag} currentSlug={article.slug} />
          ))}
        </div>
      </HydrateApart>
    </div>
  );
}

type ArticleData = NonNullable<ArticleQueryQuery['article']>;

/** The article's preview when shared, and its JSON-LD: our page, based on the original. */
function articlePreview(article: ArticleData, origin: string): SharePreview {
  const absolute = (path: string) => `${origin}${path}`;
  const path = paths.article(article.slug);
  const image = shareImagePaths.article(article.slug);
  const outlet = { name: article.media.name, path: paths.media(article.media.slug) };
  const tags = article.tags.map((tag) => ({ name: tag.name, path: paths.tag(tag.slug) }));
  const section = tags[0] ?? outlet;
  return {
    type: 'article',
    image,
    imageAlt: `${article.title} (${article.media.name})`,
    publishedTime: article.releasedOn,
    tags: article.tags.map((tag) => tag.name),
    structuredData: [
      articlePage(
        {
          path,
          title: article.title,
          description: article.description,
          releasedOn: article.releasedOn,
          sourceUrl: httpUrl(article.sourceUrl),
          media: outlet,
          tags,
          image,
        },
        absolute,
      ),
      breadcrumbs([{ name: 'Home', path: '/' }, section, { name: article.title, path }], absolute),
    ],
  };
}

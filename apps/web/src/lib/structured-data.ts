// JSON-LD for search engines, typed with schema.org's vocabulary (schema-dts, types only).
// An article page here is our page about someone else's article: a WebPage based on the
// original, a NewsArticle whose publisher is the outlet, never a claim to be that article.

import type {
  BreadcrumbList,
  CollectionPage,
  NewsArticle,
  Organization,
  WebPage,
  WithContext,
} from 'schema-dts';
import type { SharePreview } from './head-tags.ts';
import { SITE_NAME } from './site.ts';

/** Makes a path on this site absolute. */
export type Absolute = (path: string) => string;

export interface Crumb {
  name: string;
  path: string;
}

export function breadcrumbs(crumbs: Crumb[], absolute: Absolute): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: absolute(crumb.path),
    })),
  };
}

const website = (absolute: Absolute) => ({
  '@type': 'WebSite' as const,
  name: SITE_NAME,
  url: absolute('/'),
});

export interface ArticleFacts {
  path: string;
  title: string;
  description: string;
  releasedOn: string;
  sourceUrl: string | null;
  media: { name: string; path: string; homepage?: string | null };
  tags: { name: string; path: string }[];
  image: string;
}

export function articlePage(article: ArticleFacts, absolute: Absolute): WithContext<WebPage> {
  const publisher: Organization = {
    '@type': 'NewsMediaOrganization',
    name: article.media.name,
    ...(article.media.homepage ? { url: article.media.homepage } : {}),
  };
  const original: NewsArticle = {
    '@type': 'NewsArticle',
    headline: article.title,
    datePublished: article.releasedOn,
    publisher,
    ...(article.sourceUrl ? { url: article.sourceUrl } : {}),
  };
  return {
    '@context': 'https://schema.org',
    '@type': 'WebPage',
    '@id': absolute(article.path),
    url: absolute(article.path),
    name: article.title,
    description: article.description,
    datePublished: article.releasedOn,
    inLanguage: 'en',
    isPartOf: website(absolute),
    primaryImageOfPage: { '@type': 'ImageObject', url: absolute(article.image) },
    isBasedOn: original,
    about: article.tags.map((tag) => ({
      '@type': 'Thing',
      name: tag.name,
      url: absolute(tag.path),
    })),
  };
}

export function collectionPage(
  page: { path: string; name: string; description: string; image: string },
  absolute: Absolute,
): WithContext<CollectionPage> {
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    '@id': absolute(page.path),
    url: absolute(page.path),
    name: page.name,
    description: page.description,
    inLanguage: 'en',
    isPartOf: website(absolute),
    primaryImageOfPage: { '@type': 'ImageObject', url: absolute(page.image) },
  };
}

/** A tag's or an outlet's page: a collection of articles, under its list in the breadcrumbs. */
export function collectionPreview(
  page: { path: string; name: string; description: string; image: string; parent: Crumb },
  origin: string,
): SharePreview {
  const absolute = (path: string) => `${origin}${path}`;
  return {
    image: page.image,
    structuredData: [
      collectionPage(page, absolute),
      breadcrumbs(
        [{ name: 'Home', path: '/' }, page.parent, { name: page.name, path: page.path }],
        absolute,
      ),
    ],
  };
}

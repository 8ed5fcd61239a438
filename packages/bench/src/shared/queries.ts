// The GraphQL documents the benchmarks send: what the reader app's pages ask for.

export const FEED_QUERY = `query Feed {
  articles(first: 20) {
    edges {
      cursor
      node {
        releasedOn
        title
        slug
        excerpt
        media { slug name }
        tags { slug name }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

const ROW = 'slug title releasedOn media { slug name } tags { slug name }';

export const tagPageQuery = (tag: string, page: number) => `query TagPage {
  tag(slug: ${JSON.stringify(tag)}) {
    slug
    name
    articleCount
    articlePage(page: ${page}, pageSize: 20) {
      page
      pageCount
      totalCount
      items { article { ${ROW} } }
    }
  }
}`;

export const articlePageQuery = (page: number) => `query ArchivePage {
  articlePage(page: ${page}, pageSize: 20) {
    page
    pageCount
    items { article { ${ROW} } }
  }
}`;

export const articleQuery = (slug: string) => `query Article {
  article(slug: ${JSON.stringify(slug)}) {
    slug
    title
    releasedOn
    summary
    sourceUrl
    headlineVerified
    dateApproximate
    media { slug name homepage }
    tags { slug name }
    relatedArticles(first: 5) { slug title releasedOn media { name } }
  }
}`;

export const searchQuery = (text: string) => `query Search {
  search(query: ${JSON.stringify(text)}, first: 20) {
    edges {
      node { slug title releasedOn media { name } }
      snippet { text highlighted }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** The word searched for everywhere: common in the seed archive and in synthetic ones. */
export const SEARCH_WORD = 'refugee';

/** What the timeline page asks for: the next rule changes with their stages and articles. */
export const TIMELINE_QUERY = `query Timeline {
  ruleChanges(first: 20, filter: { from: "2020-01-01" }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id
      slug
      statement
      stage
      effective { label precision start }
      statuses { slug name }
      tags { slug name }
      history { stage date { label } articles { slug title releasedOn media { name } } }
    }
  }
}`;

// "The story so far": for each story the article belongs to, the story's articles in order, oldest
// first, with this one in its place among them.

import { ArticleLink } from '../../components/article-link.tsx';
import { type FragmentType, getFragmentData, graphql } from '../../gql/index.ts';

export const StorySectionsFragment = graphql(`
  fragment StorySections_stories on ArticleStory {
    story {
      id
      slug
      title
      summary
    }
    earlier {
      id
      ...ArticleLink_article
    }
    later {
      id
      ...ArticleLink_article
    }
  }
`);

export function StorySections({
  stories: refs,
}: {
  stories: readonly FragmentType<typeof StorySectionsFragment>[];
}) {
  const stories = getFragmentData(StorySectionsFragment, refs);
  return stories.map(({ story, earlier, later }) => {
    return (
      // Named in words rather than by its heading, whose two lines would read without the colon.
      <section key={story.slug} className="story" aria-label={`The story so far: ${story.title}`}>
        <h2>
          <span className="story-kicker">The story so far</span> {story.title}
        </h2>
        <p className="story-summary">{story.summary}</p>
        <ol className="story-articles">
          {earlier.map((article) => (
            <li key={article.id}>
              <ArticleLink article={article} />
            </li>
          ))}
          <li className="story-here" aria-current="page">
            This article
          </li>
          {later.map((article) => (
            <li key={article.id}>
              <ArticleLink article={article} />
            </li>
          ))}
        </ol>
      </section>
    );
  });
}

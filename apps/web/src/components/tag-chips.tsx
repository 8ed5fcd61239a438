// A row of tag links.

import { Link } from 'react-router';
import { type FragmentType, getFragmentData, graphql } from '../gql/index.ts';
import { paths } from '../lib/site.ts';

export const TagChipsFragment = graphql(`
  fragment TagChips_tags on Tag {
    id
    slug
    name
  }
`);

export function TagChips({
  tags,
  label = 'Tags',
}: {
  tags: readonly FragmentType<typeof TagChipsFragment>[];
  label?: string;
}) {
  const items = getFragmentData(TagChipsFragment, tags);
  if (items.length === 0) return null;
  return (
    <ul className="tag-chips" aria-label={label}>
      {items.map((tag) => (
        <li key={tag.slug}>
          <Link className="tag-chip" to={paths.tag(tag.slug)}>
            {tag.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}

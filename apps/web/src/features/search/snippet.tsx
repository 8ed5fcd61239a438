// Where a search matched, with the matching words marked.

import { type FragmentType, getFragmentData, graphql } from '../../gql/index.ts';

export const SnippetFragment = graphql(`
  fragment Snippet_parts on SnippetPart {
    text
    highlighted
  }
`);

export function Snippet({
  parts: refs,
}: {
  parts: readonly FragmentType<typeof SnippetFragment>[];
}) {
  const parts = getFragmentData(SnippetFragment, refs);
  return (
    <p className="item-excerpt snippet">
      {parts.map((part, i) =>
        part.highlighted ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional
          <mark key={i}>{part.text}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}

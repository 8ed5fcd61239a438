// The summary as written: paragraphs, headings and lists, always as plain text.

import { type FragmentType, getFragmentData, graphql } from '../../gql/index.ts';

export const SummaryBlocksFragment = graphql(`
  fragment SummaryBlocks_blocks on SummaryBlock {
    __typename
    ... on SummaryParagraph {
      text
    }
    ... on SummaryHeading {
      text
    }
    ... on SummaryList {
      ordered
      items
    }
  }
`);

export function SummaryBlocks({
  blocks: refs,
}: {
  blocks: readonly FragmentType<typeof SummaryBlocksFragment>[];
}) {
  const blocks = getFragmentData(SummaryBlocksFragment, refs);
  return (
    <div className="summary">
      {blocks.map((block, i) => {
        // Blocks have no identity beyond their place in the summary.
        const key = `${block.__typename}-${i}`;
        switch (block.__typename) {
          case 'SummaryParagraph':
            return <p key={key}>{block.text}</p>;
          case 'SummaryHeading':
            return <h3 key={key}>{block.text}</h3>;
          case 'SummaryList': {
            const items = block.items.map((item, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: list items may repeat; order is identity
              <li key={j}>{item}</li>
            ));
            return block.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
          }
          default:
            return null;
        }
      })}
    </div>
  );
}

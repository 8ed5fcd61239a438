// The guide as the README's "Use the API" section (between two markers, written by
// `pnpm --filter @jin/site readme` and compared with the README by the tests).

import { curlCommand } from './curl.ts';
import { API_GUIDE, type ApiExample, GUIDE_INTRO } from './guide.ts';

export const README_START = '<!-- api-guide:start (generated from packages/site/src/api-guide) -->';
export const README_END = '<!-- api-guide:end -->';

function example(item: ApiExample): string {
  const parts = [`#### ${item.title}`, '', item.text, '', '```graphql', item.document, '```'];
  if (item.variables) {
    parts.push('', 'Variables:', '', '```json', JSON.stringify(item.variables, null, 2), '```');
  }
  parts.push('', '```sh', curlCommand(item), '```');
  return parts.join('\n');
}

/** The generated part of the README, markers included. */
export function guideMarkdown(): string {
  const blocks = [README_START, GUIDE_INTRO.join('\n\n')];
  for (const section of API_GUIDE) {
    blocks.push(`### ${section.title}`, section.paragraphs.join('\n\n'));
    if (section.table) {
      const [a, b] = section.table.columns;
      const rows = section.table.rows.map(([name, meaning]) => `| \`${name}\` | ${meaning} |`);
      blocks.push([`| ${a} | ${b} |`, '| --- | --- |', ...rows].join('\n'));
    }
    blocks.push(...section.examples.map(example));
  }
  blocks.push(README_END);
  return blocks.join('\n\n');
}

/** The README with its generated part replaced by the current one. */
export function withGuide(readme: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) {
    throw new Error(`the README has no "${README_START}" … "${README_END}" block`);
  }
  return readme.slice(0, start) + guideMarkdown() + readme.slice(end + README_END.length);
}

// Fails when schema.graphql breaks the last published schema (published/schema.graphql) in a
// way the changelog's unreleased section does not record by its coordinate. Other files may be
// given in that order: published schema, current schema, changelog.

import { readFileSync } from 'node:fs';
import { UNRELEASED_HEADING, unrecordedBreakingChanges } from './breaking-changes.ts';

const DEFAULTS = ['../published/schema.graphql', '../schema.graphql', '../CHANGELOG.md'];
const [published = '', current = '', changelog = ''] = DEFAULTS.map((path, i) =>
  readFileSync(process.argv[2 + i] ?? new URL(path, import.meta.url), 'utf8'),
);

const unrecorded = await unrecordedBreakingChanges(published, current, changelog);
if (unrecorded.length > 0) {
  console.error(
    `schema.graphql breaks the published schema in ${unrecorded.length} way(s) that CHANGELOG.md does not record under "${UNRELEASED_HEADING}":`,
  );
  for (const change of unrecorded) console.error(`  ${change.coordinate}: ${change.message}`);
  console.error(
    'Name each coordinate in that section with what clients should do instead (and deprecate before removing).',
  );
  process.exit(1);
}
console.log('schema.graphql: every breaking change since the published schema is recorded.');

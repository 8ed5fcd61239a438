// Publishes the schema: published/schema.graphql becomes the current schema.graphql, and the
// changelog's unreleased section takes the date (today in UTC, or the one given) as its heading.
// Run when a version of the API that clients will meet is deployed.

import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { releaseChangelog } from './breaking-changes.ts';

const date = process.argv[2] ?? new Date().toISOString().slice(0, 10);
const changelogPath = new URL('../CHANGELOG.md', import.meta.url);
const changelog = releaseChangelog(readFileSync(changelogPath, 'utf8'), date);
copyFileSync(
  new URL('../schema.graphql', import.meta.url),
  new URL('../published/schema.graphql', import.meta.url),
);
writeFileSync(changelogPath, changelog);
console.log(`published the schema of ${date}: published/schema.graphql and CHANGELOG.md updated`);

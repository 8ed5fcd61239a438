// Writes the guide into the README's "Use the API" section.

import { readFileSync, writeFileSync } from 'node:fs';
import { withGuide } from './markdown.ts';

const path = new URL('../../../../README.md', import.meta.url);
writeFileSync(path, withGuide(readFileSync(path, 'utf8')));
console.log('README.md: "Use the API" written from packages/site/src/api-guide');

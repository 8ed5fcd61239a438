import { createRequire } from 'node:module';
import { vitestConfig } from '../../vitest.shared.ts';

const require = createRequire(import.meta.url);

export default vitestConfig('bench', {
  // One copy of graphql for CommonJS (Pothos) and ESM importers alike.
  resolve: { alias: { graphql: require.resolve('graphql/index.js') } },
});

import { createRequire } from 'node:module';
import { vitestConfig } from '../../vitest.shared.ts';

const require = createRequire(import.meta.url);

export default vitestConfig('api', {
  // One copy of graphql for CommonJS (Pothos) and ESM importers alike.
  resolve: { alias: { graphql: require.resolve('graphql/index.js') } },
  // Some tests run the API and the command line as child processes.
  test: { testTimeout: 120_000, hookTimeout: 60_000, fileParallelism: false },
});

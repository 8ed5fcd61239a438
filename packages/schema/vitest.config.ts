import { createRequire } from 'node:module';
import { vitestConfig } from '../../vitest.shared.ts';

const require = createRequire(import.meta.url);

export default vitestConfig('schema', {
  // One copy of graphql for CommonJS (Pothos) and ESM importers alike.
  resolve: { alias: { graphql: require.resolve('graphql/index.js') } },
  test: {
    // Every test under both executors (test/execute.ts): the server's compiled one and graphql-js.
    projects: ['graphql-js', 'graphql-jit'].map((executor) => ({
      extends: true,
      test: { name: executor, env: { JIN_EXECUTOR: executor } },
    })),
  },
});

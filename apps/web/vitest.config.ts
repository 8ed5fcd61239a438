import { createRequire } from 'node:module';
import { mergeConfig } from 'vitest/config';
import { vitestConfig } from '../../vitest.shared.ts';
import viteConfig from './vite.config.ts';

const require = createRequire(import.meta.url);

export default mergeConfig(
  viteConfig({ command: 'serve', mode: 'test' }),
  vitestConfig('web', {
    // One copy of graphql whichever way it is imported.
    resolve: { alias: { graphql: require.resolve('graphql/index.js') } },
    test: {
      environment: 'jsdom',
      setupFiles: ['./src/test/setup.ts'],
      exclude: ['e2e/**', 'node_modules/**'],
      css: false,
    },
  }),
);

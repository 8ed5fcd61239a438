import { vitestConfig } from '../../vitest.shared.ts';

// The comparison with PostgreSQL creates its database on the store tests' server.
export default vitestConfig('content', {
  test: {
    globalSetup: ['@jin/store/postgres-test-server'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});

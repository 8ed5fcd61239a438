import { vitestConfig } from '../../vitest.shared.ts';

// The PostgreSQL tests create their databases on one server per run (testing/postgres-server.ts).
export default vitestConfig('store', {
  test: { globalSetup: ['./testing/postgres-server.ts'], testTimeout: 30_000, hookTimeout: 60_000 },
});

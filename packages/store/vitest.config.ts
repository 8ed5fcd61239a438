import { vitestConfig } from '../../vitest.shared.ts';

// The PostgreSQL tests create their databases on one server per run (test/postgres-setup.ts).
export default vitestConfig('store', {
  test: { globalSetup: ['./test/postgres-setup.ts'], testTimeout: 30_000, hookTimeout: 60_000 },
});

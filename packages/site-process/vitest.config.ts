import { vitestConfig } from '../../vitest.shared.ts';

// Each test starts the site, a child process of its own.
export default vitestConfig('site-process', { test: { testTimeout: 120_000 } });

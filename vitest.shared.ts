// Shared Vitest settings: every package's config starts from this.
import { defineConfig, mergeConfig, type ViteUserConfig } from 'vitest/config';

export function vitestConfig(name: string, overrides: ViteUserConfig = {}): ViteUserConfig {
  const results = process.env.JIN_TEST_RESULTS;
  return mergeConfig(
    defineConfig({
      test: {
        include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
        reporters: results ? ['default', 'json'] : ['default'],
        outputFile: results ? { json: `${results}/vitest-${name}.json` } : undefined,
      },
    }),
    overrides,
  );
}

import { defineConfig } from 'vitest/config';
import { resultFileReporter } from './vitest-result-reporter.ts';

/** Shared vitest settings: each package's `vitest.config.ts` uses this. */
export const sharedVitestConfig = defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', resultFileReporter()],
  },
});

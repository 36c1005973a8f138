import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedVitestConfig } from '../../tooling/vitest.shared.ts';

// The packed packages installed from their tarballs with npm: installs take tens of seconds, so
// the global setup packs and installs once for every test file, and timeouts are generous.
export default mergeConfig(
  sharedVitestConfig,
  defineConfig({
    test: {
      include: ['test/**/*.test.ts'],
      globalSetup: ['./test/global-setup.ts'],
      testTimeout: 300_000,
      hookTimeout: 300_000,
      // The test files mostly wait on npm, tsc, attw and node children: run them side by side
      // even on a 2-core machine (vitest's default there is one file at a time).
      maxWorkers: 4,
    },
  }),
);

import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedVitestConfig } from '../../tooling/vitest.shared.ts';

// One headless Chromium (Debian's, installed by the global setup when missing) runs the page
// bundled by esbuild and by Vite; the Node reference run shares the file, so no parallelism here.
export default mergeConfig(
  sharedVitestConfig,
  defineConfig({
    test: {
      globalSetup: ['./test/global-setup.ts'],
      fileParallelism: false,
    },
  }),
);

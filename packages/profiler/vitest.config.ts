import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedVitestConfig } from '../../tooling/vitest.shared.ts';

// Like @dl/core, the suite runs once per backend that must work everywhere: wasm and cpu.
export default mergeConfig(
  sharedVitestConfig,
  defineConfig({
    test: {
      projects: [
        { extends: true, test: { name: 'wasm', env: { DL_BACKEND: 'wasm' } } },
        { extends: true, test: { name: 'cpu', env: { DL_BACKEND: 'cpu' } } },
      ],
    },
  }),
);

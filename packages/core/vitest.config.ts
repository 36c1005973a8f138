import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedVitestConfig } from '../../tooling/vitest.shared.ts';

// Core runs its whole suite once per backend that must work everywhere: wasm and cpu.
export default mergeConfig(
  sharedVitestConfig,
  defineConfig({
    test: {
      setupFiles: ['./test/setup-backend.ts'],
      projects: [
        { extends: true, test: { name: 'wasm', env: { DL_BACKEND: 'wasm' } } },
        { extends: true, test: { name: 'cpu', env: { DL_BACKEND: 'cpu' } } },
      ],
    },
  }),
);

import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedVitestConfig, testProjects } from '../../tooling/vitest.shared.ts';

// Test projects, as in @dl/core (see docs/testing.md); the tests use the built @dl/core.
// - wasm, cpu: tensor math whose results depend on the backend (metrics, supervised training
//   steps), once per backend; files share one module graph per worker thread (isolate: false).
// - node: the engine, handlers, loggers and checkpoint files, once on wasm, sharing modules too.
// - slow: the kill-and-resume test (child processes, SIGKILL), once, in its own process.
const BACKEND = ['src/metrics/**/*.test.ts', 'src/engine/supervised.test.ts'];
const SLOW = ['test/crash/**/*.test.ts'];
const shared = { pool: 'threads', isolate: false } as const;

export default mergeConfig(
  sharedVitestConfig,
  defineConfig({
    test: {
      projects: testProjects(fileURLToPath(new URL('.', import.meta.url)), [
        {
          projects: [
            { name: 'wasm', env: { DL_BACKEND: 'wasm' } },
            { name: 'cpu', env: { DL_BACKEND: 'cpu' } },
          ],
          include: BACKEND,
          test: shared,
        },
        { projects: [{ name: 'node', env: { DL_BACKEND: 'wasm' } }], include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: [...BACKEND, ...SLOW], test: shared },
        { projects: [{ name: 'slow', env: { DL_BACKEND: 'wasm' } }], include: SLOW, test: { pool: 'forks', isolate: true } },
      ]),
    },
  }),
);

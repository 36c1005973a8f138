import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedVitestConfig, testProjects } from '../../tooling/vitest.shared.ts';

// Test projects, as in @dl/core (see docs/testing.md); the tests use the built @dl/core.
// - wasm, cpu: recording and timing ops on a tfjs backend (profiler sessions, recorders, traces,
//   the ignite hooks), once per backend; files share one module graph per worker thread.
// - node: backend-independent parts (event tables, CLI arguments, CPU profiles, the HTML
//   report), once on wasm.
// - slow: the dl-bottleneck CLI run on scripts (child processes, SIGKILL), once, in its own
//   process; it needs the built CLI (dist/cli.js).
const BACKEND = ['src/profiler/**/*.test.ts', 'src/record/**/*.test.ts', 'src/trace/**/*.test.ts', 'src/ignite/**/*.test.ts'];
const SLOW = ['src/bottleneck/cli.test.ts'];
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

import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedVitestConfig, testProjects } from '../../tooling/vitest.shared.ts';

// Test projects (docs/testing.md):
// - wasm, cpu: code whose results depend on the tfjs backend, once per backend that must work
//   everywhere. These files share one module graph per worker (isolate: false): loading tfjs and
//   the backend once instead of once per file is most of the suite's time.
// - wasm-isolated, cpu-isolated: backend-dependent files that change process-wide state
//   (switch the backend, watch RSS and FinalizationRegistry): a fresh process per file.
// - node: backend-independent code (data loading, serialization, datasets, repository checks),
//   once, on the default backend (wasm).
// - slow: worker threads, child processes, SIGKILL; once, a fresh process per file.
// Every *.test.ts under src/ and test/ belongs to exactly one group: testProjects() checks it
// when the config loads and names any file left out.
const BACKEND = ['ops', 'nn', 'optim', 'autograd', 'tensor', 'memory', 'backend', 'random'].map((d) => `src/${d}/**/*.test.ts`);
const GLOBAL_STATE = [
  'src/memory/**/*.test.ts',
  'src/ops/functional/cnn.test.ts',
  'src/backend/wasm-kernels/composite-kernels.test.ts',
];
const SLOW = [
  'src/data/worker/**/*.test.ts',
  'src/data/fizzbuzz.test.ts',
  'src/data/docs.test.ts',
  'src/serialization/save-load.test.ts',
];
const perBackend = [
  { name: 'wasm', env: { DL_BACKEND: 'wasm' } },
  { name: 'cpu', env: { DL_BACKEND: 'cpu' } },
];

export default mergeConfig(
  sharedVitestConfig,
  defineConfig({
    test: {
      projects: testProjects(fileURLToPath(new URL('.', import.meta.url)), [
        { projects: perBackend, include: BACKEND, exclude: GLOBAL_STATE, test: { isolate: false } },
        {
          projects: perBackend.map((p) => ({ ...p, name: `${p.name}-isolated` })),
          include: GLOBAL_STATE,
          test: { isolate: true },
        },
        {
          projects: [{ name: 'node', env: { DL_BACKEND: 'wasm' } }],
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...BACKEND, ...SLOW],
          test: { isolate: true },
        },
        { projects: [{ name: 'slow', env: { DL_BACKEND: 'wasm' } }], include: SLOW, test: { isolate: true } },
      ], { setupFiles: ['./test/support/setup-backend.ts'] }),
    },
  }),
);

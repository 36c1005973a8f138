import { fileURLToPath } from 'node:url';
import { backendTestConfig } from '../../tooling/vitest.shared.ts';

// Test projects (see docs/testing.md):
// - wasm, cpu: code whose results depend on the tfjs backend, once per backend that must work
//   everywhere. Files share one module graph per worker thread (isolate: false): loading tfjs
//   and the backend once per worker instead of once per file is most of what the suite saves.
// - wasm-isolated, cpu-isolated: backend-dependent files that change process-wide state (switch
//   the backend, watch RSS and garbage collection): a fresh process per file.
// - node: backend-independent code (data loading, serialization, datasets, repository checks),
//   once, on the default backend (wasm), sharing module graphs like wasm/cpu.
// - node-isolated: backend-independent files that mock modules: a fresh process per file.
// - slow: worker threads, child processes, SIGKILL; once, a fresh process per file.
// testProjects() checks, when the config loads, that every *.test.ts under src/ and test/ is in
// exactly one group, and that no file in a shared group mocks modules, switches the backend or
// adds process handlers; it names any offending file.
const BACKEND = ['ops', 'nn', 'optim', 'autograd', 'tensor', 'memory', 'backend', 'random'].map((d) => `src/${d}/**/*.test.ts`);
const BACKEND_GLOBAL_STATE = [
  'src/memory/**/*.test.ts',
  'src/ops/functional/cnn.test.ts',
  'src/backend/wasm-kernels/composite-kernels.test.ts',
  'src/backend/backend.test.ts',
  'src/backend/uncaught-errors.test.ts',
];
const NODE_GLOBAL_STATE = ['src/datasets/disk-full.test.ts'];
const SLOW = [
  'src/data/worker/**/*.test.ts',
  'src/data/fizzbuzz.test.ts',
  'src/data/docs.test.ts',
  'src/serialization/save-load.test.ts',
];
export default backendTestConfig(fileURLToPath(new URL('.', import.meta.url)), {
  backend: BACKEND,
  backendIsolated: BACKEND_GLOBAL_STATE,
  nodeIsolated: NODE_GLOBAL_STATE,
  slow: SLOW,
  common: { setupFiles: ['./test/support/setup-backend.ts'] },
});

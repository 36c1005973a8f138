import { fileURLToPath } from 'node:url';
import { backendTestConfig } from '../../tooling/vitest.shared.ts';

// Test projects, as in @dl/core (see docs/testing.md); the tests use the built @dl/core.
// - wasm, cpu: tensor math whose results depend on the backend (metrics, supervised training steps).
// - node: the engine, handlers, loggers and checkpoint files.
// - slow: the kill-and-resume test (child processes, SIGKILL).
export default backendTestConfig(fileURLToPath(new URL('.', import.meta.url)), {
  backend: ['src/metrics/**/*.test.ts', 'src/engine/supervised.test.ts'],
  slow: ['test/crash/**/*.test.ts'],
});

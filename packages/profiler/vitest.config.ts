import { fileURLToPath } from 'node:url';
import { backendTestConfig } from '../../tooling/vitest.shared.ts';

// Test projects, as in @dl/core (see docs/testing.md); the tests use the built @dl/core.
// - wasm, cpu: recording and timing ops on a tfjs backend (profiler sessions, recorders, traces,
//   the ignite hooks).
// - node: backend-independent parts (event tables, CLI arguments, CPU profiles, the HTML report).
// - slow: the dl-bottleneck CLI run on scripts (child processes, SIGKILL); it needs the built CLI
//   (dist/cjs/cli.js).
export default backendTestConfig(fileURLToPath(new URL('.', import.meta.url)), {
  backend: ['src/profiler/**/*.test.ts', 'src/record/**/*.test.ts', 'src/trace/**/*.test.ts', 'src/ignite/**/*.test.ts'],
  slow: ['src/bottleneck/cli.test.ts'],
});

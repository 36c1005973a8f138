import { fileURLToPath } from 'node:url';
import { backendTestConfig } from '../../tooling/vitest.shared.ts';

// Test projects as in @dl/core (docs/testing.md):
// - wasm, cpu: functional and transforms, whose tensor results depend on the tfjs backend.
// - node: io (pure TypeScript and wasm decoders) and datasets, once.
// - slow: the fuzz loops, the docs examples and the DataLoader worker test, a fresh process per file.
export default backendTestConfig(fileURLToPath(new URL('.', import.meta.url)), {
  // Not on native as a third backend (see BackendSplit.native): the apps run this package on it.
  native: false,
  backend: ['src/functional/**/*.test.ts', 'src/transforms/**/*.test.ts'],
  slow: ['src/**/*fuzz*.test.ts', 'test/**/*fuzz*.test.ts', 'test/docs.test.ts', 'src/datasets/yesno-workers.test.ts'],
});

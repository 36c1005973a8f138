import { fileURLToPath } from 'node:url';
import { backendTestConfig } from '../../tooling/vitest.shared.ts';

// Test projects, as in @dl/core (see docs/testing.md); the tests use the built @dl/core.
// - wasm, cpu: tensor paths of the transforms, makeGrid and the models, whose results depend on
//   the tfjs backend.
// - node: Image, io (sharp and the wasm codecs do not use tfjs), datasets, once.
// - slow: DataLoader worker threads, the docs examples (a tsx child process) and the fuzz loops,
//   once, a fresh process per file.
export default backendTestConfig(fileURLToPath(new URL('.', import.meta.url)), {
  // Not on native as a third backend (see BackendSplit.native): the apps run this package on it.
  native: false,
  backend: ['src/transforms/**/*.test.ts', 'src/utils/**/*.test.ts', 'src/models/**/*.test.ts'],
  slow: [
    'src/transforms/transform-workers.test.ts',
    'src/datasets/image-folder.test.ts',
    'src/datasets/mnist-workers.test.ts',
    'src/**/*fuzz*.test.ts',
    'test/**/*fuzz*.test.ts',
    'test/docs.test.ts',
  ],
});

import { fileURLToPath } from 'node:url';
import { backendTestConfig } from '../../tooling/vitest.shared.ts';

// Test projects as in @dl/core (docs/testing.md):
// - wasm, cpu: numericalize/pad and the iterators' batches, whose tensors depend on the backend
//   (src/data/fields, src/data/iterators, the seed's TREC flow).
// - node: tokenizers, vocab, examples, tabular files, vectors and datasets, once.
// - slow: the docs examples, a fresh process.
export default backendTestConfig(fileURLToPath(new URL('.', import.meta.url)), {
  // Not on native as a third backend (see BackendSplit.native): the apps run this package on it.
  native: false,
  backend: ['src/data/fields/**/*.test.ts', 'src/data/iterators/**/*.test.ts', 'src/data/trec-flow.test.ts'],
  slow: ['test/docs.test.ts'],
});

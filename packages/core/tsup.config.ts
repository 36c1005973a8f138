import { defineConfig } from 'tsup';
import { preset } from '../../tooling/tsup.preset.ts';

// ESM awaits the backend at import (top-level await); CommonJS cannot, so its users call
// `await dl.ready()` once. Both builds share one set of sources and one `.d.ts`.
export default defineConfig([
  preset({ entry: { index: 'src/esm-entry.ts', node: 'src/node.ts', testing: 'src/testing.ts', 'data-worker': 'src/data/worker/worker-main.ts' }, format: ['esm'] }),
  preset({ entry: { index: 'src/index.ts', node: 'src/node.ts', testing: 'src/testing.ts' }, format: ['cjs'], dts: false, clean: false }),
]);

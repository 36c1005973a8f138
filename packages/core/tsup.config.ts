import { defineConfig } from 'tsup';
import { packageBuild } from '../../tooling/tsup.preset.ts';

// '.' runs in browsers too; './node' (files, downloads, archives, worker threads) and './testing'
// (a local HTTP server and archive builders for dataset tests) are Node-only. 'data-worker' is
// the DataLoader worker threads' script, loaded by path.
export default defineConfig(
  packageBuild({
    browser: { index: 'src/index.ts', internal: 'src/internal.ts' },
    node: { node: 'src/node.ts', testing: 'src/testing.ts' },
    internal: { 'data-worker': 'src/data/worker/worker-main.ts' },
    // TensorFlow.js (core, cpu, wasm) is bundled: its packages install 58 MB, the bundle 4. The
    // optional peer on tfjs-core is for the types of '@dl/core/internal' only.
    bundle: [/^@tensorflow\/tfjs-(core|backend-cpu|backend-wasm)(\/|$)/],
  }),
);

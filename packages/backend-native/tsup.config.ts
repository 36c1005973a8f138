import { defineConfig } from 'tsup';
import { packageBuild } from '../../tooling/tsup.preset.ts';

// Node only (the addon is a Node module): CommonJS in dist/cjs, with the ESM wrapper and the
// declarations build-package.mjs adds. tfjs is not bundled: the caller hands its own in.
export default defineConfig(packageBuild({ browser: {}, node: { index: 'src/index.ts' } }));

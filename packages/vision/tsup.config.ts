import { defineConfig } from 'tsup';
import { packageBuild } from '../../tooling/tsup.preset.ts';

// @dl/core is a peer dependency, so tsup leaves `@dl/core` and `@dl/core/node` as imports.
// Part 1 of @dl/vision is Node-only (files, sharp, LMDB); the wasm codecs are its fallback there.
export default defineConfig(packageBuild({ browser: {}, node: { index: 'src/index.ts' } }));

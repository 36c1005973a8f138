import { defineConfig } from 'tsup';
import { packageBuild } from '../../tooling/tsup.preset.ts';

// @dl/core is a peer dependency, so tsup leaves `@dl/core` and `@dl/core/node` as imports.
// Files, downloads and the vectors cache, so the package is Node-only for now.
export default defineConfig(packageBuild({ browser: {}, node: { index: 'src/index.ts' } }));

import { defineConfig } from 'tsup';
import { packageBuild } from '../../tooling/tsup.preset.ts';

// @dl/core is a peer dependency, so tsup leaves `@dl/core` and `@dl/core/node` as imports.
// '.' runs in browsers too; './node' adds what writes files (checkpoints on disk, JSON-lines and
// CSV logs).
export default defineConfig(packageBuild({ browser: { index: 'src/index.ts' }, node: { node: 'src/node.ts' } }));

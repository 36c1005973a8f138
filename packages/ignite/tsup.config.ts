import { defineConfig } from 'tsup';
import { preset } from '../../tooling/tsup.preset.ts';

// @dl/core is a peer dependency, so tsup leaves `@dl/core` and `@dl/core/node` as imports.
// '.' is browser-safe; './node' adds what writes files (checkpoints on disk, JSON-lines and CSV logs).
export default defineConfig(preset({ entry: { index: 'src/index.ts', node: 'src/node.ts' } }));

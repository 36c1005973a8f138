import { defineConfig } from 'tsup';
import { packageBuild } from '../../tooling/tsup.preset.ts';

// @dl/core and @dl/ignite are peers, so tsup leaves their imports alone. '.' and './ignite'
// (ignite's time profilers, engine events in traces) run in browsers too; 'cli' is the
// dl-bottleneck command and 'bottleneck-preload' what it loads into the profiled script's process.
export default defineConfig(
  packageBuild({
    browser: { index: 'src/index.ts', ignite: 'src/ignite.ts' },
    internal: { cli: 'src/bottleneck/cli.ts', 'bottleneck-preload': 'src/bottleneck/preload.ts' },
  }),
);

import { defineConfig } from 'tsup';
import { preset } from '../../tooling/tsup.preset.ts';

// @dl/core and @dl/ignite are peers, so tsup leaves their imports alone. '.' is browser-safe;
// './ignite' adds ignite's time profilers (and engine events in traces); 'cli' is the
// dl-bottleneck command and 'bottleneck-preload' what it loads into the profiled script's process.
export default defineConfig(
  preset({
    entry: { index: 'src/index.ts', ignite: 'src/ignite.ts', cli: 'src/bottleneck/cli.ts', 'bottleneck-preload': 'src/bottleneck/preload.ts' },
  }),
);

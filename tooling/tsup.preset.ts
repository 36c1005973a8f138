import type { Options } from 'tsup';

/**
 * The one tsup preset every published package builds with: ESM + CJS + `.d.ts`, sourcemaps,
 * Node 20 target. A package's `tsup.config.ts` passes its entry points (and anything it adds).
 */
export function preset(options: Partial<Options> & { entry: Options['entry'] }): Options {
  return {
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'node',
    splitting: true,
    shims: true,
    treeshake: false,
    ...options,
  };
}

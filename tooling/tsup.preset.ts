import type { Options } from 'tsup';
import { browserSwapPlugin } from './platform-plugin.ts';

/** How a published package is built (see tooling/build-package.mjs for the finishing steps). */
export interface PackageBuild {
  /** Entries that also run in browsers: built as browser ESM (`dist/<name>.js`) and for Node. */
  browser: Record<string, string>;
  /** Node-only entries (files, workers, CLIs): built for Node only. */
  node?: Record<string, string>;
  /** Node-only files loaded by path (worker scripts, CLIs, preloads): no types, no ESM wrapper. */
  internal?: Record<string, string>;
  /** Packages bundled into every build although listed as (optional peer) dependencies. */
  bundle?: RegExp[];
}

const common: Partial<Options> = {
  sourcemap: true,
  clean: false,
  splitting: true,
  treeshake: false,
  // Keep class and function names as written (esbuild would print `_Sequential` for a renamed
  // binding), since reprs and error messages show them.
  keepNames: true,
};

/**
 * The builds every published package makes, from one list of entries:
 * - `dist/cjs/*.js` (+ `package.json` saying commonjs): the Node implementation, for `require`
 *   and, through the thin ESM wrappers in `dist/node-esm/`, for `import` in Node too, so a process
 *   holds one copy of each package however it is loaded;
 * - `dist/*.js`: browser-safe ESM of the browser entries, for bundlers (Node-only files are
 *   swapped for their `.browser.ts` siblings);
 * - `dist/*.d.ts`: one set of declarations, copied to `dist/cjs` for CommonJS consumers.
 */
export function packageBuild(spec: PackageBuild): Options[] {
  const typed = { ...spec.browser, ...spec.node };
  const noExternal = spec.bundle ?? [];
  return [
    {
      ...common,
      entry: { ...typed, ...spec.internal },
      noExternal,
      format: ['cjs'],
      outDir: 'dist/cjs',
      outExtension: () => ({ js: '.js' }),
      platform: 'node',
      target: 'node20',
      shims: true,
      dts: false,
      // tsup splits CommonJS through rollup when tree-shaking is on; without it, through a sucrase
      // pass that turns `import(url)` into `require(url)` (which cannot load ES modules, so a
      // DataLoader worker could not import a user's .mjs dataset) and writes source maps that
      // point at its intermediate files by absolute path.
      treeshake: true,
    },
    Object.keys(spec.browser).length > 0
      ? {
          ...common,
          entry: spec.browser,
          noExternal,
          format: ['esm'],
          outDir: 'dist',
          platform: 'browser',
          target: 'es2022',
          esbuildPlugins: [browserSwapPlugin()],
          dts: { entry: typed },
        }
      : // A Node-only package: declarations only at the top of dist/.
        { ...common, entry: typed, format: ['esm'], outDir: 'dist', dts: { entry: typed, only: true } },
  ];
}

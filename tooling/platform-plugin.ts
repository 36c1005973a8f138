import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * The browser build's file swap: a relative import of `./x` resolves to `./x.browser.ts` when that
 * file exists beside `x.ts`. Node-only code (native tfjs, forced GC, worker threads) lives in such
 * pairs, so the browser bundle never mentions a Node built-in; tsup's `platform: 'browser'` then
 * fails the build if one slips in.
 */
export function browserSwapPlugin(): Plugin {
  return {
    name: 'dl-browser-swap',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (!args.importer || args.importer.includes('node_modules')) return undefined;
        const base = resolve(dirname(args.importer), args.path).replace(/\.(ts|js)$/, '');
        const swapped = `${base}.browser.ts`;
        return existsSync(swapped) ? { path: swapped } : undefined;
      });
    },
  };
}

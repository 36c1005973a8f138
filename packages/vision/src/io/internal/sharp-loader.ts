import { createRequire } from 'node:module';
import type sharpFactory from 'sharp';

/** @internal The `sharp` function. */
export type Sharp = typeof sharpFactory;

type SharpLoad = { sharp: Sharp } | { error: unknown };

let loader: () => Sharp = () => createRequire(import.meta.url)('sharp') as Sharp;
let loaded: SharpLoad | undefined;

/**
 * @internal `sharp`, loaded once (synchronously: it is CommonJS), or the reason it cannot load
 * here (no prebuilt libvips for the platform, a broken install).
 */
export function loadSharp(): SharpLoad {
  if (loaded === undefined) {
    try {
      loaded = { sharp: loader() };
    } catch (error) {
      loaded = { error };
    }
  }
  return loaded;
}

/** @internal For tests: replace how `sharp` is loaded (and forget the last load). */
export function setSharpLoader(load: (() => Sharp) | undefined): void {
  loader = load ?? (() => createRequire(import.meta.url)('sharp') as Sharp);
  loaded = undefined;
}

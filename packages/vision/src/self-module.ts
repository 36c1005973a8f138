/**
 * @internal The file URL of this copy of @dl/vision's entry module, for the `workerSpec()`s of
 * datasets and transforms: a DataLoader worker thread imports it to rebuild them. A bare
 * `'@dl/vision'` would resolve from @dl/core's folder, which need not see this package (pnpm).
 * This file sits at the root of `src/` and of each build folder, beside the entry.
 */
export function visionModuleUrl(): string {
  const here = import.meta.url;
  return new URL(/\.ts$/.test(here) ? './index.ts' : './index.js', here).href;
}

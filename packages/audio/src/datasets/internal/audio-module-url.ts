/**
 * @internal The file URL of this copy of @dl/audio's entry module, for `workerSpec()`s: a
 * DataLoader worker thread imports it to rebuild a dataset or the padding collate. A bare
 * `'@dl/audio'` would resolve from @dl/core's folder, which need not see this package (pnpm).
 * In the sources this file sits two folders below `src/index.ts`; in a build it is bundled into
 * a file beside the entry (`dist/cjs/index.js` or a chunk next to it).
 */
export function audioModuleUrl(): string {
  const here = import.meta.url;
  return /\.ts$/.test(here) ? new URL('../../index.ts', here).href : new URL('./index.js', here).href;
}

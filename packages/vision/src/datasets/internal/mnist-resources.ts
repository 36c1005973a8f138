import type { DatasetResource } from '@dl/core/node';

/**
 * @internal The download metadata of an MNIST-style dataset: each `.gz` file under the first
 * mirror, the other mirrors as fallbacks, its MD5, decompressed into the folder after the download.
 */
export function mnistResources(mirrors: readonly string[], files: readonly (readonly [string, string])[]): DatasetResource[] {
  return files.map(([file, md5]) => ({ url: `${mirrors[0]}${file}`, mirrors: mirrors.slice(1).map((m) => `${m}${file}`), md5, extract: true }));
}

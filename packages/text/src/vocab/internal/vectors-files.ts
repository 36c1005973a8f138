// Where a vectors set's text file and binary cache live, and fetching the text file when it is
// missing, as torchtext's `Vectors.cache`: download `url` into the cache folder (kept once there,
// like torchtext's `if not os.path.isfile(dest)`), then extract a `.zip` or `.tar.gz` into it.
import { stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { type DatasetDownloadOptions, downloadUrl, extractArchive } from '@dl/core/node';
import { VectorsNotFoundError } from '../../errors/vectors-not-found-error';
import type { SourceStamp } from './vectors-cache-file';

/**
 * The environment variable that sets the default `mirror` of the pretrained sets ({@link GloVe},
 * {@link FastText}, {@link CharNGram}): a folder URL serving the same file names.
 *
 * @example
 * ```ts
 * process.env[VECTORS_MIRROR_ENV] = 'http://intranet.example/vectors'; // DL_TEXT_VECTORS_MIRROR
 * ```
 */
export const VECTORS_MIRROR_ENV = 'DL_TEXT_VECTORS_MIRROR';

/** The suffix of binary cache files (torchtext's is `.pt`; this format is not PyTorch's). */
export const CACHE_EXTENSION = '.dlvec';

/** The text file and cache file of vectors `name` in folder `cache`. */
export interface VectorsPaths {
  source: string;
  cachePath: string;
}

/** The stamp of a file, or `undefined` when it is not a file. */
export async function fileStamp(path: string): Promise<SourceStamp | undefined> {
  try {
    const s = await stat(path);
    return s.isFile() ? { size: s.size, mtimeMs: s.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * torchtext's naming: a `name` that is a file is read from where it is and cached as
 * `cache/<basename>`; any other name is `cache/<name>`. `maxVectors` caches apart (`_<n>`).
 */
export async function vectorsPaths(name: string, cache: string, maxVectors: number | undefined): Promise<VectorsPaths> {
  const suffix = maxVectors ? `_${maxVectors}${CACHE_EXTENSION}` : CACHE_EXTENSION;
  if (await fileStamp(name)) return { source: resolve(name), cachePath: join(resolve(cache), basename(name)) + suffix };
  const source = join(resolve(cache), name);
  return { source, cachePath: source + suffix };
}

/** `url` served from `mirror` instead: the mirror folder plus the file name. */
export function mirrored(url: string, mirror: string | undefined): string {
  if (!mirror) return url;
  const file = basename(new URL(url).pathname);
  return `${mirror.replace(/\/+$/, '')}/${file}`;
}

/**
 * Makes sure `source` exists: downloads `url` into `cache` when it does not, and extracts the
 * download when it is a `.zip`, `.tar.gz` or `.tgz` archive. Throws {@link VectorsNotFoundError}
 * when the file is still missing.
 */
export async function fetchVectorsFile(source: string, cache: string, url: string | undefined, download: DatasetDownloadOptions): Promise<void> {
  if (await fileStamp(source)) return;
  if (!url) throw new VectorsNotFoundError(`Vectors: no vectors found at ${source} (not a file, and no url to download it from)`, { path: source });
  const folder = resolve(cache);
  const archive = await downloadUrl(url, folder, { ...download, filename: basename(new URL(url).pathname) });
  if (/\.(zip|tar\.gz|tgz)$/i.test(archive)) await extractArchive(archive, folder);
  if (!(await fileStamp(source))) {
    throw new VectorsNotFoundError(`Vectors: no vectors found at ${source} after downloading ${url} into ${folder}`, { path: source });
  }
}

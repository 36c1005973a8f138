// One vectors set from its binary cache when that is sound and current, else from its text file
// (downloaded when missing), parsed and cached for next time.
import type { DatasetDownloadOptions } from '@dl/core/node';
import { VectorsCacheError } from '../../errors/vectors-cache-error';
import { parseVectorsText } from './parse-vectors-text';
import { CACHE_SUPPORTED, readVectorsCache, type SourceStamp, writeVectorsCache } from './vectors-cache-file';
import { fetchVectorsFile, fileStamp, vectorsPaths } from './vectors-files';
import { WordTable } from './word-table';

/** What to load. */
export interface VectorsRequest {
  name: string;
  cache: string;
  url: string | undefined;
  maxVectors: number | undefined;
  download: DatasetDownloadOptions;
}

/** A loaded vectors set. */
export interface VectorsData {
  dim: number;
  data: Float32Array;
  table: WordTable;
  /** The text file. */
  source: string;
  /** The binary cache file. */
  cachePath: string;
  /** Whether the vectors came from the binary cache. */
  fromCache: boolean;
}

/** Loads in flight, by cache file, so two loads of one set in a process share the work. */
const inFlight = new Map<string, Promise<VectorsData>>();

function same(a: SourceStamp, b: SourceStamp | undefined): boolean {
  return b !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/**
 * Loads the vectors `request` names: from the cache when it is sound and was made from the text
 * file as it is now (or the text file is gone); otherwise from the text file, fetched when
 * missing, and then cached. A cache that is corrupt is rebuilt when the text file is there or can
 * be downloaded, else a {@link VectorsCacheError} says so.
 */
export async function loadVectorsData(request: VectorsRequest): Promise<VectorsData> {
  const { source, cachePath } = await vectorsPaths(request.name, request.cache, request.maxVectors);
  const running = inFlight.get(cachePath);
  if (running) return running;
  const job = load(request, source, cachePath);
  inFlight.set(cachePath, job);
  try {
    return await job;
  } finally {
    inFlight.delete(cachePath);
  }
}

async function load(request: VectorsRequest, source: string, cachePath: string): Promise<VectorsData> {
  const stamp = await fileStamp(source);
  if (CACHE_SUPPORTED) {
    const read = await readVectorsCache(cachePath);
    if (read && 'vectors' in read && (stamp === undefined || same(stamp, read.source))) {
      return { ...read.vectors, source, cachePath, fromCache: true };
    }
    if (read && 'corrupt' in read && stamp === undefined && !request.url) {
      throw new VectorsCacheError(
        `Vectors: the vectors cache ${cachePath} is unusable: ${read.corrupt}; it cannot be rebuilt because ${source} is missing and there is no url to download it from (delete the cache file and provide the vectors file)`,
        { path: cachePath },
      );
    }
  }
  await fetchVectorsFile(source, request.cache, request.url, request.download);
  const parsed = await parseVectorsText(source, { maxVectors: request.maxVectors });
  const table = WordTable.fromWords(parsed.words);
  if (CACHE_SUPPORTED) await writeVectorsCache(cachePath, { dim: parsed.dim, data: parsed.data, table }, await fileStamp(source));
  return { dim: parsed.dim, data: parsed.data, table, source, cachePath, fromCache: false };
}

import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ValueError } from '@dl/core';
import { type DatasetDownloadOptions, type DatasetResource, downloadResource, extractArchive } from '@dl/core/node';
import { DatasetMissingFileError } from '../errors/dataset-missing-file-error';
import { downloadFromGoogleDrive } from './google-drive';

/** The folder classic torchtext keeps datasets in, relative to the working directory. */
export const DEFAULT_ROOT = '.data';

/** The environment variable that names a mirror for every text dataset (see {@link TextDatasetSource.mirror}). */
export const MIRROR_ENV = 'DL_TEXT_MIRROR';

/**
 * One file a text dataset downloads: @dl/core's resource (URL, mirrors, file name, checksum,
 * whether to extract it) and the path that shows it is already in place.
 *
 * @example
 * ```ts
 * const sst: TextDatasetResource = {
 *   url: 'http://nlp.stanford.edu/sentiment/trainDevTestTrees_PTB.zip', extract: true, check: 'trees',
 * };
 * ```
 */
export interface TextDatasetResource extends DatasetResource {
  /**
   * A path relative to the dataset's folder (`<root>/<folder>`) that exists once the file is
   * downloaded and extracted (`trees` for SST's zip); when it exists the file is not fetched, as
   * classic torchtext skipped the download when the dataset's folder was there.
   */
  check: string;
}

/**
 * Where a text dataset lives and where it comes from; every dataset's `splits`/`iters` take these.
 *
 * @example
 * ```ts
 * await SST.splits(text, label, { root: '/data/text', mirror: 'https://mirror.example.org/text/', downloadOptions: { retries: 5 } });
 * ```
 */
export interface TextDatasetSource {
  /** The folder datasets are downloaded into and read from, relative to the working directory. @default '.data' (classic torchtext's) */
  root?: string;
  /**
   * The base URL of a mirror that holds each file at `<mirror>/<folder>/<file name>` (for
   * example `<mirror>/sst/trainDevTestTrees_PTB.zip`); the original URLs are then not used.
   * Checksums are verified as for the originals. @default the `DL_TEXT_MIRROR` environment variable, else none
   */
  mirror?: string;
  /** Settings of each download: progress bar, retries, timeout, certificate authorities, abort signal. @default {} */
  downloadOptions?: DatasetDownloadOptions;
}

/**
 * Makes sure each resource of a dataset is in `<root>/<folder>`: a resource whose `check` path
 * exists is left alone; the others are downloaded (from the mirror when one is set, else from
 * their URL and its mirrors; Google Drive URLs through {@link downloadFromGoogleDrive}), verified
 * and, if `extract` is set, extracted there. Resolves with the absolute dataset folder. Throws
 * {@link DatasetMissingFileError} when a download did not produce its `check` path (an archive
 * of another layout), and @dl/core's `DownloadError`, `ChecksumError`, `ArchiveError`,
 * `UnsafeArchiveEntryError` as the download or extraction fails.
 *
 * @example
 * ```ts
 * const folder = await downloadTextDataset('TREC', 'trec', TREC.resources, { root: '.data' });
 * // folder === resolve('.data/trec'), holding train_5500.label and TREC_10.label
 * ```
 */
export async function downloadTextDataset(
  owner: string,
  folder: string,
  resources: readonly TextDatasetResource[],
  source: TextDatasetSource = {},
): Promise<string> {
  const path = resolve(source.root ?? DEFAULT_ROOT, folder);
  const mirror = source.mirror ?? process.env[MIRROR_ENV] ?? undefined;
  for (const resource of resources) {
    const check = join(path, resource.check);
    if (await exists(check)) continue;
    const filename = resourceFilename(resource);
    if (mirror) {
      await downloadResource({ ...resource, url: mirrorUrl(mirror, folder, filename), mirrors: [], filename }, path, source.downloadOptions);
    } else if (isGoogleDrive(resource.url)) {
      const file = await downloadFromGoogleDrive(resource.url, path, { ...source.downloadOptions, filename, md5: resource.md5, sha256: resource.sha256 });
      if (resource.extract) await extractArchive(file, path);
    } else {
      await downloadResource({ ...resource, filename }, path, source.downloadOptions);
    }
    if (!(await exists(check))) {
      throw new DatasetMissingFileError(`${owner}: ${filename} was downloaded into ${path} but did not give ${resource.check}`, { file: check });
    }
  }
  return path;
}

/**
 * The URL of a dataset's file on a mirror: `<mirror>/<folder>/<filename>` (just
 * `<mirror>/<filename>` for a dataset kept in `root` itself, as bAbI).
 *
 * @example
 * ```ts
 * mirrorUrl('http://127.0.0.1:8080/text', 'sst', 'trainDevTestTrees_PTB.zip');
 * // 'http://127.0.0.1:8080/text/sst/trainDevTestTrees_PTB.zip'
 * ```
 */
export function mirrorUrl(mirror: string, folder: string, filename: string): string {
  let base: URL;
  try {
    base = new URL(mirror.endsWith('/') ? mirror : `${mirror}/`);
  } catch {
    throw new ValueError(`mirrorUrl: the mirror must be an absolute http(s) URL, got ${JSON.stringify(mirror)}`);
  }
  const path = folder === '' ? encodeURIComponent(filename) : `${encodeURIComponent(folder)}/${encodeURIComponent(filename)}`;
  return new URL(path, base).href;
}

/** The name a resource's file gets in the dataset folder. */
export function resourceFilename(resource: DatasetResource): string {
  if (resource.filename) return resource.filename;
  const { pathname } = new URL(resource.url);
  return decodeURIComponent(pathname.slice(pathname.lastIndexOf('/') + 1));
}

function isGoogleDrive(url: string): boolean {
  return new URL(url).hostname === 'drive.google.com';
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where a dataset class keeps its files (classic torchtext's `name`, `dirname` and `urls` class
 * attributes): `<root>/<folder>/<dirname>` holds the split files once `resources` are in place.
 *
 * @example
 * ```ts
 * const location: DatasetLocation = { name: 'SST', folder: 'sst', dirname: 'trees', resources: SST.resources };
 * ```
 */
export interface DatasetLocation {
  /** The class name, for messages. */
  readonly name: string;
  /** The folder under `root` (classic `name`; `''` for `root` itself). */
  readonly folder: string;
  /** The folder within it that holds the split files (classic `dirname`; `''` for the folder itself). */
  readonly dirname: string;
  /** The files to download. */
  readonly resources: readonly TextDatasetResource[];
}

/**
 * Downloads a dataset class's resources when missing ({@link downloadTextDataset}) and resolves
 * with the folder of its split files, `<root>/<folder>/<dirname>` (classic `Dataset.download`).
 *
 * @example
 * ```ts
 * await downloadDatasetFolder(SST, { root: '.data' }); // '/abs/.data/sst/trees'
 * ```
 */
export async function downloadDatasetFolder(location: DatasetLocation, source: TextDatasetSource = {}): Promise<string> {
  return join(await downloadTextDataset(location.name, location.folder, location.resources, source), location.dirname);
}

import { join } from 'node:path';
import { downloadUrl, type DownloadUrlOptions } from './download-url';
import { DownloadError } from './errors/download-error';
import { extractArchive } from './extract-archive';

/**
 * One file a dataset downloads: where from, its checksum, and whether to extract it (the
 * download metadata torchvision datasets keep in `resources`).
 */
export interface DatasetResource {
  /** The URL. */
  url: string;
  /** Other URLs of the same file, tried in order when a download fails. @default [] */
  mirrors?: readonly string[];
  /** The file name in the dataset folder. @default the last segment of the URL's path */
  filename?: string;
  /** Expected MD5 hex digest. */
  md5?: string;
  /** Expected SHA-256 hex digest. */
  sha256?: string;
  /** Extract the file into the dataset folder after the download (archives). @default false */
  extract?: boolean;
}

/** The settings of a download that a dataset passes on (everything but the per-file ones). */
export type DatasetDownloadOptions = Omit<DownloadUrlOptions, 'filename' | 'md5' | 'sha256'>;

/**
 * Downloads one resource into `folder`, trying its mirrors in turn, verifying its checksum and
 * extracting it when asked; resolves with the downloaded file's path.
 *
 * @example
 * ```ts
 * await downloadResource({ url: 'https://example.org/iris.zip', sha256: '…', extract: true }, '/data/iris');
 * ```
 */
export async function downloadResource(
  resource: DatasetResource,
  folder: string,
  options: DatasetDownloadOptions = {},
): Promise<string> {
  const urls = [resource.url, ...(resource.mirrors ?? [])];
  const filename = resource.filename ?? nameOf(resource.url);
  let lastError: unknown;
  for (const url of urls) {
    try {
      const path = await downloadUrl(url, folder, { ...options, filename, md5: resource.md5, sha256: resource.sha256 });
      if (resource.extract) await extractArchive(path, folder);
      return path;
    } catch (error) {
      // Only a failed transfer moves on to the next mirror; a bad checksum or a full disk would repeat.
      if (!(error instanceof DownloadError)) throw error;
      lastError = error;
    }
  }
  throw lastError;
}

/** The file name a resource gets when it names none. */
export function resourceFilename(resource: DatasetResource): string {
  return resource.filename ?? nameOf(resource.url);
}

/** The path of a resource's downloaded file in `folder`. */
export function resourcePath(resource: DatasetResource, folder: string): string {
  return join(folder, resourceFilename(resource));
}

function nameOf(url: string): string {
  const { pathname } = new URL(url);
  return decodeURIComponent(pathname.slice(pathname.lastIndexOf('/') + 1));
}

import { rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type nn, ValueError } from '@dl/core';
import { ChecksumError, type DownloadUrlOptions, downloadUrl, fileChecksum, load } from '@dl/core/node';
import { getHubDir } from './hub-dir';

const OP = 'loadStateDictFromUrl';
/** torch.hub's `HASH_REGEX`: the hex digits between a `-` and the next `.` of the file name. */
const HASH_REGEX = /-([a-f0-9]*)\./;

/** Download settings {@link loadStateDictFromUrl} passes on to `downloadUrl` of `@dl/core/node`. */
export type HubDownloadOptions = Pick<DownloadUrlOptions, 'headers' | 'timeout' | 'retries' | 'retryDelay' | 'ca' | 'signal' | 'progressStream'>;

/** Options of {@link loadStateDictFromUrl} (torch.hub's keyword arguments). */
export interface LoadStateDictFromUrlOptions {
  /** The folder the file is cached in. @default `join(getHubDir(), 'checkpoints')` */
  modelDir?: string;
  /** Show download progress on stderr. @default true */
  progress?: boolean;
  /**
   * Verify the download against the hash prefix in its file name (`name-<sha256 prefix>.ext` with
   * at least 8 hex digits, as torchvision's weights are named) before it enters the cache; a name
   * without such a prefix is a `ValueError`. @default false
   */
  checkHash?: boolean;
  /** The cached file's name. @default the last segment of the URL's path */
  fileName?: string;
  /** Network settings (timeout, retries, headers, extra CAs, abort signal). @default {} */
  download?: HubDownloadOptions;
}

const inFlight = new Map<string, Promise<void>>();

/**
 * Loads the `.pth` checkpoint at `url` through the cache, like `torch.hub.load_state_dict_from_url`:
 * a file already in `modelDir` is loaded as it is, anything else is downloaded there first
 * (resumable, with progress). With `checkHash` the file's SHA-256 must start with the hex digits
 * after the last `-` of its name, else a `ChecksumError` naming both is thrown and nothing is
 * cached. The file is read with @dl/core's safe `load` (no pickled code runs).
 *
 * @typeParam T what the checkpoint holds. @default a state dict
 * @example
 * ```ts
 * const sd = await loadStateDictFromUrl('https://download.pytorch.org/models/resnet18-f37072fd.pth', { checkHash: true });
 * model.loadStateDict(sd);
 * ```
 */
export async function loadStateDictFromUrl<T = nn.StateDict>(url: string, options: LoadStateDictFromUrlOptions = {}): Promise<T> {
  const file = await cachedFileFromUrl(url, options);
  return load<T>(file);
}

/**
 * The cache path of `url`'s file, downloading (and with `checkHash`, verifying) it first when it
 * is not there. {@link loadStateDictFromUrl} without the loading.
 *
 * @example
 * ```ts
 * const path = await cachedFileFromUrl(ResNet18_Weights.DEFAULT.url, { checkHash: true });
 * ```
 */
export async function cachedFileFromUrl(url: string, options: LoadStateDictFromUrlOptions = {}): Promise<string> {
  if (typeof url !== 'string') throw new ValueError(`${OP}: url must be a string, got ${typeof url}`);
  const modelDir = resolve(options.modelDir ?? join(getHubDir(), 'checkpoints'));
  const fileName = options.fileName ?? fileNameOf(url);
  const cached = join(modelDir, fileName);
  for (let job = inFlight.get(cached); job; job = inFlight.get(cached)) await job.catch(() => undefined);
  if (await isFile(cached)) return cached;
  const job = download(url, modelDir, fileName, options);
  inFlight.set(cached, job);
  try {
    await job;
  } finally {
    inFlight.delete(cached);
  }
  return cached;
}

async function download(url: string, modelDir: string, fileName: string, options: LoadStateDictFromUrlOptions): Promise<void> {
  const progress = options.progress ?? true;
  const cached = join(modelDir, fileName);
  const stream = options.download?.progressStream ?? process.stderr;
  const prefix = options.checkHash ? hashPrefix(fileName, url) : undefined;
  if (progress) stream.write(`Downloading: "${url}" to ${cached}\n`);
  // An unverified download keeps a name of its own until its hash is checked, so the cache never
  // holds a file that failed (or missed) the check.
  const target = prefix === undefined ? fileName : `${fileName}.unverified`;
  const path = await downloadUrl(url, modelDir, { ...options.download, filename: target, progress });
  if (prefix === undefined) return;
  const digest = await fileChecksum(path, 'sha256');
  if (!digest.startsWith(prefix)) {
    await rm(path, { force: true });
    throw new ChecksumError(
      `${OP}: invalid hash value for ${fileName} (from ${url}): expected a sha256 starting with "${prefix}", got "${digest}"; the file was removed`,
      { path: cached, algorithm: 'sha256', expected: prefix, actual: digest },
    );
  }
  await rename(path, cached);
}

/** The hash prefix of a file name; torch.hub silently skips the check without one, we refuse. */
function hashPrefix(fileName: string, url: string): string {
  const prefix = HASH_REGEX.exec(fileName)?.[1] ?? '';
  if (prefix.length < 8) {
    throw new ValueError(
      `${OP}: checkHash needs a file name of the form name-<first 8 or more hex digits of its sha256>.ext, got '${fileName}' (from ${url})`,
    );
  }
  return prefix;
}

function fileNameOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ValueError(`${OP}: '${url}' is not a valid URL`);
  }
  const name = decodeURIComponent(parsed.pathname.slice(parsed.pathname.lastIndexOf('/') + 1));
  if (!name) throw new ValueError(`${OP}: cannot take a file name from ${url}; pass options.fileName`);
  return name;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

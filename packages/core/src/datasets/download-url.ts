import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ValueError } from '../errors/value-error';
import { expectedChecksum, fileChecksum, type ExpectedChecksum } from './checksum';
import { ChecksumError } from './errors/checksum-error';
import { fetchToPart, isRetryable, removePartial, removeQuietly, type Settings } from './fetch-to-part';
import type { ProgressMode, ProgressStream } from './progress-bar';
import { toStorageError } from './storage';

const OP = 'downloadUrl';

/** One progress report of {@link downloadUrl}. */
export interface DownloadProgress {
  /** The URL asked for. */
  url: string;
  /** The file being written (its final path). */
  path: string;
  /** Bytes of the file on disk so far (a resumed download starts above 0). */
  received: number;
  /** The file's full size, when the server announced it. */
  total: number | undefined;
}

/** Options of {@link downloadUrl}. */
export interface DownloadUrlOptions extends ExpectedChecksum {
  /** Name of the file in `root`. @default the last segment of the URL's path */
  filename?: string;
  /** Redirects followed before a {@link RedirectError}. @default 10 */
  maxRedirects?: number;
  /** Extra request headers (`Authorization`, ...); dropped on redirects to another origin. @default {} */
  headers?: Record<string, string>;
  /** Called as bytes arrive. @default undefined */
  onProgress?: (progress: DownloadProgress) => void;
  /** Milliseconds without any data before the attempt fails. @default 30000 */
  timeout?: number;
  /**
   * How progress is shown on `progressStream`: `'auto'` draws a bar when it is a terminal and is
   * silent otherwise; `true` draws a bar on a terminal and plain lines otherwise; `'bar'`,
   * `'lines'`, or `false` for nothing. @default 'auto'
   */
  progress?: boolean | 'auto' | 'bar' | 'lines';
  /** Where progress is written. @default process.stderr */
  progressStream?: ProgressStream;
  /** Further attempts after a network failure or a 5xx/408/429 answer; each resumes the partial file. @default 3 */
  retries?: number;
  /** Milliseconds before the first retry, doubled for each later one. @default 1000 */
  retryDelay?: number;
  /** Continue a partial file left by an earlier attempt with an HTTP Range request. @default true */
  resume?: boolean;
  /** Extra certificate authorities (PEM) trusted for https. @default Node's bundled CAs */
  ca?: string | Buffer | Array<string | Buffer>;
  /** Cancels the download. @default undefined */
  signal?: AbortSignal;
}

/** Downloads in flight in this process, by final path, so two calls never write one file. */
const inFlight = new Map<string, Promise<string>>();

/**
 * Downloads `url` into the folder `root` and resolves with the file's path, like torchvision's
 * `download_url`: follows redirects, resumes a partial file, verifies `md5` or `sha256`, and only
 * then moves the file to its final name (a `.part` file in `root` holds it until then). A file
 * already there is kept when it matches the checksum (or when none is given).
 *
 * Failures are typed: {@link DownloadError} (HTTP status, dropped connection, wrong length,
 * timeout), {@link RedirectError}, {@link ChecksumError} (the file is removed),
 * {@link StorageError} (unwritable folder, disk full) and `ValueError` for bad arguments.
 *
 * @example
 * ```ts
 * import { downloadUrl, getDataHome } from '@dl/core/node';
 * const file = await downloadUrl('https://example.org/data/train.csv', join(getDataHome(), 'demo'), {
 *   sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
 * });
 * ```
 */
export async function downloadUrl(url: string, root: string, options: DownloadUrlOptions = {}): Promise<string> {
  const parsed = parseUrl(url);
  const filename = options.filename ?? defaultFilename(parsed);
  checkFilename(filename);
  const maxRedirects = nonNegativeInteger('maxRedirects', options.maxRedirects ?? 10);
  const retries = nonNegativeInteger('retries', options.retries ?? 3);
  const timeout = positiveNumber('timeout', options.timeout ?? 30_000);
  const retryDelay = nonNegativeNumber('retryDelay', options.retryDelay ?? 1000);
  const want = expectedChecksum(OP, options);
  const path = join(resolve(root), filename);

  for (let previous = inFlight.get(path); previous; previous = inFlight.get(path)) {
    await previous.catch(() => undefined);
  }
  const stream = options.progressStream ?? process.stderr;
  const settings: Settings = {
    url: parsed.href,
    path,
    part: `${path}.part`,
    meta: `${path}.part.json`,
    headers: { 'user-agent': '@dl/core', ...lowerCaseKeys(options.headers ?? {}) },
    maxRedirects,
    timeout,
    resume: options.resume ?? true,
    ca: options.ca,
    signal: options.signal,
    onProgress: options.onProgress,
    progressMode: progressMode(options.progress ?? 'auto', stream),
    progressStream: stream,
    label: filename,
  };
  const job = run(settings, want, retries, retryDelay);
  inFlight.set(path, job);
  try {
    return await job;
  } finally {
    if (inFlight.get(path) === job) inFlight.delete(path);
  }
}

async function run(
  s: Settings,
  want: { algorithm: 'md5' | 'sha256'; digest: string } | undefined,
  retries: number,
  retryDelay: number,
): Promise<string> {
  try {
    await mkdir(resolve(s.path, '..'), { recursive: true });
  } catch (error) {
    throw toStorageError(error, OP, 'create folder', resolve(s.path, '..'));
  }
  if (await isFile(s.path)) {
    if (!want || (await fileChecksum(s.path, want.algorithm)) === want.digest) return s.path;
    await removeQuietly(s.path); // a stale or corrupt copy must not stay under the final name
  }

  try {
    // Fail on an unwritable folder before any network traffic.
    await (await open(s.part, 'a')).close();
  } catch (error) {
    throw toStorageError(error, OP, 'write', s.part);
  }
  for (let attempt = 0; ; attempt++) {
    try {
      await fetchToPart(s);
      break;
    } catch (error) {
      const retryable = isRetryable(error) && attempt < retries && !s.signal?.aborted;
      if (!retryable) {
        if (!isRetryable(error)) await removePartial(s);
        throw error;
      }
      await sleep(retryDelay * 2 ** attempt);
    }
  }

  if (want) {
    const actual = await fileChecksum(s.part, want.algorithm);
    if (actual !== want.digest) {
      await removePartial(s);
      throw new ChecksumError(
        `${OP}: ${want.algorithm} of ${s.path} (from ${s.url}) is ${actual}, expected ${want.digest}; the file was removed`,
        { path: s.path, algorithm: want.algorithm, expected: want.digest, actual },
      );
    }
  }
  try {
    await rename(s.part, s.path);
  } catch (error) {
    throw toStorageError(error, OP, 'move the download to', s.path);
  }
  await rm(s.meta, { force: true });
  return s.path;
}

function parseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ValueError(`${OP}: '${url}' is not a valid URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ValueError(`${OP}: only http and https URLs are supported, got '${parsed.protocol}' in ${url}`);
  }
  return parsed;
}

function defaultFilename(url: URL): string {
  const name = decodeURIComponent(url.pathname.slice(url.pathname.lastIndexOf('/') + 1));
  if (!name) throw new ValueError(`${OP}: cannot take a file name from ${url.href}; pass options.filename`);
  return name;
}

function checkFilename(name: string): void {
  if (!name || name === '.' || name === '..' || /[/\\\0]/.test(name)) {
    throw new ValueError(`${OP}: filename must be a plain file name without folders, got '${name}'`);
  }
}

function nonNegativeInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new ValueError(`${OP}: ${name} must be an integer >= 0, got ${value}`);
  return value;
}

function positiveNumber(name: string, value: number): number {
  if (!(value > 0)) throw new ValueError(`${OP}: ${name} must be > 0, got ${value}`);
  return value;
}

function nonNegativeNumber(name: string, value: number): number {
  if (!(value >= 0)) throw new ValueError(`${OP}: ${name} must be >= 0, got ${value}`);
  return value;
}

function progressMode(option: NonNullable<DownloadUrlOptions['progress']>, stream: ProgressStream): ProgressMode {
  if (option === 'bar' || option === 'lines') return option;
  if (option === false) return 'none';
  if (option === true) return stream.isTTY ? 'bar' : 'lines';
  if (option === 'auto') return stream.isTTY ? 'bar' : 'none';
  throw new ValueError(`${OP}: progress must be true, false, 'auto', 'bar' or 'lines', got ${String(option)}`);
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

import type { FileHandle } from 'node:fs/promises';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ValueError } from '../errors/value-error';
import { expectedChecksum, fileChecksum, type ExpectedChecksum } from './checksum';
import { ChecksumError } from './errors/checksum-error';
import { DownloadError } from './errors/download-error';
import { RedirectError } from './errors/redirect-error';
import { StorageError } from './errors/storage-error';
import { httpGet, networkError, statusText, type OpenResponse } from './http-request';
import { ProgressBar, type ProgressMode, type ProgressStream } from './progress-bar';
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

interface PartialInfo {
  url: string;
  etag?: string;
  lastModified?: string;
}

interface Settings {
  url: string;
  path: string;
  part: string;
  meta: string;
  headers: Record<string, string>;
  maxRedirects: number;
  timeout: number;
  resume: boolean;
  ca?: DownloadUrlOptions['ca'];
  signal?: AbortSignal;
  onProgress?: DownloadUrlOptions['onProgress'];
  progressMode: ProgressMode;
  progressStream: ProgressStream;
  label: string;
}

/** Failures that another attempt would only repeat (the server misbehaves the same way). */
const permanent = new WeakSet<Error>();

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

/** Brings `s.part` to the complete file, resuming it when possible. */
async function fetchToPart(s: Settings): Promise<void> {
  const info = s.resume ? await readPartialInfo(s) : undefined;
  let start = info ? await fileSize(s.part) : 0;
  if (!info || start === 0) {
    await removePartial(s);
    start = 0;
  }
  const headers = { ...s.headers };
  if (start > 0) {
    headers.range = `bytes=${start}-`;
    const validator = info?.etag ?? info?.lastModified;
    if (validator) headers['if-range'] = validator;
  }

  const open = await httpGet(OP, s.url, { headers, maxRedirects: s.maxRedirects, timeout: s.timeout, ca: s.ca, signal: s.signal });
  const { response } = open;
  const status = response.statusCode ?? 0;

  if (status === 416 && start > 0) {
    response.resume();
    const total = parseContentRange(response.headers['content-range'])?.total;
    if (total === start) return; // the partial file is already the whole file
    await removePartial(s);
    return fetchToPart(s);
  }
  if (status !== 200 && status !== 206) {
    response.resume();
    throw new DownloadError(`${OP}: server answered ${statusText(status)} for ${open.url}`, { url: open.url, status });
  }

  let expected = contentLength(response.headers['content-length']);
  let total = expected;
  if (status === 206) {
    const range = parseContentRange(response.headers['content-range']);
    if (!range || range.start !== start) {
      // The server sent a different range than asked: start over without Range.
      response.destroy();
      await removePartial(s);
      return fetchToPart(s);
    }
    const length = range.end - range.start + 1;
    if (expected !== undefined && expected !== length) {
      response.destroy();
      const error = new DownloadError(
        `${OP}: ${open.url} announced ${expected} bytes (Content-Length) for range ${range.start}-${range.end} of ${length} bytes`,
        { url: open.url, status },
      );
      permanent.add(error);
      throw error;
    }
    expected = length;
    total = range.total;
  } else {
    start = 0; // 200 to a Range request: the server ignores ranges, so rewrite from the start
  }
  if (status === 200 || !info) {
    await writePartialInfo(s, {
      url: s.url,
      etag: header(response.headers.etag),
      lastModified: header(response.headers['last-modified']),
    });
  }
  await receiveBody(s, open, start, expected, total);
}

async function receiveBody(
  s: Settings,
  open: OpenResponse,
  start: number,
  expected: number | undefined,
  total: number | undefined,
): Promise<void> {
  const { response, url } = open;
  let file: FileHandle;
  try {
    file = await open_(s.part, start === 0 ? 'w' : 'a');
  } catch (error) {
    response.destroy();
    throw toStorageError(error, OP, 'write', s.part);
  }
  const bar = s.progressMode === 'none' ? undefined : new ProgressBar(s.label, s.progressMode, s.progressStream, total, start);
  let body = 0;
  let ok = false;
  try {
    try {
      for await (const chunk of response) {
        const bytes = chunk as Buffer;
        body += bytes.length;
        if (expected !== undefined && body > expected) {
          const error = new DownloadError(`${OP}: ${url} sent more than the ${expected} bytes it announced`, { url });
          permanent.add(error);
          throw error;
        }
        try {
          await file.write(bytes);
        } catch (error) {
          throw toStorageError(error, OP, 'write', s.part);
        }
        const received = start + body;
        s.onProgress?.({ url: s.url, path: s.path, received, total });
        bar?.update(received, total);
      }
    } catch (error) {
      response.destroy();
      if (error instanceof DownloadError || error instanceof StorageError) throw error;
      const late = await open.closed;
      if (late instanceof DownloadError) throw late;
      throw new DownloadError(
        `${OP}: connection to ${url} broke after ${start + body}${total === undefined ? '' : ` of ${total}`} bytes: ${describeBreak(error)}`,
        { url, cause: error },
      );
    }
    const late = await open.closed;
    if (late && (late as NodeJS.ErrnoException).code?.startsWith('HPE_')) {
      const error = new DownloadError(
        `${OP}: ${url} sent more than the ${expected ?? start + body} bytes it announced (${(late as NodeJS.ErrnoException).code ?? late.message})`,
        { url, cause: late },
      );
      permanent.add(error);
      throw error;
    }
    if (expected !== undefined && body < expected) {
      throw new DownloadError(
        `${OP}: connection to ${url} closed after ${start + body} of ${start + expected} bytes`,
        { url },
      );
    }
    try {
      await file.sync();
    } catch (error) {
      throw toStorageError(error, OP, 'write', s.part);
    }
    ok = true;
  } finally {
    bar?.finish(start + body, ok);
    await file.close().catch(() => undefined);
  }
}

function describeBreak(error: unknown): string {
  const err = error as NodeJS.ErrnoException;
  if (err?.code === 'ECONNRESET' || err?.message === 'aborted') return 'the server closed it early (ECONNRESET)';
  return err?.code ? `${err.message} (${err.code})` : String(err?.message ?? error);
}

// Named apart so `open` can stay the name of the response object above.
const open_ = (path: string, flags: string) => open(path, flags);

function isRetryable(error: unknown): boolean {
  if (error instanceof RedirectError || !(error instanceof DownloadError) || permanent.has(error)) return false;
  if (error.status === undefined) return true;
  return error.status >= 500 || error.status === 408 || error.status === 429;
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

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function contentLength(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value);
}

/** Parses `bytes a-b/T` or `bytes * /T` (`total` undefined when `*`). */
function parseContentRange(value: string | undefined): { start: number; end: number; total: number | undefined } | undefined {
  const m = value === undefined ? null : /^bytes\s+(?:(\d+)-(\d+)|\*)\/(\d+|\*)$/.exec(value.trim());
  if (!m) return undefined;
  const total = m[3] === '*' ? undefined : Number(m[3]);
  if (m[1] === undefined) return { start: -1, end: -1, total };
  return { start: Number(m[1]), end: Number(m[2]), total };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

async function readPartialInfo(s: Settings): Promise<PartialInfo | undefined> {
  try {
    const info = JSON.parse(await readFile(s.meta, 'utf8')) as PartialInfo;
    return info.url === s.url ? info : undefined;
  } catch {
    return undefined;
  }
}

async function writePartialInfo(s: Settings, info: PartialInfo): Promise<void> {
  try {
    await writeFile(s.meta, JSON.stringify(info));
  } catch (error) {
    throw toStorageError(error, OP, 'write', s.meta);
  }
}

async function removePartial(s: Settings): Promise<void> {
  await removeQuietly(s.part);
  await removeQuietly(s.meta);
}

async function removeQuietly(path: string): Promise<void> {
  await rm(path, { force: true }).catch(() => undefined);
}

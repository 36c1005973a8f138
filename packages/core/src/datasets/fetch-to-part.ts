// One download attempt of `downloadUrl`: the request (with Range when a partial file exists),
// the checks of what the server answers, and the body written to the `.part` file.
import type { FileHandle } from 'node:fs/promises';
import { open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { DownloadError } from './errors/download-error';
import { RedirectError } from './errors/redirect-error';
import { StorageError } from './errors/storage-error';
import { httpGet, networkError, statusText, type OpenResponse } from './http-request';
import { ProgressBar, type ProgressMode, type ProgressStream } from './progress-bar';
import { toStorageError } from './storage';
import type { DownloadUrlOptions } from './download-url';

const OP = 'downloadUrl';

interface PartialInfo {
  url: string;
  etag?: string;
  lastModified?: string;
}

/** Everything one download needs, resolved from the options of `downloadUrl`. */
export interface Settings {
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

/** Brings `s.part` to the complete file, resuming it when possible. */
export async function fetchToPart(s: Settings): Promise<void> {
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
      if (s.signal?.aborted) throw networkError(OP, url, Object.assign(new Error('aborted'), { name: 'AbortError' }));
      const late = await connectionClosed(open);
      if (late instanceof DownloadError) throw late;
      throw new DownloadError(
        `${OP}: connection to ${url} broke after ${start + body}${total === undefined ? '' : ` of ${total}`} bytes: ${describeBreak(error)}`,
        { url, cause: error },
      );
    }
    const late = await connectionClosed(open);
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

/**
 * Waits for the connection to close after the body (the HTTP client reports bytes past the
 * announced length only then); a server that keeps it open gets it cut after a second.
 */
async function connectionClosed(open: OpenResponse): Promise<Error | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const cut = new Promise<undefined>((done) => {
    timer = setTimeout(() => {
      open.request.destroy();
      done(undefined);
    }, 1000);
  });
  try {
    return await Promise.race([open.closed, cut]);
  } finally {
    clearTimeout(timer);
  }
}

function describeBreak(error: unknown): string {
  const err = error as NodeJS.ErrnoException;
  if (err?.code === 'ECONNRESET' || err?.message === 'aborted') return 'the server closed it early (ECONNRESET)';
  return err?.code ? `${err.message} (${err.code})` : String(err?.message ?? error);
}

// Named apart so `open` can stay the name of the response object above.
const open_ = (path: string, flags: string) => open(path, flags);

/** Whether another attempt may succeed: network failures and 5xx/408/429 answers. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof RedirectError || !(error instanceof DownloadError) || permanent.has(error)) return false;
  if (error.status === undefined) return true;
  return error.status >= 500 || error.status === 408 || error.status === 429;
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

/** Removes the partial file and its notes. */
export async function removePartial(s: Settings): Promise<void> {
  await removeQuietly(s.part);
  await removeQuietly(s.meta);
}

export async function removeQuietly(path: string): Promise<void> {
  await rm(path, { force: true }).catch(() => undefined);
}

import type { ClientRequest, IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { request as httpRequest, STATUS_CODES } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { DownloadError } from './errors/download-error';
import { RedirectError } from './errors/redirect-error';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// Credentials are for the origin the caller named; a redirect to another origin must not get them.
const ORIGIN_BOUND_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

/** Settings of one GET with redirects. */
export interface HttpGetOptions {
  headers: Record<string, string>;
  maxRedirects: number;
  /** Milliseconds without any socket activity before giving up. */
  timeout: number;
  /** Extra trusted certificate authorities (PEM) for https. */
  ca?: string | Buffer | Array<string | Buffer>;
  signal?: AbortSignal;
}

/** An open response (its body unread) and the request it belongs to. */
export interface OpenResponse {
  response: IncomingMessage;
  request: ClientRequest;
  /** The URL that answered, after redirects. */
  url: string;
  /**
   * Settles when the request's connection is closed: with the error the HTTP client reported
   * after the body (for example bytes past the announced length), or `undefined`.
   */
  closed: Promise<Error | undefined>;
}

/** The reason phrase of a status (`404 Not Found`). */
export function statusText(status: number): string {
  const phrase = STATUS_CODES[status];
  return phrase ? `${status} ${phrase}` : String(status);
}

/**
 * Sends a GET and follows redirects (loops and more than `maxRedirects` hops are
 * {@link RedirectError}s); resolves with the first non-redirect response, body unread.
 */
export async function httpGet(op: string, url: string, options: HttpGetOptions): Promise<OpenResponse> {
  const chain = [url];
  let current = url;
  let headers = { ...options.headers };
  for (;;) {
    const open = await getOnce(op, current, headers, options);
    const { response } = open;
    const status = response.statusCode ?? 0;
    if (!REDIRECT_STATUSES.has(status)) return open;
    response.resume();
    const location = response.headers.location;
    if (!location) {
      throw new DownloadError(`${op}: server answered ${statusText(status)} without a Location header for ${current}`, {
        url: current,
        status,
      });
    }
    const next = new URL(location, current);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      throw new RedirectError(`${op}: ${current} redirects to unsupported URL ${next.href}`, [...chain, next.href], status);
    }
    if (chain.includes(next.href)) {
      throw new RedirectError(`${op}: redirect loop: ${[...chain, next.href].join(' -> ')}`, [...chain, next.href], status);
    }
    if (chain.length > options.maxRedirects) {
      throw new RedirectError(
        `${op}: more than ${options.maxRedirects} redirects (maxRedirects) starting at ${url}: ${[...chain, next.href].join(' -> ')}`,
        [...chain, next.href],
        status,
      );
    }
    if (new URL(current).origin !== next.origin) {
      headers = Object.fromEntries(
        Object.entries(headers).filter(([name]) => !ORIGIN_BOUND_HEADERS.includes(name.toLowerCase())),
      );
    }
    chain.push(next.href);
    current = next.href;
  }
}

function getOnce(
  op: string,
  url: string,
  headers: OutgoingHttpHeaders,
  options: HttpGetOptions,
): Promise<OpenResponse> {
  return new Promise((resolve, reject) => {
    const parsed = new URL(url);
    const send = parsed.protocol === 'https:' ? httpsRequest : httpRequest;
    let lateError: Error | undefined;
    let answered = false;
    let markClosed: (error: Error | undefined) => void = () => {};
    const closed = new Promise<Error | undefined>((done) => (markClosed = done));
    // One connection per request (no keep-alive pool): the connection closes with the body, so
    // the client notices bytes sent past the announced length, and no socket outlives a download.
    const request = send(parsed, {
      method: 'GET',
      headers,
      agent: false,
      signal: options.signal,
      ...(parsed.protocol === 'https:' && options.ca !== undefined ? { ca: options.ca } : {}),
    });
    request.setTimeout(options.timeout, () => {
      request.destroy(
        new DownloadError(`${op}: no data from ${url} for ${options.timeout} ms (timeout)`, { url }),
      );
    });
    request.on('response', (response) => {
      answered = true;
      resolve({ response, request, url, closed });
    });
    request.on('error', (error) => {
      if (!answered) reject(networkError(op, url, error));
      else lateError ??= error;
    });
    request.on('close', () => markClosed(lateError));
    request.end();
  });
}

/** Wraps a socket-level failure in a {@link DownloadError} that names the URL. */
export function networkError(op: string, url: string, error: unknown): DownloadError {
  if (error instanceof DownloadError) return error;
  const err = error as NodeJS.ErrnoException;
  if (err?.name === 'AbortError') return new DownloadError(`${op}: download of ${url} was aborted`, { url, cause: error });
  const detail = err?.code ? `${err.message} (${err.code})` : String(err?.message ?? error);
  return new DownloadError(`${op}: cannot get ${url}: ${detail}`, { url, cause: error });
}

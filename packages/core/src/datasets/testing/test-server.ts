import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, STATUS_CODES, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { TEST_CERTIFICATE, TEST_PRIVATE_KEY } from './tls-fixture';

/** How the test server answers one request to a path. */
export interface TestRoute {
  /** The body (the whole file). @default empty */
  body?: Uint8Array | string;
  /** Serve this file's bytes as the body (read at request time). */
  file?: string;
  /** The status for a normal answer. @default 200 (206 for a satisfied Range, 302 with `redirect`) */
  status?: number;
  /** Extra response headers. @default {} */
  headers?: Record<string, string>;
  /** Answer with a redirect to this location (relative or absolute). */
  redirect?: string;
  /** Honor `Range: bytes=a-` / `bytes=a-b` requests with 206 (and 416 past the end). @default true */
  ranges?: boolean;
  /** An ETag sent with the body; an `If-Range` that differs gets the whole body (200). */
  etag?: string;
  /** Close the connection abruptly after this many body bytes. */
  dropAfter?: number;
  /** Send this many body bytes, then send nothing more (the connection stays open). */
  stallAfter?: number;
  /** Announce this Content-Length instead of the real one (a lying server). */
  contentLength?: number;
  /** Omit Content-Length and close the connection to end the body. @default false */
  noContentLength?: boolean;
  /** Milliseconds to wait before answering. @default 0 */
  delay?: number;
  /** Send the body in pieces of this many bytes... @default the whole body at once */
  chunkSize?: number;
  /** ...with this many milliseconds between pieces. @default 0 */
  chunkDelay?: number;
}

/** A route: one answer for every request, a list (the n-th request gets the n-th, the last repeats), or a handler. */
export type TestRouteSpec = TestRoute | TestRoute[] | ((request: IncomingMessage, socket: Socket) => void);

/** A request the test server received. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
}

/** A running test server; see {@link startTestServer}. */
export interface TestServer {
  /** `http://127.0.0.1:<port>` (or `https://`). */
  readonly origin: string;
  /** The ephemeral port. */
  readonly port: number;
  /** The certificate to pass as `ca` in https mode (`undefined` for http). */
  readonly ca: string | undefined;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** The absolute URL of `path` on this server. */
  url(path: string): string;
  /** Adds or replaces the route of `path`. */
  route(path: string, spec: TestRouteSpec): void;
  /** How many requests `path` received. */
  hits(path: string): number;
  /** Stops the server and cuts open connections. */
  close(): Promise<void>;
}

/** Options of {@link startTestServer}. */
export interface TestServerOptions {
  /** Serve https with the built-in self-signed certificate ({@link TestServer.ca}). @default false */
  https?: boolean;
}

/**
 * Starts an HTTP(S) server on 127.0.0.1 on an ephemeral port that serves the given routes, for
 * dataset tests without the network: Range requests, redirects, and failing modes (dropped,
 * stalled or slow bodies, error statuses, a lying Content-Length). Unknown paths get 404.
 *
 * @example
 * ```ts
 * const server = await startTestServer({ '/data.csv': { body: 'a,b\n1,2\n' } });
 * const file = await downloadUrl(server.url('/data.csv'), root);
 * await server.close();
 * ```
 */
export async function startTestServer(
  routes: Record<string, TestRouteSpec> = {},
  options: TestServerOptions = {},
): Promise<TestServer> {
  const table = new Map<string, TestRouteSpec>(Object.entries(routes));
  const counts = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();

  const onRequest = (request: IncomingMessage): void => {
    const socket = request.socket;
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push({ method: request.method ?? 'GET', path, headers: request.headers });
    const n = counts.get(path) ?? 0;
    counts.set(path, n + 1);
    const spec = table.get(path);
    if (spec === undefined) {
      void answer(request, socket, { status: 404, body: `no route for ${path}\n`, ranges: false });
    } else if (typeof spec === 'function') {
      spec(request, socket);
    } else {
      const route = Array.isArray(spec) ? spec[Math.min(n, spec.length - 1)] : spec;
      void answer(request, socket, route ?? {}).catch(() => socket.destroy());
    }
  };
  const server: Server = options.https
    ? createHttpsServer({ key: TEST_PRIVATE_KEY, cert: TEST_CERTIFICATE }, onRequest)
    : createHttpServer(onRequest);
  server.on(options.https ? 'secureConnection' : 'connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `${options.https ? 'https' : 'http'}://127.0.0.1:${port}`;

  return {
    origin,
    port,
    ca: options.https ? TEST_CERTIFICATE : undefined,
    requests,
    url: (path) => new URL(path, origin).href,
    route: (path, spec) => void table.set(path, spec),
    hits: (path) => counts.get(path) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Writes one response by hand on the socket, so it can break HTTP on purpose. */
async function answer(request: IncomingMessage, socket: Socket, route: TestRoute): Promise<void> {
  if (route.delay) await sleep(route.delay);
  const headers: Record<string, string> = { connection: 'close', ...lowerKeys(route.headers ?? {}) };
  if (route.redirect !== undefined) {
    headers.location = route.redirect;
    writeHead(socket, route.status ?? 302, { ...headers, 'content-length': '0' });
    socket.end();
    return;
  }
  const full = route.file !== undefined ? readFileSync(route.file) : Buffer.from(route.body ?? '');
  let status = route.status ?? 200;
  let body = full;
  if (route.etag !== undefined) headers.etag = route.etag;
  const range = status === 200 && route.ranges !== false ? parseRange(request.headers.range) : undefined;
  const ifRange = request.headers['if-range'];
  const rangeApplies = range !== undefined && (ifRange === undefined || ifRange === route.etag);
  if (rangeApplies) {
    if (range.start >= full.length) {
      writeHead(socket, 416, { ...headers, 'content-range': `bytes */${full.length}`, 'content-length': '0' });
      socket.end();
      return;
    }
    const end = Math.min(range.end ?? full.length - 1, full.length - 1);
    body = full.subarray(range.start, end + 1);
    status = 206;
    headers['content-range'] = `bytes ${range.start}-${end}/${full.length}`;
  }
  if (route.ranges !== false) headers['accept-ranges'] = 'bytes';
  if (!route.noContentLength) headers['content-length'] = String(route.contentLength ?? body.length);
  writeHead(socket, status, headers);

  const limit = Math.min(body.length, route.dropAfter ?? Infinity, route.stallAfter ?? Infinity);
  const step = route.chunkSize && route.chunkSize > 0 ? route.chunkSize : Math.max(limit, 1);
  for (let offset = 0; offset < limit; offset += step) {
    if (socket.destroyed) return;
    socket.write(body.subarray(offset, Math.min(offset + step, limit)));
    if (route.chunkDelay) await sleep(route.chunkDelay);
  }
  if (route.dropAfter !== undefined && route.dropAfter < body.length) {
    // Let the bytes leave, then reset the connection mid-body.
    await new Promise<void>((resolve) => socket.write('', () => resolve()));
    socket.destroy();
  } else if (route.stallAfter === undefined || route.stallAfter >= body.length) {
    socket.end();
  }
}

function writeHead(socket: Socket, status: number, headers: Record<string, string>): void {
  const lines = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Status'}`];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  socket.write(`${lines.join('\r\n')}\r\n\r\n`);
}

function parseRange(value: string | undefined): { start: number; end: number | undefined } | undefined {
  const m = value === undefined ? null : /^bytes=(\d+)-(\d*)$/.exec(value.trim());
  if (!m) return undefined;
  return { start: Number(m[1]), end: m[2] ? Number(m[2]) : undefined };
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

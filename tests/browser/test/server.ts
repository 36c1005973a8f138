// A tiny static file server on 127.0.0.1 for the bundled page, logging every request.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

export interface ServedRequest {
  method: string;
  path: string;
  status: number;
}

export interface StaticServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** Every request served so far, in order. */
  requests: ServedRequest[];
  close(): Promise<void>;
}

/** Serves the files under `root` (a directory's `index.html` for the directory). */
export async function serveStatic(root: string): Promise<StaticServer> {
  const base = normalize(root + sep);
  const requests: ServedRequest[] = [];
  const server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    let path = req.url ?? '/';
    const send = (status: number, body: string): void => {
      requests.push({ method, path, status });
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(body);
    };
    if (method !== 'GET' && method !== 'HEAD') return send(405, 'method not allowed');
    try {
      path = decodeURIComponent(new URL(path, 'http://127.0.0.1').pathname);
    } catch {
      return send(400, 'bad request');
    }
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) return send(403, 'forbidden');
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const size = statSync(file).size;
      requests.push({ method, path, status: 200 });
      res.writeHead(200, {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'content-length': size,
        'cache-control': 'no-store',
      });
      if (method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch {
      send(404, 'not found');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

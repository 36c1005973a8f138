import { request } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  error?: string;
}

/** A raw GET that reports what arrived, even when the connection breaks. */
function get(server: TestServer, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve) => {
    const send = server.origin.startsWith('https') ? httpsRequest : request;
    const req = send(server.url(path), { headers, agent: false, ca: server.ca }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (c: string) => (body += c));
      const done = (error?: string) => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, error });
      res.on('end', () => done());
      res.on('error', (e) => done(e.message));
    });
    req.on('error', (e) => resolve({ status: 0, headers: {}, body: '', error: e.message }));
    req.end();
  });
}

let server: TestServer;
afterEach(async () => {
  await server.close();
});

describe('startTestServer', () => {
  it('serves bodies on 127.0.0.1 with a length, and 404 for unknown paths', async () => {
    server = await startTestServer({ '/a.txt': { body: 'hello', headers: { 'X-Test': 'yes' } } });
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
    const a = await get(server, '/a.txt');
    expect(a).toMatchObject({ status: 200, body: 'hello' });
    expect(a.headers['content-length']).toBe('5');
    expect(a.headers['x-test']).toBe('yes');
    expect((await get(server, '/nope')).status).toBe(404);
    expect(server.hits('/a.txt')).toBe(1);
    expect(server.requests.map((r) => r.path)).toEqual(['/a.txt', '/nope']);
  });

  it('answers Range requests with 206, 416 past the end, and 200 when If-Range differs', async () => {
    server = await startTestServer({ '/d': { body: '0123456789', etag: '"e1"' } });
    const part = await get(server, '/d', { range: 'bytes=3-5' });
    expect(part).toMatchObject({ status: 206, body: '345' });
    expect(part.headers['content-range']).toBe('bytes 3-5/10');
    expect((await get(server, '/d', { range: 'bytes=7-' })).body).toBe('789');
    const past = await get(server, '/d', { range: 'bytes=10-' });
    expect(past.status).toBe(416);
    expect(past.headers['content-range']).toBe('bytes */10');
    expect(await get(server, '/d', { range: 'bytes=3-', 'if-range': '"old"' })).toMatchObject({ status: 200, body: '0123456789' });
    expect(await get(server, '/d', { range: 'bytes=3-', 'if-range': '"e1"' })).toMatchObject({ status: 206, body: '3456789' });
  });

  it('ignores Range when ranges is false', async () => {
    server = await startTestServer({ '/d': { body: '0123456789', ranges: false } });
    expect(await get(server, '/d', { range: 'bytes=3-' })).toMatchObject({ status: 200, body: '0123456789' });
  });

  it('redirects, answers a list of routes in turn, and takes handlers', async () => {
    server = await startTestServer({
      '/r': { redirect: '/d', status: 301 },
      '/seq': [{ status: 500 }, { body: 'second' }],
      '/raw': (_req, socket) => socket.end('HTTP/1.1 418 I\'m a Teapot\r\ncontent-length: 0\r\n\r\n'),
    });
    const r = await get(server, '/r');
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe('/d');
    expect((await get(server, '/seq')).status).toBe(500);
    expect(await get(server, '/seq')).toMatchObject({ status: 200, body: 'second' });
    expect(await get(server, '/seq')).toMatchObject({ status: 200, body: 'second' });
    expect((await get(server, '/raw')).status).toBe(418);
  });

  it('drops the connection mid-body, lies about the length, or omits it', async () => {
    server = await startTestServer({
      '/drop': { body: 'x'.repeat(100_000), dropAfter: 1000 },
      '/short': { body: 'abc', contentLength: 10 },
      '/stream': { body: 'no length here', noContentLength: true },
    });
    const dropped = await get(server, '/drop');
    expect(dropped.error).toBeDefined();
    expect(dropped.body.length).toBeLessThan(100_000);
    expect((await get(server, '/short')).error).toBeDefined();
    const stream = await get(server, '/stream');
    expect(stream).toMatchObject({ status: 200, body: 'no length here' });
    expect(stream.headers['content-length']).toBeUndefined();
  });

  it('sends slowly in chunks and waits before answering', async () => {
    server = await startTestServer({ '/slow': { body: 'abcdef', chunkSize: 2, chunkDelay: 30, delay: 30 } });
    const started = Date.now();
    expect((await get(server, '/slow')).body).toBe('abcdef');
    expect(Date.now() - started).toBeGreaterThanOrEqual(80);
  });

  it('serves https with its own certificate and can add routes later', async () => {
    server = await startTestServer({}, { https: true });
    server.route('/late', { body: 'secure' });
    expect(server.origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(await get(server, '/late')).toMatchObject({ status: 200, body: 'secure' });
  });
});

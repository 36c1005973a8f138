import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValueError } from '../errors/value-error';
import { downloadUrl, type DownloadProgress } from './download-url';
import { ChecksumError } from './errors/checksum-error';
import { RedirectError } from './errors/redirect-error';
import { startTestServer, type TestServer } from './testing/test-server';

const payload = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 251));
const md5 = createHash('md5').update(payload).digest('hex');
const sha256 = createHash('sha256').update(payload).digest('hex');

let root: string;
let server: TestServer;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-download-'));
});
afterEach(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

describe('downloadUrl', () => {
  it('downloads a file into root under the URL name and verifies md5 and sha256', async () => {
    server = await startTestServer({ '/files/data.bin': { body: payload } });
    const path = await downloadUrl(server.url('/files/data.bin'), root, { md5, progress: false });
    expect(path).toBe(join(root, 'data.bin'));
    expect(readFileSync(path).equals(payload)).toBe(true);
    await rm(path);
    await downloadUrl(server.url('/files/data.bin'), root, { sha256: sha256.toUpperCase(), progress: false });
    expect(readFileSync(path).equals(payload)).toBe(true);
    expect(readdirSync(root)).toEqual(['data.bin']);
  });

  it('uses options.filename and creates missing folders', async () => {
    server = await startTestServer({ '/x': { body: 'hello' } });
    const path = await downloadUrl(server.url('/x?token=1'), join(root, 'a', 'b'), { filename: 'hello.txt', progress: false });
    expect(path).toBe(join(root, 'a', 'b', 'hello.txt'));
    expect(readFileSync(path, 'utf8')).toBe('hello');
  });

  it('downloads over https with a trusted certificate', async () => {
    server = await startTestServer({ '/data.bin': { body: payload } }, { https: true });
    const path = await downloadUrl(server.url('/data.bin'), root, { md5, ca: server.ca, progress: false });
    expect(readFileSync(path).equals(payload)).toBe(true);
  });

  it('refuses an untrusted https certificate with a DownloadError', async () => {
    server = await startTestServer({ '/data.bin': { body: payload } }, { https: true });
    await expect(downloadUrl(server.url('/data.bin'), root, { retries: 0, progress: false })).rejects.toThrow(
      /downloadUrl: cannot get https:\/\/127\.0\.0\.1:\d+\/data\.bin: .*certificate/,
    );
  });

  it('skips the download when the file exists with the right checksum', async () => {
    server = await startTestServer({ '/data.bin': { body: payload } });
    writeFileSync(join(root, 'data.bin'), payload);
    await downloadUrl(server.url('/data.bin'), root, { md5, progress: false });
    expect(server.hits('/data.bin')).toBe(0);
  });

  it('keeps an existing file when no checksum is given', async () => {
    server = await startTestServer({ '/data.bin': { body: payload } });
    writeFileSync(join(root, 'data.bin'), 'local copy');
    await downloadUrl(server.url('/data.bin'), root, { progress: false });
    expect(server.hits('/data.bin')).toBe(0);
    expect(readFileSync(join(root, 'data.bin'), 'utf8')).toBe('local copy');
  });

  it('downloads again when the existing file has the wrong checksum', async () => {
    server = await startTestServer({ '/data.bin': { body: payload } });
    writeFileSync(join(root, 'data.bin'), 'stale');
    await downloadUrl(server.url('/data.bin'), root, { md5, progress: false });
    expect(server.hits('/data.bin')).toBe(1);
    expect(readFileSync(join(root, 'data.bin')).equals(payload)).toBe(true);
  });

  it('follows relative and absolute redirects of every kind', async () => {
    server = await startTestServer({
      '/a': { redirect: '/b', status: 301 },
      '/b': { redirect: 'c', status: 307 },
      '/c': { redirect: 'PLACEHOLDER', status: 308 },
      '/real/data.bin': { body: payload },
    });
    server.route('/c', { redirect: server.url('/real/data.bin'), status: 303 });
    const path = await downloadUrl(server.url('/a'), root, { filename: 'data.bin', md5, progress: false });
    expect(readFileSync(path).equals(payload)).toBe(true);
    expect(server.requests.map((r) => r.path)).toEqual(['/a', '/b', '/c', '/real/data.bin']);
  });

  it('drops Authorization on a redirect to another origin and keeps it on the same origin', async () => {
    const other = await startTestServer({ '/data.bin': { body: 'x' } });
    try {
      server = await startTestServer({ '/same': { redirect: '/moved' }, '/moved': { redirect: other.url('/data.bin') } });
      await downloadUrl(server.url('/same'), root, { filename: 'd', headers: { Authorization: 'Bearer secret' }, progress: false });
      expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer secret', 'Bearer secret']);
      expect(other.requests[0]!.headers.authorization).toBeUndefined();
      expect(other.requests[0]!.headers['user-agent']).toBe('@dl/core');
    } finally {
      await other.close();
    }
  });

  it('reports progress with received and total bytes', async () => {
    server = await startTestServer({ '/data.bin': { body: payload, chunkSize: 50_000, chunkDelay: 5 } });
    const seen: DownloadProgress[] = [];
    await downloadUrl(server.url('/data.bin'), root, { onProgress: (p) => seen.push({ ...p }), progress: false });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toEqual({ url: server.url('/data.bin'), path: join(root, 'data.bin'), received: payload.length, total: payload.length });
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.received).toBeGreaterThan(seen[i - 1]!.received);
  });

  it('draws a progress bar on a terminal and plain lines elsewhere', async () => {
    server = await startTestServer({ '/data.bin': { body: payload } });
    let tty = '';
    await downloadUrl(server.url('/data.bin'), root, {
      progressStream: { isTTY: true, columns: 100, write: (t: string) => (tty += t) },
    });
    expect(tty).toMatch(/\rdata\.bin +100% \|█+\| 200 kB\/200 kB .*\/s ETA 0s\x1b\[K\n$/);
    await rm(join(root, 'data.bin'));
    let log = '';
    await downloadUrl(server.url('/data.bin'), root, { progress: true, progressStream: { write: (t: string) => (log += t) } });
    expect(log).toMatch(/^(data\.bin: \d0% \([\d.]+ kB of 200 kB\)\n)*data\.bin: 100% \(200 kB of 200 kB\)\ndata\.bin: done, 200 kB in \d+s\n$/);
    await rm(join(root, 'data.bin'));
    let silent = '';
    await downloadUrl(server.url('/data.bin'), root, { progressStream: { write: (t: string) => (silent += t) } });
    expect(silent).toBe('');
  });

  it('resumes a partial file with a Range request (206)', async () => {
    server = await startTestServer({ '/data.bin': { body: payload, etag: '"v1"' } });
    writeFileSync(join(root, 'data.bin.part'), payload.subarray(0, 120_000));
    writeFileSync(join(root, 'data.bin.part.json'), JSON.stringify({ url: server.url('/data.bin'), etag: '"v1"' }));
    const seen: number[] = [];
    await downloadUrl(server.url('/data.bin'), root, { md5, onProgress: (p) => seen.push(p.received), progress: false });
    expect(server.requests[0]!.headers.range).toBe('bytes=120000-');
    expect(server.requests[0]!.headers['if-range']).toBe('"v1"');
    expect(seen[0]).toBeGreaterThan(120_000);
    expect(readFileSync(join(root, 'data.bin')).equals(payload)).toBe(true);
    expect(readdirSync(root)).toEqual(['data.bin']);
  });

  it('restarts cleanly when the server ignores Range (200)', async () => {
    server = await startTestServer({ '/data.bin': { body: payload, ranges: false } });
    writeFileSync(join(root, 'data.bin.part'), Buffer.alloc(150_000, 9));
    writeFileSync(join(root, 'data.bin.part.json'), JSON.stringify({ url: server.url('/data.bin') }));
    await downloadUrl(server.url('/data.bin'), root, { md5, progress: false });
    expect(server.requests[0]!.headers.range).toBe('bytes=150000-');
    expect(readFileSync(join(root, 'data.bin')).equals(payload)).toBe(true);
  });

  it('restarts when the file changed since the partial download (If-Range mismatch)', async () => {
    server = await startTestServer({ '/data.bin': { body: payload, etag: '"v2"' } });
    writeFileSync(join(root, 'data.bin.part'), Buffer.alloc(150_000, 9));
    writeFileSync(join(root, 'data.bin.part.json'), JSON.stringify({ url: server.url('/data.bin'), etag: '"v1"' }));
    await downloadUrl(server.url('/data.bin'), root, { md5, progress: false });
    expect(readFileSync(join(root, 'data.bin')).equals(payload)).toBe(true);
  });

  it('finishes a partial file that is already complete (416)', async () => {
    server = await startTestServer({ '/data.bin': { body: payload } });
    writeFileSync(join(root, 'data.bin.part'), payload);
    writeFileSync(join(root, 'data.bin.part.json'), JSON.stringify({ url: server.url('/data.bin') }));
    await downloadUrl(server.url('/data.bin'), root, { md5, progress: false });
    expect(server.requests.map((r) => r.headers.range)).toEqual(['bytes=200000-']);
    expect(readFileSync(join(root, 'data.bin')).equals(payload)).toBe(true);
  });

  it('ignores a partial file left by another URL', async () => {
    server = await startTestServer({ '/data.bin': { body: payload } });
    writeFileSync(join(root, 'data.bin.part'), Buffer.alloc(150_000, 9));
    writeFileSync(join(root, 'data.bin.part.json'), JSON.stringify({ url: 'http://127.0.0.1:1/other' }));
    await downloadUrl(server.url('/data.bin'), root, { md5, progress: false });
    expect(server.requests[0]!.headers.range).toBeUndefined();
    expect(readFileSync(join(root, 'data.bin')).equals(payload)).toBe(true);
  });

  it('retries after a dropped connection and resumes where it broke', async () => {
    server = await startTestServer({ '/data.bin': [{ body: payload, dropAfter: 80_000 }, { body: payload }] });
    await downloadUrl(server.url('/data.bin'), root, { md5, retryDelay: 1, progress: false });
    expect(server.hits('/data.bin')).toBe(2);
    expect(server.requests[1]!.headers.range).toMatch(/^bytes=\d+-$/);
    expect(Number(/\d+/.exec(server.requests[1]!.headers.range!)![0])).toBeGreaterThan(0);
    expect(readFileSync(join(root, 'data.bin')).equals(payload)).toBe(true);
  });

  it('retries after a 503 and gives up on a 404 at once', async () => {
    server = await startTestServer({ '/flaky': [{ status: 503 }, { body: 'ok' }], '/gone': { status: 404 } });
    await downloadUrl(server.url('/flaky'), root, { retryDelay: 1, progress: false });
    expect(server.hits('/flaky')).toBe(2);
    await expect(downloadUrl(server.url('/gone'), root, { retryDelay: 1, progress: false })).rejects.toThrow(
      `downloadUrl: server answered 404 Not Found for ${server.url('/gone')}`,
    );
    expect(server.hits('/gone')).toBe(1);
  });

  it('finishes when the server keeps the connection open after the body', async () => {
    server = await startTestServer({
      '/open': (_request, socket) => void socket.write('HTTP/1.1 200 OK\r\ncontent-length: 5\r\nconnection: keep-alive\r\n\r\nhello'),
    });
    const started = Date.now();
    const path = await downloadUrl(server.url('/open'), root, { filename: 'open.txt', progress: false });
    expect(readFileSync(path, 'utf8')).toBe('hello');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('serves concurrent calls for one file with one download', async () => {
    server = await startTestServer({ '/data.bin': { body: payload, chunkSize: 20_000, chunkDelay: 2 } });
    const url = server.url('/data.bin');
    const paths = await Promise.all([1, 2, 3].map(() => downloadUrl(url, root, { md5, progress: false })));
    expect(new Set(paths).size).toBe(1);
    expect(server.hits('/data.bin')).toBe(1);
  });

  it('rejects bad arguments with ValueError', async () => {
    await expect(downloadUrl('not a url', root)).rejects.toThrow(new ValueError("downloadUrl: 'not a url' is not a valid URL"));
    await expect(downloadUrl('ftp://127.0.0.1/x', root)).rejects.toThrow(
      "downloadUrl: only http and https URLs are supported, got 'ftp:' in ftp://127.0.0.1/x",
    );
    await expect(downloadUrl('http://127.0.0.1/dir/', root)).rejects.toThrow(
      'downloadUrl: cannot take a file name from http://127.0.0.1/dir/; pass options.filename',
    );
    await expect(downloadUrl('http://127.0.0.1/x', root, { filename: '../x' })).rejects.toThrow(
      "downloadUrl: filename must be a plain file name without folders, got '../x'",
    );
    await expect(downloadUrl('http://127.0.0.1/x', root, { md5: 'abc' })).rejects.toThrow(
      "downloadUrl: md5 must be 32 hex digits, got 'abc'",
    );
    await expect(downloadUrl('http://127.0.0.1/x', root, { md5, sha256 })).rejects.toThrow(
      'downloadUrl: give md5 or sha256, not both',
    );
    await expect(downloadUrl('http://127.0.0.1/x', root, { maxRedirects: -1 })).rejects.toThrow(
      'downloadUrl: maxRedirects must be an integer >= 0, got -1',
    );
    await expect(downloadUrl('http://127.0.0.1/x', root, { timeout: 0 })).rejects.toThrow('downloadUrl: timeout must be > 0, got 0');
    await expect(downloadUrl('http://127.0.0.1/x', root, { retries: 1.5 })).rejects.toThrow(
      'downloadUrl: retries must be an integer >= 0, got 1.5',
    );
    await expect(downloadUrl('http://127.0.0.1/x', root, { retryDelay: -1 })).rejects.toThrow(
      'downloadUrl: retryDelay must be >= 0, got -1',
    );
    await expect(downloadUrl('http://127.0.0.1/x', root, { progress: 'fancy' as 'bar' })).rejects.toThrow(
      "downloadUrl: progress must be true, false, 'auto', 'bar' or 'lines', got fancy",
    );
    await expect(downloadUrl('not a url', root)).rejects.toBeInstanceOf(ValueError);
  });

  it('leaves no file and a ChecksumError naming expected and actual on a mismatch', async () => {
    server = await startTestServer({ '/data.bin': { body: payload } });
    const wrong = '0'.repeat(32);
    const error = await downloadUrl(server.url('/data.bin'), root, { md5: wrong, progress: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChecksumError);
    expect((error as ChecksumError).message).toBe(
      `downloadUrl: md5 of ${join(root, 'data.bin')} (from ${server.url('/data.bin')}) is ${md5}, expected ${wrong}; the file was removed`,
    );
    expect(error).toMatchObject({ algorithm: 'md5', expected: wrong, actual: md5, path: join(root, 'data.bin') });
    expect(readdirSync(root)).toEqual([]);
  });

  it('throws RedirectError naming the chain on a redirect loop', async () => {
    server = await startTestServer({ '/a': { redirect: '/b' }, '/b': { redirect: '/a' } });
    const a = server.url('/a');
    const b = server.url('/b');
    const error = await downloadUrl(a, root, { progress: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as RedirectError).message).toBe(`downloadUrl: redirect loop: ${a} -> ${b} -> ${a}`);
    expect((error as RedirectError).chain).toEqual([a, b, a]);
    expect(existsSync(join(root, 'a'))).toBe(false);
  });

  it('throws RedirectError past maxRedirects', async () => {
    server = await startTestServer({ '/1': { redirect: '/2' }, '/2': { redirect: '/3' }, '/3': { redirect: '/4' }, '/4': { body: 'x' } });
    await downloadUrl(server.url('/1'), root, { maxRedirects: 3, progress: false });
    await rm(join(root, '1'));
    const error = await downloadUrl(server.url('/1'), root, { maxRedirects: 2, progress: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as Error).message).toBe(
      `downloadUrl: more than 2 redirects (maxRedirects) starting at ${server.url('/1')}: ${['/1', '/2', '/3', '/4'].map((p) => server.url(p)).join(' -> ')}`,
    );
  });
});

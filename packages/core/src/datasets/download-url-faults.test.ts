import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { downloadUrl } from './download-url';
import { DownloadError } from './errors/download-error';
import { StorageError } from './errors/storage-error';
import { startTestServer, type TestServer } from './testing/test-server';

const payload = Buffer.alloc(200_000, 7);
let root: string;
let server: TestServer;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-faults-'));
});
afterEach(async () => {
  await server?.close();
  await chmod(root, 0o755).catch(() => undefined);
  await rm(root, { recursive: true, force: true });
});

// Root writes through permission bits, so as root the folder is made immutable instead.
function lockFolder(dir: string): boolean {
  if (process.getuid?.() !== 0) {
    spawnSync('chmod', ['0555', dir]);
    return true;
  }
  return spawnSync('chattr', ['+i', dir]).status === 0;
}

function unlockFolder(dir: string): void {
  if (process.getuid?.() === 0) spawnSync('chattr', ['-i', dir]);
  else spawnSync('chmod', ['0755', dir]);
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('expected the download to fail');
  return error;
}

describe('downloadUrl faults', () => {
  it('fails with DownloadError when the connection drops mid-file, keeping only the .part file', async () => {
    server = await startTestServer({ '/data.bin': { body: payload, dropAfter: 70_000 } });
    const url = server.url('/data.bin');
    const error = await failure(downloadUrl(url, root, { retries: 0, progress: false }));
    expect(error).toBeInstanceOf(DownloadError);
    expect(error.message).toMatch(new RegExp(`^downloadUrl: connection to ${url} (broke after \\d+ of 200000 bytes: the server closed it early \\(ECONNRESET\\)|closed after \\d+ of 200000 bytes)$`));
    expect(existsSync(join(root, 'data.bin'))).toBe(false);
    expect(readdirSync(root).sort()).toEqual(['data.bin.part', 'data.bin.part.json']);
  });

  it('fails after the last retry when every attempt drops', async () => {
    server = await startTestServer({ '/data.bin': { body: payload, dropAfter: 10 } });
    const error = await failure(downloadUrl(server.url('/data.bin'), root, { retries: 2, retryDelay: 1, progress: false }));
    expect(error).toBeInstanceOf(DownloadError);
    expect(server.hits('/data.bin')).toBe(3);
    expect(existsSync(join(root, 'data.bin'))).toBe(false);
  });

  it('fails with the status on 404 and 500 and writes nothing', async () => {
    server = await startTestServer({ '/missing': { status: 404 }, '/broken': { status: 500, body: 'oops' } });
    const missing = await failure(downloadUrl(server.url('/missing'), root, { progress: false }));
    expect(missing).toBeInstanceOf(DownloadError);
    expect(missing).toMatchObject({ status: 404, url: server.url('/missing') });
    const broken = await failure(downloadUrl(server.url('/broken'), root, { retries: 1, retryDelay: 1, progress: false }));
    expect(broken).toBeInstanceOf(DownloadError);
    expect(broken.message).toBe(`downloadUrl: server answered 500 Internal Server Error for ${server.url('/broken')}`);
    expect(server.hits('/broken')).toBe(2);
    expect(readdirSync(root)).toEqual([]);
  });

  it('fails when the server sends more bytes than its Content-Length, and does not retry', async () => {
    server = await startTestServer({ '/data.bin': { body: payload, contentLength: 1000 } });
    const url = server.url('/data.bin');
    const error = await failure(downloadUrl(url, root, { retryDelay: 1, progress: false }));
    expect(error).toBeInstanceOf(DownloadError);
    expect(error.message).toMatch(new RegExp(`^downloadUrl: ${url} sent more than the 1000 bytes it announced \\(HPE_`));
    expect(server.hits('/data.bin')).toBe(1);
    expect(readdirSync(root)).toEqual([]);
  });

  it('fails when the server closes before its Content-Length', async () => {
    server = await startTestServer({ '/data.bin': { body: payload, contentLength: 300_000 } });
    const url = server.url('/data.bin');
    const error = await failure(downloadUrl(url, root, { retries: 0, progress: false }));
    expect(error).toBeInstanceOf(DownloadError);
    expect(error.message).toMatch(new RegExp(`^downloadUrl: connection to ${url} (broke|closed) after \\d+ of 300000 bytes`));
    expect(existsSync(join(root, 'data.bin'))).toBe(false);
  });

  it('fails when a 206 body does not match its Content-Range', async () => {
    server = await startTestServer({
      '/data.bin': (_request, socket) => {
        socket.end('HTTP/1.1 206 Partial Content\r\ncontent-range: bytes 100-199/1000\r\ncontent-length: 50\r\nconnection: close\r\n\r\n' + 'x'.repeat(50));
      },
    });
    writeFileSync(join(root, 'data.bin.part'), Buffer.alloc(100));
    writeFileSync(join(root, 'data.bin.part.json'), JSON.stringify({ url: server.url('/data.bin') }));
    const error = await failure(downloadUrl(server.url('/data.bin'), root, { progress: false }));
    expect(error).toBeInstanceOf(DownloadError);
    expect(error.message).toBe(
      `downloadUrl: ${server.url('/data.bin')} announced 50 bytes (Content-Length) for range 100-199 of 100 bytes`,
    );
    expect(existsSync(join(root, 'data.bin'))).toBe(false);
  });

  it('fails with a timeout when the server stalls', async () => {
    server = await startTestServer({ '/data.bin': { body: payload, stallAfter: 1000 } });
    const url = server.url('/data.bin');
    const error = await failure(downloadUrl(url, root, { timeout: 200, retries: 0, progress: false }));
    expect(error).toBeInstanceOf(DownloadError);
    expect(error.message).toBe(`downloadUrl: no data from ${url} for 200 ms (timeout)`);
    expect(existsSync(join(root, 'data.bin'))).toBe(false);
  });

  it('fails with DownloadError when nothing listens', async () => {
    server = await startTestServer();
    const url = server.url('/data.bin');
    await server.close();
    const error = await failure(downloadUrl(url, root, { retries: 0, progress: false }));
    expect(error).toBeInstanceOf(DownloadError);
    expect(error.message).toBe(`downloadUrl: cannot get ${url}: connect ECONNREFUSED 127.0.0.1:${server.port} (ECONNREFUSED)`);
  });

  it('stops when the signal aborts', async () => {
    server = await startTestServer({ '/data.bin': { body: payload, stallAfter: 1000 } });
    const controller = new AbortController();
    const pending = downloadUrl(server.url('/data.bin'), root, { signal: controller.signal, progress: false });
    setTimeout(() => controller.abort(), 50);
    const error = await failure(pending);
    expect(error).toBeInstanceOf(DownloadError);
    expect(error.message).toBe(`downloadUrl: download of ${server.url('/data.bin')} was aborted`);
    expect(existsSync(join(root, 'data.bin'))).toBe(false);
  });

  it('stops at once when the signal is already aborted', async () => {
    server = await startTestServer({ '/data.bin': { body: payload } });
    const error = await failure(downloadUrl(server.url('/data.bin'), root, { signal: AbortSignal.abort(), progress: false }));
    expect(error).toBeInstanceOf(DownloadError);
    expect(error.message).toBe(`downloadUrl: download of ${server.url('/data.bin')} was aborted`);
  });

  it('fails with StorageError when root lies under a file', async () => {
    server = await startTestServer({ '/data.bin': { body: payload } });
    writeFileSync(join(root, 'file'), 'x');
    const target = join(root, 'file', 'sub');
    const error = await failure(downloadUrl(server.url('/data.bin'), target, { progress: false }));
    expect(error).toBeInstanceOf(StorageError);
    expect(error.message).toBe(`downloadUrl: cannot create folder ${target}: a part of the path is a file, not a folder (ENOTDIR)`);
    expect(error).toMatchObject({ code: 'ENOTDIR', path: target });
    expect(server.hits('/data.bin')).toBe(0);
  });

  it('fails with StorageError when root is not writable', async (context) => {
    server = await startTestServer({ '/data.bin': { body: payload } });
    const locked = join(root, 'locked');
    await mkdir(locked);
    if (!lockFolder(locked)) context.skip('cannot make a folder unwritable here (root without chattr)');
    try {
      const error = await failure(downloadUrl(server.url('/data.bin'), locked, { progress: false }));
      expect(error).toBeInstanceOf(StorageError);
      expect(error.message).toMatch(
        new RegExp(`^downloadUrl: cannot write ${locked}/data\\.bin\\.part(\\.json)?: (permission denied \\(EACCES\\)|operation not permitted \\(EPERM\\))$`),
      );
      expect(server.hits('/data.bin')).toBe(0);
    } finally {
      unlockFolder(locked);
    }
    expect(readdirSync(locked)).toEqual([]);
  });
});

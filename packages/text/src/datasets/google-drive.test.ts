import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DownloadError } from '@dl/core/node';
import { startTestServer, type TestServer } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { downloadFromGoogleDrive } from './google-drive';

const FILE = Buffer.from('the archive bytes');
const MD5 = createHash('md5').update(FILE).digest('hex');

let root: string;
let server: TestServer;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-gdrive-'));
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

const quiet = { progress: false, retries: 0 } as const;

describe('downloadFromGoogleDrive', () => {
  it("follows the virus-scan warning page's download form", async () => {
    const page = `<!DOCTYPE html><html><head><title>Google Drive - Virus scan warning</title></head><body>
      <form id="download-form" action="${server.url('/download')}" method="get">
      <input type="submit" value="Download anyway"/>
      <input type="hidden" name="id" value="0B_bZck"><input type="hidden" name="export" value="download">
      <input type="hidden" name="confirm" value="t"><input type="hidden" name="uuid" value="a&amp;b"></form></body></html>`;
    server.route('/uc', { body: page, headers: { 'content-type': 'text/html; charset=utf-8' } });
    server.route('/download', { body: FILE, headers: { 'content-type': 'application/octet-stream' } });
    const path = await downloadFromGoogleDrive(server.url('/uc?export=download&id=0B_bZck'), root, { ...quiet, filename: 'wmt16_en_de.tar.gz', md5: MD5 });
    expect(path).toBe(join(root, 'wmt16_en_de.tar.gz'));
    expect(await readFile(path)).toEqual(FILE);
    const last = server.requests[server.requests.length - 1];
    expect(last.path).toBe('/download');
    expect(server.hits('/download')).toBe(1);
    // Present and matching: no request at all.
    await downloadFromGoogleDrive(server.url('/uc?id=0B_bZck'), root, { ...quiet, filename: 'wmt16_en_de.tar.gz', md5: MD5 });
    expect(server.hits('/uc')).toBe(1);
  });

  it('confirms with the download_warning cookie of the older flow, sending the cookie back', async () => {
    let confirmed = '';
    server.route('/uc', (request, socket) => {
      const url = new URL(request.url ?? '/', 'http://x');
      if (url.searchParams.get('confirm') === 'Tok3n') {
        confirmed = String(request.headers.cookie);
        socket.end(`HTTP/1.1 200 OK\r\ncontent-type: application/x-gzip\r\ncontent-length: ${FILE.length}\r\nconnection: close\r\n\r\n${FILE}`);
      } else {
        const body = '<html><body>Google Drive can’t scan this file for viruses.</body></html>';
        socket.end(
          `HTTP/1.1 200 OK\r\ncontent-type: text/html\r\nset-cookie: download_warning_13058876669334088843_0B_bZck=Tok3n; Path=/uc\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
        );
      }
    });
    const path = await downloadFromGoogleDrive(server.url('/uc?export=download&id=0B_bZck'), root, { ...quiet, filename: 'f.tar.gz', md5: MD5 });
    expect(await readFile(path)).toEqual(FILE);
    expect(confirmed).toBe('download_warning_13058876669334088843_0B_bZck=Tok3n');
  });

  it('downloads a small file served at once', async () => {
    server.route('/uc', { body: FILE, headers: { 'content-type': 'application/octet-stream' } });
    const path = await downloadFromGoogleDrive(server.url('/uc?id=x'), root, { ...quiet, filename: 'small.bin' });
    expect(await readFile(path)).toEqual(FILE);
  });

  it('throws DownloadError for a quota page and for an error status', async () => {
    server.route('/uc', { body: '<html><title>Google Drive - Quota exceeded</title></html>', headers: { 'content-type': 'text/html' } });
    const url = server.url('/uc?id=x');
    const get = () => downloadFromGoogleDrive(url, root, { ...quiet, filename: 'q.bin' });
    await expect(get()).rejects.toThrow(DownloadError);
    await expect(get()).rejects.toThrow(`downloadFromGoogleDrive: ${url} answered an HTML page instead of the file (Google Drive download quota exceeded; try later)`);
    server.route('/uc', { status: 404, body: 'gone' });
    await expect(get()).rejects.toThrow(`downloadFromGoogleDrive: ${url} answered 404 Not Found`);
  });
});

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { downloadAndExtractArchive } from './download-and-extract-archive';
import { ChecksumError } from './errors/checksum-error';
import { buildTar } from './testing/build-tar';
import { startTestServer, type TestServer } from './testing/test-server';

const archive = buildTar([{ name: 'cifar/batch.bin', data: 'pixels' }], { gzip: true });
const md5 = createHash('md5').update(archive).digest('hex');

let root: string;
let server: TestServer;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-dae-'));
  server = await startTestServer({ '/cifar.tar.gz': { body: archive } });
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe('downloadAndExtractArchive', () => {
  it('downloads, verifies and extracts, into extractRoot when given, removing the archive on request', async () => {
    const out = await downloadAndExtractArchive(server.url('/cifar.tar.gz'), join(root, 'raw'), {
      md5,
      extractRoot: join(root, 'data'),
      removeFinished: true,
      progress: false,
    });
    expect(out).toBe(join(root, 'data'));
    expect(readFileSync(join(root, 'data', 'cifar', 'batch.bin'), 'utf8')).toBe('pixels');
    expect(existsSync(join(root, 'raw', 'cifar.tar.gz'))).toBe(false);
  });

  it('extracts nothing when the checksum does not match', async () => {
    const error = await downloadAndExtractArchive(server.url('/cifar.tar.gz'), root, { md5: 'f'.repeat(32), progress: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChecksumError);
    expect(existsSync(join(root, 'cifar'))).toBe(false);
  });
});

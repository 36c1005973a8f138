// A full disk cannot be made on demand here (no tiny tmpfs), so file handles opened for paths
// that match `fullDisk` fail their writes with the ENOSPC error Node raises on a full disk.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadUrl } from './download-url';
import { StorageError } from './errors/storage-error';
import { extractArchive } from './extract-archive';
import { buildTar } from './testing/build-tar';
import { startTestServer, type TestServer } from './testing/test-server';

const state = vi.hoisted(() => ({ fullDisk: undefined as RegExp | undefined }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  const open: typeof real.open = async (...args: Parameters<typeof real.open>) => {
    const handle = await real.open(...args);
    if (state.fullDisk?.test(String(args[0]))) {
      handle.write = (async () => {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
      }) as typeof handle.write;
    }
    return handle;
  };
  return { ...real, open, default: { ...real, open } };
});

let root: string;
let server: TestServer | undefined;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-full-'));
});
afterEach(async () => {
  state.fullDisk = undefined;
  await server?.close();
  server = undefined;
  await rm(root, { recursive: true, force: true });
});

describe('a full disk', () => {
  it('makes downloadUrl fail with StorageError ENOSPC and no final file', async () => {
    server = await startTestServer({ '/data.bin': { body: Buffer.alloc(50_000, 1) } });
    state.fullDisk = /data\.bin\.part$/;
    const error = await downloadUrl(server.url('/data.bin'), root, { progress: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).message).toBe(`downloadUrl: cannot write ${join(root, 'data.bin.part')}: no space left on device (ENOSPC)`);
    expect((error as StorageError).code).toBe('ENOSPC');
    expect(readdirSync(root)).toEqual([]);
  });

  it('makes extractArchive fail with StorageError ENOSPC and leaves the folder as it was', async () => {
    const archive = join(root, 'data.tar');
    writeFileSync(archive, buildTar([{ name: 'data/a.txt', data: 'a' }, { name: 'data/b.txt', data: 'b' }]));
    const out = join(root, 'out');
    state.fullDisk = /b\.txt$/;
    const error = await extractArchive(archive, out).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).message).toBe(`extractArchive: cannot write ${join(out, 'data', 'b.txt')}: no space left on device (ENOSPC)`);
    expect(readdirSync(out)).toEqual([]);
    expect(existsSync(join(out, 'data', 'a.txt'))).toBe(false);
  });
});

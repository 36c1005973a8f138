import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValueError } from '../errors/value-error';
import { checkIntegrity, fileChecksum } from './checksum';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dl-checksum-'));
  writeFileSync(join(dir, 'abc.txt'), 'abc');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fileChecksum', () => {
  it('gives the md5 and sha256 hex digests of a file', async () => {
    await expect(fileChecksum(join(dir, 'abc.txt'), 'md5')).resolves.toBe('900150983cd24fb0d6963f7d28e17f72');
    await expect(fileChecksum(join(dir, 'abc.txt'), 'sha256')).resolves.toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('checkIntegrity', () => {
  it('is true for an existing file without a digest and for a matching one (any case)', async () => {
    await expect(checkIntegrity(join(dir, 'abc.txt'))).resolves.toBe(true);
    await expect(checkIntegrity(join(dir, 'abc.txt'), { md5: '900150983CD24FB0D6963F7D28E17F72' })).resolves.toBe(true);
  });

  it('is false for a missing file, a folder or a different digest', async () => {
    await expect(checkIntegrity(join(dir, 'nope'))).resolves.toBe(false);
    await expect(checkIntegrity(dir)).resolves.toBe(false);
    await expect(checkIntegrity(join(dir, 'abc.txt'), { md5: '0'.repeat(32) })).resolves.toBe(false);
  });

  it('rejects malformed digests with ValueError', async () => {
    await expect(checkIntegrity(join(dir, 'abc.txt'), { sha256: 'xyz' })).rejects.toThrow(
      new ValueError("checkIntegrity: sha256 must be 64 hex digits, got 'xyz'"),
    );
  });
});

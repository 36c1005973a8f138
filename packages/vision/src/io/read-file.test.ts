import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArgumentTypeError } from '@dl/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureBytes, IO_DIR } from '../../test/io/io-fixtures';
import { ImageError } from '../errors/image-error';
import { decodeImage } from './decode-image';
import { ImageReadMode } from './image-read-mode';
import { readFile } from './read-file';
import { readImage } from './read-image';
import { writeFile } from './write-file';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dl-vision-io-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('readFile / writeFile', () => {
  it('reads and writes bytes as plain Uint8Arrays', async () => {
    const bytes = await readFile(`${IO_DIR}png_rgb8.png`);
    expect(Object.getPrototypeOf(bytes)).toBe(Uint8Array.prototype);
    expect(bytes).toEqual(fixtureBytes('png_rgb8.png'));
    await writeFile(join(dir, 'copy.png'), bytes);
    expect(await readFile(join(dir, 'copy.png'))).toEqual(bytes);
  });

  it('names the path of a missing file or a directory', async () => {
    await expect(readFile(join(dir, 'nope.png'))).rejects.toThrow(new ImageError(`readFile: ${join(dir, 'nope.png')}: cannot read the file (no such file)`));
    await expect(readFile(dir)).rejects.toThrow(new ImageError(`readFile: ${dir}: cannot read the file (is a directory)`));
  });

  it('refuses bad arguments', async () => {
    await expect(readFile(3 as unknown as string)).rejects.toThrow(new ArgumentTypeError('readFile: expected a file path (string or URL), got number 3'));
    await expect(writeFile(join(dir, 'x'), 'text' as unknown as Uint8Array)).rejects.toThrow(new ArgumentTypeError('writeFile: expected the data as a Uint8Array, got string text'));
  });
});

describe('readImage', () => {
  it('reads a file into an int32 [C, H, W] tensor in a read mode', async () => {
    const t = await readImage(`${IO_DIR}jpeg_444.jpg`, { mode: ImageReadMode.GRAY });
    expect([t.dtype, t.shape]).toEqual(['int32', [1, 13, 19]]);
    expect(t.dataSync()).toEqual((await decodeImage(fixtureBytes('jpeg_444.jpg'), { mode: 'gray' })).dataSync());
  });

  it('names the file in decode errors', async () => {
    const file = join(dir, 'broken.png');
    await writeFile(file, fixtureBytes('png_rgb8.png').slice(0, 100));
    await expect(readImage(file)).rejects.toThrow(new ImageError(`readImage: ${file}: truncated PNG: the 'IDAT' chunk at byte 33 needs 170 bytes, the file ends 67 bytes into it`));
    await expect(readImage(file, { maxPixels: 5 })).rejects.toThrow(`readImage: ${file}: the PNG header claims 11x9 = 99 pixels, more than the limit of 5`);
  });
});

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArgumentTypeError, DTypeError, tensor, type Tensor, ValueError } from '@dl/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage } from '../io/decode-image';
import { openImage } from '../io/open-image';
import { saveImage } from './save-image';

interface SaveCase {
  input: { shape: number[]; data: number[] };
  params: { nrow?: number; padding?: number };
  shape: number[];
  data: number[];
}

const fixture = JSON.parse(await readFile(new URL('../../test/fixtures/io/utils_make_grid.json', import.meta.url), 'utf8')) as { saveImage: SaveCase[] };
const input = (c: SaveCase): Tensor => tensor(Float32Array.from(c.input.data)).reshape(c.input.shape);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dl-vision-save-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('saveImage', () => {
  it.each(fixture.saveImage.map((c, i) => [i, c] as const))('writes the PNG torchvision.utils.save_image writes (case %i)', async (i, c) => {
    const file = join(dir, `grid${i}.png`);
    await saveImage(input(c), file, c.params);
    const img = await openImage(file);
    expect([img.height, img.width, img.channels]).toEqual(c.shape);
    expect(Array.from(img.data)).toEqual(c.data);
  });

  it('writes JPEG for .jpg and .jpeg, or as `format` says', async () => {
    const c = fixture.saveImage[0]!;
    for (const [name, format] of [
      ['a.jpg', undefined],
      ['b.JPEG', undefined],
      ['c.out', 'jpeg'],
    ] as const) {
      await saveImage(input(c), join(dir, name), { ...c.params, format, quality: 90 });
      const bytes = await readFile(join(dir, name));
      expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
      expect((await decodeImage(bytes)).shape).toEqual([c.shape[2], c.shape[0], c.shape[1]]);
    }
  });

  it('takes int32 tensors as 0..255 values (torchvision cannot add 0.5 to them)', async () => {
    const t = tensor(Int32Array.of(0, 100, 200, 255)).reshape([1, 1, 2, 2]);
    await saveImage(t, join(dir, 'int.png'));
    const img = await openImage(join(dir, 'int.png'));
    expect(Array.from(img.data)).toEqual([0, 0, 0, 100, 100, 100, 200, 200, 200, 255, 255, 255]);
  });

  it('refuses an unknown format, a bad path and a bad quality', async () => {
    const t = tensor(new Float32Array(12)).reshape([3, 2, 2]);
    await expect(saveImage(t, join(dir, 'x.bmp'))).rejects.toThrow(
      new ValueError(`saveImage: cannot tell the format from the file name "${join(dir, 'x.bmp')}" (expected .png, .jpg or .jpeg); pass { format }`),
    );
    await expect(saveImage(t, join(dir, 'x.png'), { format: 'gif' as 'png' })).rejects.toThrow(new ValueError(`saveImage: format must be 'png', 'jpeg' or 'jpg', got "gif"`));
    await expect(saveImage(t, 42 as unknown as string)).rejects.toThrow(new ArgumentTypeError('saveImage: expected a file path, got number 42'));
    await expect(saveImage(t, join(dir, 'x.jpg'), { quality: 0 })).rejects.toThrow(new ValueError('saveImage: quality must be an integer from 1 to 100, got 0'));
    await expect(saveImage(tensor(Int32Array.of(1, 2, 3, 4)).reshape([1, 1, 2, 2]), join(dir, 'x.png'), { normalize: true })).rejects.toThrow(DTypeError);
  });
});

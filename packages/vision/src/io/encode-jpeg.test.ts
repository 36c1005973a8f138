import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ShapeError, tensor, ValueError } from '@dl/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureBytes, IO_DIR, sharpLoads } from '../../test/io/io-fixtures';
import { decodeImage } from './decode-image';
import { encodeJpeg } from './encode-jpeg';
import { setImageBackend } from './image-backend';
import { resetImageBackend } from './internal/backend-state';
import { openImage } from './open-image';
import { writeJpeg } from './write-jpeg';

const reference = JSON.parse(await readFile(`${IO_DIR}jpeg_encode_reference.json`, 'utf8')).pillow as Record<string, { bytes: number; meanAbsError: number }>;

function meanAbs(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i]! - b[i]!);
  return s / a.length;
}

const backends = (['sharp', 'wasm'] as const).filter((b) => b === 'wasm' || sharpLoads());

describe.each(backends)('encodeJpeg on the %s backend', (backend) => {
  let dir: string;
  beforeAll(async () => {
    setImageBackend(backend);
    dir = await mkdtemp(join(tmpdir(), 'dl-vision-jpeg-'));
  });
  afterAll(async () => {
    resetImageBackend();
    await rm(dir, { recursive: true, force: true });
  });

  it.each(['30', '75', '95'])('at quality %s is as faithful as Pillow, and no larger', async (q) => {
    const src = await openImage(fixtureBytes('enc_source.png'));
    const jpeg = await encodeJpeg(src, { quality: Number(q) });
    const back = await openImage(jpeg, { mode: 'RGB' });
    const error = meanAbs(back.data, src.data);
    // Measured mean absolute errors (Pillow 3.986 / 3.324 / 2.911 at q30 / 75 / 95): sharp's the
    // same to 3 decimals (libjpeg's quantisation), the wasm MozJPEG's within 1% (trellis
    // quantisation). Both write smaller files (optimised Huffman tables, no JFIF padding).
    expect(error).toBeLessThan(reference[q]!.meanAbsError * (backend === 'sharp' ? 1.001 : 1.01));
    expect(jpeg.length).toBeLessThanOrEqual(reference[q]!.bytes);
  });

  it('defaults to quality 75, writes gray as one component, takes float tensors', async () => {
    const src = await openImage(fixtureBytes('enc_source.png'));
    expect((await encodeJpeg(src)).length).toBe((await encodeJpeg(src, { quality: 75 })).length);
    const gray = await encodeJpeg(src.convert('L'));
    expect((await decodeImage(gray)).shape).toEqual([1, 48, 64]);
    const f = tensor(Float32Array.from({ length: 3 * 8 * 8 }, (_, i) => (i % 64) / 63)).reshape([3, 8, 8]);
    expect((await decodeImage(await encodeJpeg(f))).shape).toEqual([3, 8, 8]);
  });

  it('writeJpeg writes a JPEG the other decoders read', async () => {
    const file = join(dir, 'out.jpg');
    await writeJpeg(await openImage(fixtureBytes('enc_source.png')), file, { quality: 90 });
    const bytes = await readFile(file);
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
    expect((await decodeImage(bytes)).shape).toEqual([3, 48, 64]);
  });
});

describe('encodeJpeg arguments', () => {
  it('refuses a bad quality and alpha', async () => {
    const img = await openImage(fixtureBytes('png_rgba8.png'));
    await expect(encodeJpeg(img.convert('RGB'), { quality: 0 })).rejects.toThrow(new ValueError('encodeJpeg: quality must be an integer from 1 to 100, got 0'));
    await expect(encodeJpeg(img.convert('RGB'), { quality: 101 })).rejects.toThrow(new ValueError('encodeJpeg: quality must be an integer from 1 to 100, got 101'));
    await expect(writeJpeg(img.convert('RGB'), '/tmp/x.jpg', { quality: 50.5 })).rejects.toThrow(new ValueError('writeJpeg: quality must be an integer from 1 to 100, got 50.5'));
    await expect(encodeJpeg(img)).rejects.toThrow(new ValueError('encodeJpeg: cannot write mode RGBA (4 channels; expected 1, 3)'));
    await expect(encodeJpeg(tensor(new Int32Array(16)).reshape([4, 2, 2]))).rejects.toThrow(new ShapeError('encodeJpeg: expected 1, 3 channels in a [C, H, W] tensor, got shape [4, 2, 2]'));
  });
});

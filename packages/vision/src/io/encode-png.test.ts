import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArgumentTypeError, DTypeError, ShapeError, tensor, ValueError } from '@dl/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureBytes, sharpLoads } from '../../test/io/io-fixtures';
import { Image } from '../image/image';
import { decodeImage } from './decode-image';
import { encodePng } from './encode-png';
import { type ImageBackendName, setImageBackend } from './image-backend';
import { resetImageBackend } from './internal/backend-state';
import { openImage } from './open-image';
import { writePng } from './write-png';

const backends = (['sharp', 'wasm'] as const).filter((b) => b === 'wasm' || sharpLoads());
const other = (b: ImageBackendName): ImageBackendName => (b === 'sharp' && backends.includes('wasm') ? 'wasm' : backends.includes('sharp') ? 'sharp' : 'wasm');

function pattern(c: number, h: number, w: number): Int32Array {
  return Int32Array.from({ length: c * h * w }, (_, i) => (i * 37 + ((i / w) | 0) * 11) % 256);
}

describe.each(backends)('encodePng on the %s backend', (backend) => {
  let dir: string;
  beforeAll(async () => {
    setImageBackend(backend);
    dir = await mkdtemp(join(tmpdir(), 'dl-vision-png-'));
  });
  afterAll(async () => {
    resetImageBackend();
    await rm(dir, { recursive: true, force: true });
  });

  it.each([1, 2, 3, 4])('round-trips an int32 [%i, H, W] tensor losslessly, read back by the other backend too', async (c) => {
    const values = pattern(c, 7, 9);
    const png = await encodePng(tensor(values).reshape([c, 7, 9]));
    expect(Array.from(png.subarray(1, 4), (v) => String.fromCharCode(v)).join('')).toBe('PNG');
    expect(Array.from((await decodeImage(png)).dataSync())).toEqual(Array.from(values));
    setImageBackend(other(backend));
    expect(Array.from((await decodeImage(png)).dataSync())).toEqual(Array.from(values));
    setImageBackend(backend);
  });

  it('round-trips Images of every mode', async () => {
    for (const name of ['png_gray8.png', 'png_rgb8.png', 'png_rgba8.png']) {
      const img = await openImage(fixtureBytes(name));
      const back = await openImage(await encodePng(img));
      expect([back.mode, back.size]).toEqual([img.mode, img.size]);
      expect(back.data).toEqual(img.data);
    }
  });

  it('scales a float32 tensor in [0, 1] as save_image does (x * 255 + 0.5, clamped)', async () => {
    const t = tensor(Float32Array.of(0, 0.5 / 255, 1.5 / 255, 0.5, 254.4 / 255, 1, 1.2, -0.3)).reshape([1, 2, 4]);
    const back = await decodeImage(await encodePng(t));
    expect(Array.from(back.dataSync())).toEqual([0, 1, 2, 128, 254, 255, 255, 0]);
  });

  it('compresses at the given level', async () => {
    const t = tensor(Int32Array.from({ length: 3 * 64 * 64 }, (_, i) => (i >> 6) & 255)).reshape([3, 64, 64]);
    const stored = await encodePng(t, { compressionLevel: 0 });
    const best = await encodePng(t, { compressionLevel: 9 });
    expect(stored.length).toBeGreaterThan(3 * 64 * 64);
    expect(best.length).toBeLessThan(stored.length / 4);
    expect(Array.from((await decodeImage(best)).dataSync())).toEqual(Array.from(t.dataSync()));
  });

  it('writePng writes the file', async () => {
    const file = join(dir, 'out.png');
    const t = tensor(pattern(3, 5, 6)).reshape([3, 5, 6]);
    await writePng(t, file, { compressionLevel: 1 });
    expect(Array.from((await decodeImage(await readFile(file))).dataSync())).toEqual(Array.from(t.dataSync()));
  });
});

describe('encodePng arguments', () => {
  it('refuses a bad level, shape, dtype, value or input', async () => {
    const ok = tensor(pattern(3, 2, 2)).reshape([3, 2, 2]);
    await expect(encodePng(ok, { compressionLevel: 10 })).rejects.toThrow(new ValueError('encodePng: compressionLevel must be an integer from 0 to 9, got 10'));
    await expect(writePng(ok, '/tmp/x.png', { compressionLevel: 1.5 })).rejects.toThrow(new ValueError('writePng: compressionLevel must be an integer from 0 to 9, got 1.5'));
    await expect(encodePng(tensor(pattern(5, 2, 2)).reshape([5, 2, 2]))).rejects.toThrow(new ShapeError('encodePng: expected 1, 2, 3, 4 channels in a [C, H, W] tensor, got shape [5, 2, 2]'));
    await expect(encodePng(tensor(pattern(1, 2, 2)).reshape([1, 1, 2, 2]))).rejects.toThrow(new ShapeError('encodePng: expected a [C, H, W] image tensor, got shape [1, 1, 2, 2]'));
    await expect(encodePng(tensor([true, false, true, false]).reshape([1, 2, 2]))).rejects.toThrow(new DTypeError('encodePng: expected an int32 (0..255) or float32 ([0, 1]) image tensor, got dtype bool'));
    await expect(encodePng(tensor(Int32Array.of(0, 256, 0, 0)).reshape([1, 2, 2]))).rejects.toThrow(new ValueError('encodePng: an int32 image tensor holds 0..255, got 256 at channel 0, pixel 1'));
    await expect(encodePng('img' as unknown as Image)).rejects.toThrow(new ArgumentTypeError('encodePng: expected an Image or a [C, H, W] image tensor, got string img'));
    await expect(encodePng(tensor(new Int32Array(0)).reshape([3, 0, 4]))).rejects.toThrow(new ShapeError('encodePng: cannot encode an empty image, got shape [3, 0, 4]'));
  });
});

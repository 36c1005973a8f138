import { ArgumentTypeError, ValueError } from '@dl/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chwToHwc, diff, fixtureBytes, IO_DIR, ioFixtures, pixels, sharpLoads } from '../../test/io/io-fixtures';
import { ImageError } from '../errors/image-error';
import { decodeImageToImage } from './decode-image-to-image';
import { type ImageBackendName, setImageBackend } from './image-backend';
import { resetImageBackend } from './internal/backend-state';
import { openImage } from './open-image';

/** PIL's mode of each file -> the Image mode openImage gives without `mode` (no P, LA, 1, I, CMYK here). */
const NATURAL: Record<string, 'L' | 'RGB' | 'RGBA'> = { L: 'L', '1': 'L', I: 'L', RGB: 'RGB', CMYK: 'RGB', LA: 'RGBA', RGBA: 'RGBA' };

/** Measured differences from PIL (everything else is identical). */
const KNOWN: Record<string, { backend: ImageBackendName; max: number }> = {
  // The wasm MozJPEG build cannot output CMYK: a JavaScript decoder (pdf.js's, bundled in UTIF)
  // does, whose IDCT rounds differently from libjpeg-turbo's.
  'jpeg_cmyk.jpg': { backend: 'wasm', max: 1 },
};

const backends = (['sharp', 'wasm'] as const).filter((b) => b === 'wasm' || sharpLoads());

describe.each(backends)('openImage on the %s backend', (backend) => {
  beforeAll(() => setImageBackend(backend));
  afterAll(() => resetImageBackend());

  const files = Object.entries(ioFixtures);
  it.each(files.map(([name, fx]) => [name, fx.note, fx] as const))('gives PIL 9.4 pixels in L, RGB and RGBA: %s (%s)', async (name, _, fx) => {
    const bytes = fixtureBytes(name);
    for (const mode of ['L', 'RGB', 'RGBA'] as const) {
      const img = await openImage(bytes, { mode });
      expect([img.mode, img.width, img.height]).toEqual([mode, fx.width, fx.height]);
      const d = diff(img.data, pixels(fx.convert[mode]));
      const known = KNOWN[name];
      expect(d.max, `${name} ${mode}`).toBeLessThanOrEqual(known?.backend === backend ? known.max : 0);
    }
  });

  it.each(files.map(([name, fx]) => [name, fx.pilMode, fx] as const))('opens %s (PIL mode %s) in the matching mode when no mode is given', async (name, pilMode, fx) => {
    let expected: 'L' | 'RGB' | 'RGBA' = NATURAL[pilMode] ?? 'RGB';
    // PIL keeps palettes as mode P; with a transparent index, convert('RGBA') is where the alpha appears
    if (pilMode === 'P') expected = /trns/.test(name) ? 'RGBA' : 'RGB';
    const img = await openImage(fixtureBytes(name));
    expect(img.mode).toBe(expected);
    if (expected !== 'RGBA' || pilMode !== 'LA') {
      const d = diff(img.data, pixels(fx.convert[expected]));
      expect(d.max).toBeLessThanOrEqual(KNOWN[name]?.backend === backend ? KNOWN[name]!.max : 0);
    }
  });

  it('reads a path and names it in errors', async () => {
    const img = await openImage(`${IO_DIR}png_rgb8.png`, { mode: 'RGB' });
    expect(img.size).toEqual([11, 9]);
    await expect(openImage(`${IO_DIR}missing.png`)).rejects.toThrow(new ImageError(`openImage: ${IO_DIR}missing.png: cannot read the file (no such file)`));
    const script = `${IO_DIR}../generators/gen_io.py`;
    await expect(openImage(script)).rejects.toThrow(
      new ImageError(`openImage: ${script}: not an image in a supported format (JPEG, PNG, WebP, GIF, BMP, TIFF): the data starts with 23 21 2f 75 73 72 2f 62`),
    );
  });

  it('decodeImageToImage decodes bytes with <buffer> in errors', async () => {
    const img = await decodeImageToImage(fixtureBytes('jpeg_gray.jpg'), { mode: 'RGB' });
    expect(img.mode).toBe('RGB');
    await expect(decodeImageToImage(new Uint8Array(0))).rejects.toThrow(new ImageError('decodeImageToImage: <buffer>: empty input (0 bytes), not an image'));
    await expect(decodeImageToImage(fixtureBytes('png_rgb8.png'), { source: 'cats.zip:1.png', maxPixels: 10 })).rejects.toThrow(
      'decodeImageToImage: cats.zip:1.png: the PNG header claims 11x9 = 99 pixels, more than the limit of 10',
    );
  });
});

describe('openImage arguments', () => {
  it('refuses an unknown mode and a non-image argument', async () => {
    await expect(openImage(fixtureBytes('png_rgb8.png'), { mode: 'P' as 'L' })).rejects.toThrow(new ValueError(`openImage: mode must be 'L', 'RGB' or 'RGBA', got "P"`));
    await expect(openImage(42 as unknown as string)).rejects.toThrow(new ArgumentTypeError('openImage: expected the encoded image as a Uint8Array or ArrayBuffer, got number 42'));
  });

  it('takes an ArrayBuffer and a file URL', async () => {
    const bytes = fixtureBytes('gif_basic.gif');
    const a = await openImage(bytes.slice().buffer);
    const b = await openImage(new URL(`file://${IO_DIR}gif_basic.gif`));
    expect(a.data).toEqual(b.data);
  });

  it('matches PILToTensor of the same file through decodeImage', async () => {
    const { decodeImage } = await import('./decode-image');
    const t = await decodeImage(fixtureBytes('png_rgba8.png'), { mode: 'rgb_alpha' });
    const img = await openImage(fixtureBytes('png_rgba8.png'), { mode: 'RGBA' });
    expect(chwToHwc(t.dataSync(), t.shape)).toEqual(img.data);
  });
});

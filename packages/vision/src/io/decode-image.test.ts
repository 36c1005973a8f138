import { ArgumentTypeError, ValueError } from '@dl/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chwToHwc, diff, fixtureBytes, ioFixtures, pixels, sharpLoads } from '../../test/io/io-fixtures';
import { ImageError } from '../errors/image-error';
import { decodeImage } from './decode-image';
import { decodeJpeg } from './decode-jpeg';
import { decodePng } from './decode-png';
import { setImageBackend } from './image-backend';
import { resetImageBackend } from './internal/backend-state';
import { ImageReadMode } from './image-read-mode';

const PIL_OF = { gray: 'L', gray_alpha: 'LA', rgb: 'RGB', rgb_alpha: 'RGBA' } as const;

/** The channels UNCHANGED gives: the file's own (palettes expand; a tRNS colour key is not a channel). */
function unchangedChannels(name: string, pilMode: string): number {
  if (name === 'png_graya16.png') return 2; // PIL opens 16-bit gray+alpha as RGBA; the file has 2 channels
  if (pilMode === 'P') return /trns/.test(name) ? 4 : 3;
  return { L: 1, '1': 1, I: 1, LA: 2, RGB: 3, CMYK: 3, RGBA: 4 }[pilMode]!;
}

const backends = (['sharp', 'wasm'] as const).filter((b) => b === 'wasm' || sharpLoads());

describe.each(backends)('decodeImage on the %s backend', (backend) => {
  beforeAll(() => setImageBackend(backend));
  afterAll(() => resetImageBackend());
  const tolerance = (name: string) => (backend === 'wasm' && name === 'jpeg_cmyk.jpg' ? 1 : 0); // see open-image.test.ts

  it.each(Object.entries(ioFixtures).map(([name, fx]) => [name, fx] as const))('%s: every read mode is PIL convert() as an int32 CHW tensor', async (name, fx) => {
    const bytes = fixtureBytes(name);
    for (const mode of ['gray', 'gray_alpha', 'rgb', 'rgb_alpha'] as const) {
      const t = await decodeImage(bytes, { mode });
      expect(t.dtype).toBe('int32');
      expect(t.shape).toEqual([PIL_OF[mode].length, fx.height, fx.width]);
      expect(diff(chwToHwc(t.dataSync(), t.shape), pixels(fx.convert[PIL_OF[mode]])).max, mode).toBeLessThanOrEqual(tolerance(name));
    }
    const unchanged = await decodeImage(bytes);
    expect(unchanged.shape).toEqual([unchangedChannels(name, fx.pilMode), fx.height, fx.width]);
  });

  it('decodeJpeg and decodePng decode their format and refuse others', async () => {
    expect((await decodeJpeg(fixtureBytes('jpeg_gray.jpg'))).shape).toEqual([1, 13, 19]);
    expect((await decodePng(fixtureBytes('png_rgba8.png'), { mode: ImageReadMode.RGB })).shape).toEqual([3, 9, 11]);
    await expect(decodeJpeg(fixtureBytes('png_rgb8.png'))).rejects.toThrow(new ImageError('decodeJpeg: <buffer>: expected JPEG data, got PNG data'));
    await expect(decodePng(new Uint8Array(0))).rejects.toThrow(new ImageError('decodePng: <buffer>: expected PNG data, got empty input (0 bytes)'));
    await expect(decodePng(Uint8Array.of(1, 2, 3))).rejects.toThrow(new ImageError('decodePng: <buffer>: expected PNG data, got data in no supported format'));
  });
});

describe('decodeImage compared with torchvision 0.14 (measured)', () => {
  // torchvision's decode_image on the same files, in the generator. Where it and PIL differ, this
  // package follows PIL (what `pilToTensor(Image.open(f).convert(m))` gives in torchvision).
  const modeOf = { UNCHANGED: 'unchanged', GRAY: 'gray', GRAY_ALPHA: 'gray_alpha', RGB: 'rgb', RGB_ALPHA: 'rgb_alpha' } as const;
  const cases = Object.entries(ioFixtures).flatMap(([name, fx]) =>
    Object.entries(fx.torchvision ?? {})
      .filter(([, tv]) => tv.data !== undefined || tv.unstable)
      .map(([m, tv]) => [name, m, tv] as const),
  );

  it.each(cases)('%s %s', async (name, m, tv) => {
    const ours = await decodeImage(fixtureBytes(name), { mode: modeOf[m as keyof typeof modeOf] });
    const palette = /_pal/.test(name);
    if (m === 'UNCHANGED' && palette) {
      expect(tv.shape![0]).toBe(1); // torchvision returns the palette indices
      expect(ours.shape[0]).toBe(/trns/.test(name) ? 4 : 3);
      return;
    }
    if (tv.unstable) {
      // torchvision 0.14 reads uninitialised memory for 1/2/4-bit palettes and for palettes
      // without tRNS in the alpha modes: its output changes from run to run, so the generator
      // stores only the shape.
      expect(ours.shape.slice(1)).toEqual(tv.shape!.slice(1));
      return;
    }
    if (name === 'jpeg_cmyk.jpg') {
      expect(tv.shape![0]).toBe(4); // torchvision returns the raw CMYK samples; PIL's RGB conversion here
      expect(ours.shape[0]).toBe(3);
      return;
    }
    expect(ours.shape).toEqual(tv.shape);
    const d = diff(ours.dataSync(), pixels(tv.data!));
    const broken = /gray[124]|pal[148]\.png|gray8_trns|rgb8_trns/.test(name);
    if (m === 'GRAY' || (m === 'GRAY_ALPHA' && !broken)) {
      // torchvision's JPEG GRAY is libjpeg's Y plane (before chroma upsampling), PNG's is libpng's
      // rgb_to_gray (other weights, other rounding); PIL's is L24 luma of the RGB pixels.
      expect(d.max).toBeLessThanOrEqual(name.endsWith('.jpg') ? 11 : 1);
    } else if (m.endsWith('ALPHA') && broken) {
      // torchvision 0.14 gets these wrong or ignores tRNS: low-bit gray alpha modes read unexpanded
      // samples, palette RGB_ALPHA ignores the palette's alpha, a tRNS colour key gives alpha 255.
      expect(d.max).toBeGreaterThan(0);
    } else {
      expect(d.max).toBe(0);
    }
  });
});

describe('decodeImage arguments', () => {
  it('refuses an unknown mode, a bad maxPixels and non-bytes', async () => {
    const png = fixtureBytes('png_rgb8.png');
    await expect(decodeImage(png, { mode: 'RGB' as ImageReadMode })).rejects.toThrow(
      new ValueError(`decodeImage: mode must be an ImageReadMode ('unchanged', 'gray', 'gray_alpha', 'rgb', 'rgb_alpha'), got "RGB"`),
    );
    await expect(decodeImage(png, { maxPixels: -1 })).rejects.toThrow(new ValueError('decodeImage: maxPixels must be a positive integer, Infinity or null (no limit), got -1'));
    await expect(decodeImage('cat.png' as unknown as Uint8Array)).rejects.toThrow(new ArgumentTypeError('decodeImage: expected the encoded image as a Uint8Array or ArrayBuffer, got string cat.png'));
  });

  it.each(backends)('takes an ArrayBuffer, a pooled Buffer and a view into a larger buffer (%s)', async (backend) => {
    setImageBackend(backend);
    try {
      for (const name of ['png_rgb8.png', 'jpeg_420.jpg', 'webp_lossy.webp', 'tiff_rgb_lzw.tif']) {
        const bytes = fixtureBytes(name);
        const padded = new Uint8Array(bytes.length + 10);
        padded.set(bytes, 5);
        // Buffer.from(string) comes from Node's pool: a view at an offset into a larger buffer,
        // whose slice() does not copy
        const pooled = Buffer.from(Buffer.from(bytes).toString('latin1'), 'latin1');
        const a = await decodeImage(bytes.slice().buffer);
        for (const input of [pooled, padded.subarray(5, 5 + bytes.length)]) {
          expect((await decodeImage(input)).dataSync(), name).toEqual(a.dataSync());
        }
      }
    } finally {
      resetImageBackend();
    }
  });
});

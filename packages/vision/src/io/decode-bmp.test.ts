import { ArgumentTypeError, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { fixtureBytes, fixturesOf, pixels } from '../../test/io/io-fixtures';
import { ImageError } from '../errors/image-error';
import { decodeBmp } from './decode-bmp';

/** A BMP file: 14-byte file header, 40-byte info header, palette, pixels. */
function bmp(width: number, height: number, bits: number, pixelData: Uint8Array, options: { palette?: number[][]; compression?: number; masks?: number[] } = {}): Uint8Array {
  const palette = options.palette ?? [];
  const masks = options.masks ?? [];
  const offset = 54 + masks.length * 4 + palette.length * 4;
  const out = new Uint8Array(offset + pixelData.length);
  const v = new DataView(out.buffer);
  out.set([0x42, 0x4d]);
  v.setUint32(2, out.length, true);
  v.setUint32(10, offset, true);
  v.setUint32(14, 40, true);
  v.setInt32(18, width, true);
  v.setInt32(22, height, true);
  v.setUint16(26, 1, true);
  v.setUint16(28, bits, true);
  v.setUint32(30, options.compression ?? 0, true);
  v.setUint32(46, palette.length, true);
  masks.forEach((m, i) => v.setUint32(54 + i * 4, m, true));
  palette.forEach(([r, g, b], i) => out.set([b!, g!, r!, 0], 54 + masks.length * 4 + i * 4));
  out.set(pixelData, offset);
  return out;
}

describe('decodeBmp', () => {
  it.each(fixturesOf('bmp').map(([name, fx]) => [name, fx.note, fx] as const))('decodes %s (%s) to PIL 9.4 pixels', (name, _, fx) => {
    for (const mode of ['L', 'RGB', 'RGBA'] as const) {
      const img = decodeBmp(fixtureBytes(name), { mode });
      expect(img.size).toEqual([fx.width, fx.height]);
      expect(img.data).toEqual(pixels(fx.convert[mode]));
    }
    expect(decodeBmp(fixtureBytes(name)).mode).toBe(fx.pilMode === 'RGBA' ? 'RGBA' : fx.pilMode === 'L' || fx.pilMode === '1' ? 'L' : 'RGB');
  });

  it('follows an RLE8 delta as the BMP format says (Pillow 9.4 misreads it)', () => {
    // The bytes of bmp_rle8_delta.bmp, on a gray palette so the pixels are the indices. Pillow 9.4
    // reads two extra bytes after a delta, and gives zeros from there on.
    const rle = Uint8Array.of(3, 1, 5, 2, 0, 0, 0, 2, 2, 1, 4, 4, 2, 8, 0, 0, 8, 5, 8, 6, 0, 1);
    const gray = Array.from({ length: 16 }, (_, i) => [i, i, i]);
    const img = decodeBmp(bmp(8, 4, 8, rle, { palette: gray, compression: 1 }));
    expect(img.mode).toBe('L');
    // Row 0 (bottom) 1 1 1 2 2 2 2 2; at row 1, x 0 the delta moves right 2 and up 1 (row 1 stays
    // 0) to row 2, x 2: 4 4 4 4 8 8; end of line (already at the end); row 3: 8 x 5, which fills
    // the image (the 8 x 6 run and the end of bitmap are not needed). Top to bottom:
    expect(Array.from(img.data)).toEqual([5, 5, 5, 5, 5, 5, 5, 5, 0, 0, 4, 4, 4, 4, 8, 8, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2]);
    expect(decodeBmp(fixtureBytes('bmp_rle8_delta.bmp')).size).toEqual([8, 4]);
  });

  it('decodes an odd-length RLE4 absolute run in full (Pillow 9.4 drops its last pixel)', () => {
    // 4x1: absolute run of 3 pixels (1 2 3, padded to a word), then 1 x 15; end of bitmap
    const data = Uint8Array.of(0, 3, 0x12, 0x30, 1, 0xf0, 0, 1);
    const gray = Array.from({ length: 16 }, (_, i) => [i, i, i]);
    const img = decodeBmp(bmp(4, 1, 4, data, { palette: gray, compression: 2 }));
    expect(img.mode).toBe('L');
    expect(Array.from(img.data)).toEqual([1, 2, 3, 15]);
  });

  it('decodes any BI_BITFIELDS masks, scaling each field to 8 bits as PIL does', () => {
    // 2x1, 16-bit 4-4-4 RGB (a layout PIL refuses): masks after the 40-byte header
    const px = new Uint8Array(4);
    new DataView(px.buffer).setUint16(0, 0xf0a5, true);
    new DataView(px.buffer).setUint16(2, 0x0fff, true);
    const file = bmp(2, 1, 16, px, { compression: 3, masks: [0x0f00, 0x00f0, 0x000f] });
    const img = decodeBmp(file);
    expect(img.mode).toBe('RGB');
    expect(Array.from(img.data)).toEqual([0, 170, 85, 255, 255, 255]);
  });

  it('throws an ImageError naming the source for bad files', () => {
    const opts = { source: 'patches0001.bmp' };
    const err = (problem: string) => new ImageError(`decodeBmp: patches0001.bmp: ${problem}`);
    expect(() => decodeBmp(fixtureBytes('bmp_24.bmp').slice(0, 10), opts)).toThrow(err('truncated BMP: 10 bytes, less than the file header'));
    const hdr = fixtureBytes('bmp_24.bmp').slice();
    hdr[14] = 52;
    expect(() => decodeBmp(hdr, opts)).toThrow(err('unsupported BMP: header size 52 (expected 12, 40, 64, 108, 124)'));
    const bits = fixtureBytes('bmp_24.bmp').slice();
    bits[28] = 2;
    expect(() => decodeBmp(bits, opts)).toThrow(err('unsupported BMP: 2-bit pixels'));
    const jpeg = fixtureBytes('bmp_24.bmp').slice();
    jpeg[30] = 4;
    expect(() => decodeBmp(jpeg, opts)).toThrow(err('unsupported BMP: BI_JPEG with 24-bit pixels'));
    const rle = fixtureBytes('bmp_rle8.bmp').slice(0, -8);
    expect(() => decodeBmp(rle, opts)).toThrow(err('truncated or corrupt BMP: the RLE8 data ends after 24 of 32 pixels'));
    expect(() => decodeBmp(fixtureBytes('png_rgb8.png'), opts)).toThrow(err('expected BMP data, got PNG data'));
    expect(() => decodeBmp(fixtureBytes('bmp_24.bmp'), { ...opts, maxPixels: 34 })).toThrow(
      err('the BMP header claims 7x5 = 35 pixels, more than the limit of 34 (maxPixels; raise it with { maxPixels } or setMaxImagePixels() if the file is trusted)'),
    );
  });

  it('refuses bad arguments', () => {
    expect(() => decodeBmp([1, 2] as unknown as Uint8Array)).toThrow(new ArgumentTypeError('decodeBmp: expected the encoded image as a Uint8Array or ArrayBuffer, got an object (Array)'));
    expect(() => decodeBmp(fixtureBytes('bmp_24.bmp'), { mode: 'LA' as 'L' })).toThrow(new ValueError(`decodeBmp: mode must be 'L', 'RGB' or 'RGBA', got "LA"`));
  });

  it('decodes a 1024x1024 gray patch sheet (PhotoTour) quickly and synchronously', () => {
    const side = 1024;
    const data = new Uint8Array(side * side);
    for (let i = 0; i < data.length; i++) data[i] = (i * 7) & 255;
    const gray = Array.from({ length: 256 }, (_, i) => [i, i, i]);
    const file = bmp(side, side, 8, data, { palette: gray });
    const t0 = performance.now();
    const img = decodeBmp(file);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(img.mode).toBe('L');
    // bottom-up: the file's first row is the image's last
    expect(img.data[(side - 1) * side + 1]).toBe(7);
  });
});

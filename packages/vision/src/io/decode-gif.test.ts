import { describe, expect, it } from 'vitest';
import { fixtureBytes, fixturesOf, pixels } from '../../test/io/io-fixtures';
import { ImageError } from '../errors/image-error';
import { decodeGif } from './decode-gif';

/** A GIF89a: 2x2 screen, a 4-colour global palette, one 2x2 frame coded by `codes` (3-bit LZW codes). */
function gif(codes: number[], minSize = 2): Uint8Array {
  let bits = 0;
  let n = 0;
  const data: number[] = [];
  for (const c of codes) {
    bits |= c << n;
    n += minSize + 1;
    while (n >= 8) {
      data.push(bits & 255);
      bits >>= 8;
      n -= 8;
    }
  }
  if (n > 0) data.push(bits & 255);
  const palette = [0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255];
  return Uint8Array.from([
    ...'GIF89a'.split('').map((c) => c.charCodeAt(0)),
    2, 0, 2, 0, 0xf1, 0, 0,
    ...palette,
    0x2c, 0, 0, 0, 0, 2, 0, 2, 0, 0,
    minSize, data.length, ...data, 0,
    0x3b,
  ]);
}

describe('decodeGif', () => {
  it.each(fixturesOf('gif').map(([name, fx]) => [name, fx.note, fx] as const))('decodes the first frame of %s (%s) as PIL 9.4', (name, _, fx) => {
    for (const mode of ['L', 'RGB', 'RGBA'] as const) {
      const img = decodeGif(fixtureBytes(name), { mode });
      expect(img.size).toEqual([fx.width, fx.height]);
      expect(img.data).toEqual(pixels(fx.convert[mode]));
    }
  });

  it('decodes LZW codes, including a code defined by the code itself (KwKwK)', () => {
    // clear(4), 1, 6 (= 1 1, defined by this very code), 2, eoi(5): pixels 1 1 1 2
    const img = decodeGif(gif([4, 1, 6, 2, 5]), { mode: 'RGB' });
    expect(Array.from(img.data)).toEqual([255, 0, 0, 255, 0, 0, 255, 0, 0, 0, 255, 0]);
  });

  it('keeps the background (index 0) where the code stream ends early, as PIL', () => {
    const img = decodeGif(gif([4, 3, 5]), { mode: 'RGB' });
    expect(Array.from(img.data)).toEqual([0, 0, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('throws an ImageError for a code that is not in the table, a bad code size and a truncated file', () => {
    expect(() => decodeGif(gif([4, 1, 7, 5]))).toThrow(new ImageError('decodeGif: <buffer>: corrupt GIF: LZW code 7 is not in the table (next free code 6)'));
    expect(() => decodeGif(gif([4, 6, 5]))).toThrow(new ImageError('decodeGif: <buffer>: corrupt GIF: LZW code 6 right after a clear code'));
    const badSize = gif([4, 1, 5]);
    badSize[35] = 12;
    expect(() => decodeGif(badSize)).toThrow(new ImageError('decodeGif: <buffer>: corrupt GIF: LZW minimum code size 12 (expected 1..11)'));
    expect(() => decodeGif(fixtureBytes('gif_basic.gif').slice(0, 20), { source: 'a.gif' })).toThrow(new ImageError('decodeGif: a.gif: truncated GIF: the file ends inside the global colour table'));
    expect(() => decodeGif(fixtureBytes('gif_basic.gif').slice(0, 6))).toThrow(new ImageError('decodeGif: <buffer>: truncated GIF: 6 bytes, less than the 13-byte header'));
    const noImage = Uint8Array.from([...fixtureBytes('gif_basic.gif').slice(0, 13 + 48), 0x3b]);
    expect(() => decodeGif(noImage)).toThrow(new ImageError('decodeGif: <buffer>: corrupt GIF: no image before the trailer'));
    expect(() => decodeGif(fixtureBytes('jpeg_420.jpg'))).toThrow(new ImageError('decodeGif: <buffer>: expected GIF data, got JPEG data'));
  });

  it('grows the canvas to a frame that passes the screen, and checks it against maxPixels', () => {
    const b = gif([4, 1, 6, 2, 5]);
    b[6] = 1; // screen 1x2: the 2x2 frame grows it back to 2x2
    expect(decodeGif(b).size).toEqual([2, 2]);
    b[30] = 200; // frame width 200 (its pixels past the code stream stay background)
    expect(decodeGif(b).size).toEqual([200, 2]);
    expect(() => decodeGif(b, { maxPixels: 399 })).toThrow('decodeGif: <buffer>: the GIF header claims 200x2 = 400 pixels, more than the limit of 399');
  });
});

import type { Image } from '../../src/image/image';

/**
 * The bytes of an uncompressed Windows BMP (BITMAPINFOHEADER, bottom-up rows padded to 4 bytes)
 * holding `image`: mode `L` as 8 bits per pixel with a 256-level gray palette (the layout of
 * PhotoTour's patch sheets, which PIL opens as `L`), mode `RGB` as 24 bits per pixel (BGR).
 * For tests: real files in the real format, written without any decoder of this package.
 */
export function bmpBytes(image: Pick<Image, 'width' | 'height' | 'mode' | 'data'>): Uint8Array {
  const { width, height, mode, data } = image;
  if (mode !== 'L' && mode !== 'RGB') throw new Error(`bmpBytes: mode L or RGB, got ${mode}`);
  const channels = mode === 'L' ? 1 : 3;
  const stride = Math.ceil((width * channels) / 4) * 4;
  const paletteSize = mode === 'L' ? 256 * 4 : 0;
  const offset = 14 + 40 + paletteSize;
  const out = new Uint8Array(offset + stride * height);
  const view = new DataView(out.buffer);
  out[0] = 0x42; // 'B'
  out[1] = 0x4d; // 'M'
  view.setUint32(2, out.length, true);
  view.setUint32(10, offset, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, width, true);
  view.setInt32(22, height, true); // positive: bottom-up
  view.setUint16(26, 1, true);
  view.setUint16(28, channels * 8, true);
  view.setUint32(30, 0, true); // BI_RGB
  view.setUint32(34, stride * height, true);
  view.setInt32(38, 2835, true);
  view.setInt32(42, 2835, true);
  view.setUint32(46, mode === 'L' ? 256 : 0, true);
  if (mode === 'L') {
    for (let i = 0; i < 256; i++) out.set([i, i, i, 0], 54 + i * 4);
  }
  for (let y = 0; y < height; y++) {
    const row = offset + (height - 1 - y) * stride;
    for (let x = 0; x < width; x++) {
      const s = (y * width + x) * channels;
      if (channels === 1) out[row + x] = data[s]!;
      else {
        out[row + x * 3] = data[s + 2]!;
        out[row + x * 3 + 1] = data[s + 1]!;
        out[row + x * 3 + 2] = data[s]!;
      }
    }
  }
  return out;
}

/** The bytes of a binary PGM (`P5`, maxval 255) holding an `L` image. */
export function pgmBytes(image: Pick<Image, 'width' | 'height' | 'mode' | 'data'>): Uint8Array {
  if (image.mode !== 'L') throw new Error(`pgmBytes: mode L, got ${image.mode}`);
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.data.length);
  out.set(header);
  out.set(image.data, header.length);
  return out;
}

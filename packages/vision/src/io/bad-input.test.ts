import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixPngCrcs, fixtureBytes, sharpLoads } from '../../test/io/io-fixtures';
import { ImageError } from '../errors/image-error';
import { decodeImage } from './decode-image';
import { setImageBackend } from './image-backend';
import { resetImageBackend } from './internal/backend-state';
import { DEFAULT_MAX_IMAGE_PIXELS, getMaxImagePixels, setMaxImagePixels } from './max-image-pixels';
import { readImage } from './read-image';

function cut(name: string, fraction: number): Uint8Array {
  const b = fixtureBytes(name);
  return b.slice(0, Math.floor(b.length * fraction));
}

function scramble(name: string, at: number, length: number): Uint8Array {
  const b = fixtureBytes(name).slice();
  for (let i = at; i < at + length && i < b.length; i++) b[i] ^= 0x5a;
  return b;
}

/** A PNG whose IHDR claims `width` x `height` (with a correct CRC, as a crafted file has). */
function lyingPng(width: number, height: number): Uint8Array {
  const b = fixtureBytes('png_rgb8.png').slice();
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  return fixPngCrcs(b);
}

/** A JPEG whose frame header claims `width` x `height`. */
function lyingJpeg(width: number, height: number): Uint8Array {
  const b = fixtureBytes('jpeg_420.jpg').slice();
  let at = 2;
  while (!(b[at + 1]! >= 0xc0 && b[at + 1]! <= 0xc2)) at += 2 + ((b[at + 2]! << 8) | b[at + 3]!);
  new DataView(b.buffer).setUint16(at + 5, height);
  new DataView(b.buffer).setUint16(at + 7, width);
  return b;
}

/** A BMP whose info header claims `width` x `height`. */
function lyingBmp(width: number, height: number): Uint8Array {
  const b = fixtureBytes('bmp_24.bmp').slice();
  new DataView(b.buffer).setInt32(18, width, true);
  new DataView(b.buffer).setInt32(22, height, true);
  return b;
}

const at = (problem: string | RegExp) => (typeof problem === 'string' ? new ImageError(`decodeImage: <buffer>: ${problem}`) : problem);

const backends = (['sharp', 'wasm'] as const).filter((b) => b === 'wasm' || sharpLoads());

describe.each(backends)('bad input on the %s backend', (backend) => {
  beforeAll(() => setImageBackend(backend));
  afterAll(() => resetImageBackend());

  it('refuses empty and unknown data', async () => {
    await expect(decodeImage(new Uint8Array(0))).rejects.toThrow(at('empty input (0 bytes), not an image'));
    await expect(decodeImage(new TextEncoder().encode('hello, world'))).rejects.toThrow(
      at('not an image in a supported format (JPEG, PNG, WebP, GIF, BMP, TIFF): the data starts with 68 65 6c 6c 6f 2c 20 77'),
    );
  });

  it('refuses truncated files of every format', async () => {
    const sharp = backend === 'sharp';
    const cases: [Uint8Array, string | RegExp][] = [
      [cut('jpeg_64x48_q75.jpg', 0.1), 'truncated JPEG: the file (169 bytes) ends before the frame header (SOF)'],
      [cut('jpeg_64x48_q75.jpg', 0.6), sharp ? 'cannot decode the JPEG data (VipsJpeg: premature end of JPEG image)' : 'truncated JPEG: the data ends early (Premature end of JPEG file)'],
      [cut('jpeg_64x48_q75.jpg', 0.99), sharp ? 'cannot decode the JPEG data (VipsJpeg: premature end of JPEG image)' : 'truncated JPEG: the data ends early (Premature end of JPEG file)'],
      [cut('png_rgb8.png', 0.6), "truncated PNG: the 'IDAT' chunk at byte 203 needs 171 bytes, the file ends 28 bytes into it"],
      [cut('png_rgb8.png', 0.05), 'truncated PNG: 19 bytes, less than the signature and IHDR chunk (33 bytes)'],
      [cut('webp_lossy.webp', 0.6), sharp ? /^decodeImage: <buffer>: cannot decode the WebP data \(.*webp.*\)$/ : 'corrupt WebP (Decoding error)'],
      [cut('tiff_rgb_lzw.tif', 0.6), 'truncated TIFF: the first IFD offset 222 is outside the 212-byte file'],
      [cut('gif_noise.gif', 0.6), 'truncated GIF: the file ends inside a data block'],
      [cut('bmp_24.bmp', 0.6), 'truncated BMP: 7x5 24-bit pixels need 120 bytes from byte 54, the file has 50'],
    ];
    for (const [bytes, problem] of cases) await expect(decodeImage(bytes)).rejects.toThrow(at(problem));
  });

  it('refuses corrupt data with an ImageError, or decodes what PIL decodes', async () => {
    // Scan data with wrong bits decodes to wrong pixels (libjpeg and PIL do the same).
    expect((await decodeImage(scramble('jpeg_64x48_q75.jpg', 900, 50))).shape).toEqual([3, 48, 64]);
    // libpng (sharp) checks every chunk's CRC; for the wasm decoder, which does not, the probe does
    await expect(decodeImage(scramble('png_rgb8.png', 100, 20))).rejects.toThrow(
      at(backend === 'sharp' ? 'cannot decode the PNG data (vipspng: libpng read error)' : "corrupt PNG: the 'IDAT' chunk at byte 33 fails its CRC check"),
    );
    // with the CRCs made to match, the broken deflate data itself is refused
    await expect(decodeImage(fixPngCrcs(scramble('png_rgb8.png', 100, 20)))).rejects.toThrow(
      at(backend === 'sharp' ? /^decodeImage: <buffer>: cannot decode the PNG data \(.+\)$/ : 'corrupt PNG: the wasm PNG decoder rejects the data (bad compressed data, or too little of it)'),
    );
    await expect(decodeImage(scramble('gif_noise.gif', 900, 50))).rejects.toThrow(at('corrupt GIF: LZW code 389 is not in the table (next free code 353)'));
    const png = fixtureBytes('png_rgb8.png').slice();
    png[25] = 5; // colour type 5 does not exist
    await expect(decodeImage(png)).rejects.toThrow(at("corrupt PNG: the 'IHDR' chunk at byte 8 fails its CRC check"));
    await expect(decodeImage(fixPngCrcs(png))).rejects.toThrow(at('corrupt PNG: bit depth 8 with colour type 5 is not a valid combination'));
    const pal = fixtureBytes('png_pal8.png').slice();
    pal[45] ^= 1; // a palette entry
    await expect(decodeImage(pal)).rejects.toThrow(at("corrupt PNG: the 'PLTE' chunk at byte 33 fails its CRC check"));
  });

  it('refuses lying headers before allocating, by the pixel limit or by what the file can hold', async () => {
    await expect(decodeImage(lyingPng(100_000, 100_000))).rejects.toThrow(
      at('the PNG header claims 100000x100000 = 10000000000 pixels, more than the limit of 178956970 (maxPixels; raise it with { maxPixels } or setMaxImagePixels() if the file is trusted)'),
    );
    // Within the limit, but 317 bytes of deflate data cannot hold 300 MB of pixels.
    await expect(decodeImage(lyingPng(10_000, 10_000))).rejects.toThrow(
      at('truncated or corrupt PNG: the header claims 10000x10000 (300010000 bytes of pixel data), more than its 317 bytes of compressed data can hold (deflate expands at most 1032x)'),
    );
    await expect(decodeImage(lyingJpeg(65_000, 65_000))).rejects.toThrow(at(/^decodeImage: <buffer>: the JPEG header claims 65000x65000 = 4225000000 pixels, more than the limit of 178956970/));
    await expect(decodeImage(lyingJpeg(8_000, 8_000))).rejects.toThrow(
      at('truncated or corrupt JPEG: the header claims 8000x8000 (1000000 8x8 blocks), more than 903 bytes of Huffman-coded data can hold (each block costs at least 1 bit)'),
    );
    await expect(decodeImage(lyingBmp(70_000, 70_000))).rejects.toThrow(at(/^decodeImage: <buffer>: the BMP header claims 70000x70000 = 4900000000 pixels, more than the limit/));
    await expect(decodeImage(lyingBmp(5_000, 5_000))).rejects.toThrow(at('truncated BMP: 5000x5000 24-bit pixels need 75000000 bytes from byte 54, the file has 120'));
  });

  it('takes a lower maxPixels per call', async () => {
    await expect(decodeImage(fixtureBytes('jpeg_420.jpg'), { maxPixels: 100 })).rejects.toThrow(
      at('the JPEG header claims 19x13 = 247 pixels, more than the limit of 100 (maxPixels; raise it with { maxPixels } or setMaxImagePixels() if the file is trusted)'),
    );
    await expect(decodeImage(fixtureBytes('gif_basic.gif'), { maxPixels: 119 })).rejects.toThrow(at(/the GIF header claims 12x10 = 120 pixels, more than the limit of 119/));
    expect((await decodeImage(fixtureBytes('jpeg_420.jpg'), { maxPixels: 247 })).shape).toEqual([3, 13, 19]);
    expect((await decodeImage(lyingPng(11, 9), { maxPixels: null })).shape).toEqual([3, 9, 11]);
  });
});

describe('setMaxImagePixels', () => {
  afterEach(() => setMaxImagePixels(DEFAULT_MAX_IMAGE_PIXELS));

  it('sets the default limit, PIL decompression-bomb threshold first', async () => {
    expect(getMaxImagePixels()).toBe(178_956_970);
    setMaxImagePixels(186);
    expect(getMaxImagePixels()).toBe(186);
    await expect(decodeImage(fixtureBytes('webp_lossless.webp'))).rejects.toThrow(at(/the WebP header claims 17x11 = 187 pixels, more than the limit of 186/));
    await expect(decodeImage(fixtureBytes('tiff_rgb.tif'))).resolves.toBeDefined();
    setMaxImagePixels(10);
    await expect(decodeImage(fixtureBytes('tiff_rgb.tif'))).rejects.toThrow(at('the TIFF header claims 9x7 = 63 pixels, more than the limit of 10 (maxPixels; raise it with { maxPixels } or setMaxImagePixels() if the file is trusted)'));
    setMaxImagePixels(null);
    expect(getMaxImagePixels()).toBe(Number.POSITIVE_INFINITY);
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => setMaxImagePixels(0)).toThrow('setMaxImagePixels: maxPixels must be a positive integer, Infinity or null (no limit), got 0');
    expect(() => setMaxImagePixels(1.5)).toThrow('setMaxImagePixels: maxPixels must be a positive integer, Infinity or null (no limit), got 1.5');
  });
});

describe('readImage of a missing file', () => {
  it('rejects with an ImageError naming the path', async () => {
    await expect(readImage('/no/such/dir/cat.jpg')).rejects.toThrow(new ImageError('readImage: /no/such/dir/cat.jpg: cannot read the file (no such file)'));
  });
});

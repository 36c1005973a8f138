import { adaptChannels } from './adapt-channels';
import { exactArrayBuffer } from './image-bytes';
import { decodeCmykJpeg } from './cmyk-jpeg';
import { type DecodeContext, imageError } from './decode-context';
import type { ImageProbe } from './image-probe';
import type { RawImage } from './raw-image';
import { decodeTiff } from './tiff-decode';
import { jpegDecoder, pngDecoder, type RgbaPixels, webpDecoder } from './wasm-codecs';

/**
 * @internal Decodes JPEG (MozJPEG), PNG (the Rust `png` crate), WebP (libwebp) or TIFF (UTIF)
 * with the wasm codecs, to the same pixels as PIL: the codecs give RGBA, reshaped here to the
 * file's channels (CMYK JPEGs go to a JavaScript decoder, within 1 level of PIL). A JPEG that libjpeg reports as ending early ("Premature end of JPEG file",
 * which it only warns about) is refused as truncated, as PIL refuses it.
 */
export async function wasmDecode(bytes: Uint8Array, probe: ImageProbe, ctx: DecodeContext): Promise<RawImage> {
  if (probe.format === 'tiff') return decodeTiff(bytes, probe, ctx);
  const buffer = exactArrayBuffer(bytes);
  if (probe.format === 'png') return decodePng(buffer, probe, ctx);
  if (probe.cmyk) return decodeCmykJpeg(bytes, ctx);
  const decode = await (probe.format === 'jpeg' ? jpegDecoder() : webpDecoder());
  const { result, error, messages } = await decode(buffer);
  const what = probe.format === 'jpeg' ? 'JPEG' : 'WebP';
  if (messages.some((m) => m.includes('Premature end of JPEG file'))) throw imageError(ctx, `truncated ${what}: the data ends early (${messages.join('; ')})`);
  if (result === undefined) {
    const detail = messages.length > 0 ? messages.join('; ') : error instanceof Error ? error.message : String(error);
    throw imageError(ctx, `corrupt ${what} (${detail})`, error);
  }
  return fromRgba(result, probe, ctx);
}

async function decodePng(buffer: ArrayBuffer, probe: ImageProbe, ctx: DecodeContext): Promise<RawImage> {
  const codec = await pngDecoder();
  // 16-bit gray is PIL mode I, whose conversion to 8 bits clips at 255 (the png crate would keep the high byte).
  const gray16 = probe.bitDepth === 16 && (probe.channels === 1 || (probe.channels === 2 && probe.colorKey));
  let pixels: RgbaPixels;
  try {
    pixels = await codec.decode(buffer, { bitDepth: gray16 ? 16 : 8 });
  } catch (error) {
    // The png crate's errors reach JavaScript as "`unwrap_throw` failed": no detail to give.
    throw imageError(ctx, 'corrupt PNG: the wasm PNG decoder rejects the data (bad compressed data, or too little of it)', error);
  }
  if (gray16) {
    const n = pixels.width * pixels.height;
    const src = pixels.data;
    const out = new Uint8Array(n * 4);
    for (let p = 0; p < n; p++) {
      out[p * 4] = Math.min(255, src[p * 4]!);
      out[p * 4 + 3] = src[p * 4 + 3]! >> 8;
    }
    return adaptChannels(out, 4, pixels.width, pixels.height, probe);
  }
  return fromRgba(pixels, probe, ctx);
}

function fromRgba(pixels: RgbaPixels, probe: ImageProbe, ctx: DecodeContext): RawImage {
  const { width, height, data } = pixels;
  if (data.length !== width * height * 4 || !(data instanceof Uint8ClampedArray || data instanceof Uint8Array)) {
    throw imageError(ctx, `the ${probe.format} codec returned ${data.length} samples for ${width}x${height} RGBA`);
  }
  return adaptChannels(new Uint8Array(data.buffer, data.byteOffset, data.length), 4, width, height, probe);
}

import { ImageError } from '../../errors/image-error';
import { activeSharp } from './active-sharp';
import { plainBytes } from './image-bytes';
import { encodePngBytes } from './png-encoder';
import type { RawImage } from './raw-image';
import type { Sharp } from './sharp-loader';
import { jpegEncoder } from './wasm-codecs';

/** sharp over raw pixels; gray stays gray (libvips would otherwise write gray as sRGB). */
function sharpOf(sharp: Sharp, raw: RawImage) {
  const data = Buffer.from(raw.data.buffer, raw.data.byteOffset, raw.data.byteLength);
  const pipeline = sharp(data, { raw: { width: raw.width, height: raw.height, channels: raw.channels } });
  return raw.channels <= 2 ? pipeline.toColourspace('b-w') : pipeline;
}

/**
 * @internal A baseline JPEG (quality 1..100, 4:2:0 chroma like PIL's and libjpeg's defaults, the
 * standard Annex K quantisation tables): libvips' MozJPEG build or the wasm MozJPEG.
 */
export async function encodeJpegRaw(raw: RawImage, quality: number, op: string): Promise<Uint8Array> {
  const sharp = activeSharp();
  if (sharp !== null) {
    const out = await sharpOf(sharp, raw).jpeg({ quality, chromaSubsampling: '4:2:0' }).toBuffer();
    return plainBytes(out);
  }
  const n = raw.width * raw.height;
  const rgba = new Uint8ClampedArray(n * 4);
  for (let p = 0; p < n; p++) {
    const s = p * raw.channels;
    const gray = raw.channels === 1;
    rgba[p * 4] = raw.data[s]!;
    rgba[p * 4 + 1] = raw.data[gray ? s : s + 1]!;
    rgba[p * 4 + 2] = raw.data[gray ? s : s + 2]!;
    rgba[p * 4 + 3] = 255;
  }
  const encode = await jpegEncoder();
  const options = {
    quality,
    baseline: false,
    arithmetic: false,
    progressive: false,
    optimize_coding: true,
    smoothing: 0,
    color_space: raw.channels === 1 ? 1 : 3, // MozJpegColorSpace GRAYSCALE / YCbCr
    quant_table: 0, // JPEG Annex K, as libjpeg
    trellis_multipass: false,
    trellis_opt_zero: false,
    trellis_opt_table: false,
    trellis_loops: 1,
    auto_subsample: false,
    chroma_subsample: 2,
    separate_chroma_quality: false,
    chroma_quality: quality,
  };
  const { result, error, messages } = await encode({ data: rgba, width: raw.width, height: raw.height }, options);
  if (result === undefined) throw new ImageError(`${op}: the wasm JPEG encoder failed (${messages.join('; ') || String(error)})`, { cause: error });
  return new Uint8Array(result);
}

/** @internal An 8-bit PNG at zlib level 0..9: libvips' libpng (adaptive filters) or this package's encoder. */
export async function encodePngRaw(raw: RawImage, compressionLevel: number): Promise<Uint8Array> {
  const sharp = activeSharp();
  if (sharp !== null) {
    const out = await sharpOf(sharp, raw).png({ compressionLevel, adaptiveFiltering: compressionLevel > 0 }).toBuffer();
    return plainBytes(out);
  }
  return encodePngBytes(raw, compressionLevel);
}

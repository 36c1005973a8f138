import { createRequire } from 'node:module';
import { cmykToRgb } from './cmyk';
import { type DecodeContext, imageError } from './decode-context';
import type { RawImage } from './raw-image';

interface JpegDecoder {
  width: number;
  height: number;
  parse(data: Uint8Array): void;
  getData(options: { width: number; height: number; forceRGB: boolean }): Uint8ClampedArray;
}

let Decoder: (new () => JpegDecoder) | undefined;

/**
 * @internal A CMYK (or YCCK) JPEG for the wasm backend, whose MozJPEG build only outputs RGB:
 * decoded by the JavaScript baseline/progressive decoder UTIF bundles (pdf.js's), then converted
 * with PIL's formula. Its IDCT rounds differently from libjpeg's: measured within 1 level of PIL.
 */
export function decodeCmykJpeg(bytes: Uint8Array, ctx: DecodeContext): RawImage {
  Decoder ??= (createRequire(import.meta.url)('utif2') as { JpegDecoder: new () => JpegDecoder }).JpegDecoder;
  const decoder = new Decoder();
  let cmyk: Uint8ClampedArray;
  try {
    decoder.parse(bytes);
    cmyk = decoder.getData({ width: decoder.width, height: decoder.height, forceRGB: false });
  } catch (error) {
    throw imageError(ctx, `corrupt CMYK JPEG (${error instanceof Error ? error.message : String(error)})`, error);
  }
  const { width, height } = decoder;
  if (cmyk.length !== width * height * 4) throw imageError(ctx, `corrupt CMYK JPEG: decoded ${cmyk.length} samples for ${width}x${height}x4`);
  return { width, height, channels: 3, data: cmykToRgb(new Uint8Array(cmyk.buffer, cmyk.byteOffset, cmyk.length), width * height) };
}

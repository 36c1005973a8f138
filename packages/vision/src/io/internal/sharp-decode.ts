import { adaptChannels } from './adapt-channels';
import { cmykToRgb } from './cmyk';
import { type DecodeContext, imageError } from './decode-context';
import { plainBytes } from './image-bytes';
import type { ImageProbe } from './image-probe';
import type { RawImage } from './raw-image';
import type { Sharp } from './sharp-loader';

/**
 * @internal Decodes JPEG, PNG, WebP or TIFF with sharp the way PIL does: embedded ICC profiles
 * ignored (`ignoreIcc`; libvips would otherwise convert to sRGB), no EXIF rotation, CMYK read raw
 * and converted with PIL's formula, gray kept as one channel (`b-w`; 16-bit gray, alone or with
 * a tRNS key, through `grey16`, whose cast to 8 bits clips at 255 as PIL's `I` -> `L` does). `failOn: 'error'`
 * rejects truncated data and broken chunks, and tolerates what libjpeg only warns about, as PIL.
 */
export async function sharpDecode(sharp: Sharp, bytes: Uint8Array, probe: ImageProbe, ctx: DecodeContext): Promise<RawImage> {
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pipeline = sharp(input, { ignoreIcc: true, failOn: 'error', limitInputPixels: Number.isFinite(ctx.maxPixels) ? ctx.maxPixels : false });
  if (probe.cmyk) pipeline = pipeline.pipelineColourspace('cmyk').toColourspace('cmyk');
  else if (probe.bitDepth === 16 && (probe.channels === 1 || (probe.channels === 2 && probe.colorKey))) pipeline = pipeline.toColourspace('grey16');
  else if (probe.channels === 1) pipeline = pipeline.toColourspace('b-w');
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  const { width, height, channels } = info;
  if (data.length !== width * height * channels) {
    throw imageError(ctx, `sharp returned ${data.length} bytes for ${width}x${height}x${channels}`);
  }
  const pixels = plainBytes(data);
  if (probe.cmyk) {
    if (channels !== 4) throw imageError(ctx, `sharp returned ${channels} channels for a CMYK ${probe.format.toUpperCase()}`);
    return { width, height, channels: 3, data: cmykToRgb(pixels, width * height) };
  }
  return adaptChannels(pixels, channels, width, height, probe);
}

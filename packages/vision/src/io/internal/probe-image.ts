import type { ImageFormat } from '../image-format';
import type { DecodeContext } from './decode-context';
import type { ImageProbe } from './image-probe';
import { probeJpeg } from './jpeg-probe';
import { probePng } from './png-probe';
import { probeTiff } from './tiff-probe';
import { probeWebp } from './webp-probe';

/**
 * @internal The header facts of a JPEG, PNG, WebP or TIFF (GIF and BMP decode on their own);
 * `forWasm` adds the checks the wasm codecs skip and libvips makes.
 */
export function probeImage(format: Exclude<ImageFormat, 'gif' | 'bmp'>, bytes: Uint8Array, ctx: DecodeContext, forWasm: boolean): ImageProbe {
  if (format === 'jpeg') return probeJpeg(bytes, ctx);
  if (format === 'png') return probePng(bytes, ctx, forWasm);
  if (format === 'webp') return probeWebp(bytes, ctx);
  return probeTiff(bytes, ctx);
}

import { ImageError } from '../../errors/image-error';
import type { ImageDecodeLimits } from '../image-decode-limits';
import { getMaxImagePixels } from '../max-image-pixels';
import { checkMaxPixels } from './check-max-pixels';

/** @internal Who is decoding what, for error messages, and the pixel limit that applies. */
export interface DecodeContext {
  /** The public function called (`readImage`, `decodeImage`, ...). */
  op: string;
  /** The file path, or `<buffer>` for bytes. */
  source: string;
  /** Largest width x height accepted. */
  maxPixels: number;
}

/** @internal The context of one decode call. */
export function decodeContext(op: string, options: ImageDecodeLimits | undefined, source?: string): DecodeContext {
  const maxPixels = options?.maxPixels === undefined ? getMaxImagePixels() : checkMaxPixels(options.maxPixels, op);
  return { op, source: source ?? options?.source ?? '<buffer>', maxPixels };
}

/** @internal An ImageError `op: source: problem`. */
export function imageError(ctx: DecodeContext, problem: string, cause?: unknown): ImageError {
  return new ImageError(`${ctx.op}: ${ctx.source}: ${problem}`, cause === undefined ? undefined : { cause });
}

/**
 * @internal Throws unless a header's size is a real image within the pixel limit (checked before
 * anything the size of the image is allocated).
 */
export function checkImageSize(ctx: DecodeContext, format: string, width: number, height: number): void {
  if (!(width > 0 && height > 0)) throw imageError(ctx, `the ${format} header gives an empty size ${width}x${height}`);
  const pixels = width * height;
  if (pixels > ctx.maxPixels) {
    throw imageError(
      ctx,
      `the ${format} header claims ${width}x${height} = ${pixels} pixels, more than the limit of ${ctx.maxPixels} (maxPixels; raise it with { maxPixels } or setMaxImagePixels() if the file is trusted)`,
    );
  }
}

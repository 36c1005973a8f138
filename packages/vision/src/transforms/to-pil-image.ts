import { ValueError, type Tensor } from '@dl/core';
import type { Image, ImageMode } from '../image/image';
import { toPilImage } from './functional/to-pil-image';
import { describeArg } from './internal/transform-args';
import { Transform } from './transform';

const MODES: readonly string[] = ['L', 'RGB', 'RGBA'];

/**
 * Converts a `[C, H, W]` (or `[H, W]`) tensor to an {@link Image}, keeping the value range: float32
 * in [0, 1] is scaled to 0..255, an int32 8-bit tensor is taken as it is (torchvision's
 * `ToPILImage`). The mode follows the channel count unless given.
 *
 * @param mode the mode the result must have (`'L'`, `'RGB'` or `'RGBA'`). @default from the channels
 * @example
 * ```ts
 * const img = new ToPILImage()(dl.rand([3, 8, 8])); // <Image mode=RGB size=8x8>
 * ```
 */
export class ToPILImage extends Transform<Tensor, Image> {
  /** The mode asked for, if any. */
  readonly mode: ImageMode | undefined;

  constructor(mode?: ImageMode) {
    super();
    if (mode !== undefined && !MODES.includes(mode)) {
      throw new ValueError(`ToPILImage: mode should be one of 'L', 'RGB', 'RGBA' (or left out), got ${describeArg(mode)}`);
    }
    this.mode = mode;
  }

  /** Converts `pic` with the functional `toPilImage`. */
  override forward(pic: Tensor): Image {
    return toPilImage(pic, this.mode);
  }

  protected override workerArgs(): readonly unknown[] {
    return this.mode === undefined ? [] : [this.mode];
  }

  /** `ToPILImage()` or `ToPILImage(mode=RGB)`. */
  override toString(): string {
    return this.mode === undefined ? 'ToPILImage()' : `ToPILImage(mode=${this.mode})`;
  }
}

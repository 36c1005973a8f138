import type { ImageInput } from './functional/internal/image-input';
import { pad } from './functional/pad';
import { ImageTransform } from './image-transform';
import { checkPadding, checkPadFill, checkPaddingMode, type PaddingMode } from './internal/pad-args';
import { pyValue } from './internal/py-repr';

/** Options of {@link Pad}. */
export interface PadOptions {
  /** The value (or one per channel) of a `'constant'` border. @default 0 */
  fill?: number | readonly number[];
  /**
   * `'constant'` (the fill), `'edge'` (the last pixel repeated), `'reflect'` (mirrored without the
   * edge: `[3, 2, 1, 2, 3, 4, 3, 2]`) or `'symmetric'` (mirrored with it: `[2, 1, 1, 2, 3, 4, 4, 3]`).
   * @default 'constant'
   */
  paddingMode?: PaddingMode;
}

/**
 * Pads an image on all sides (torchvision's `Pad`).
 *
 * @param padding one number for every side, `[leftRight, topBottom]`, or `[left, top, right, bottom]`.
 * @example
 * ```ts
 * new Pad(4, { paddingMode: 'reflect' })(img); // 8 pixels wider and taller
 * String(new Pad([1, 2])); // 'Pad(padding=[1, 2], fill=0, padding_mode=constant)'
 * ```
 */
export class Pad extends ImageTransform {
  /** The padding as given. */
  readonly padding: number | readonly number[];
  /** The constant fill. */
  readonly fill: number | readonly number[];
  /** The border mode. */
  readonly paddingMode: PaddingMode;

  constructor(padding: number | readonly number[], options: PadOptions = {}) {
    super();
    this.padding = checkPadding(padding, 'Pad');
    this.fill = checkPadFill(options.fill, 'Pad');
    this.paddingMode = checkPaddingMode(options.paddingMode, 'Pad');
  }

  /** Pads `img` with the functional `pad`. */
  override forward<T extends ImageInput>(img: T): T {
    return pad(img, this.padding, { fill: this.fill, paddingMode: this.paddingMode });
  }

  protected override workerArgs(): readonly unknown[] {
    return [this.padding, { fill: this.fill, paddingMode: this.paddingMode }];
  }

  /** `Pad(padding=4, fill=0, padding_mode=constant)`. */
  override toString(): string {
    return `Pad(padding=${pyValue(this.padding)}, fill=${pyValue(this.fill)}, padding_mode=${this.paddingMode})`;
  }
}

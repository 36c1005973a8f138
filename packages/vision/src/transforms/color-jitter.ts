import { ArgumentTypeError, ValueError } from '@dl/core';
import { adjustBrightness } from './functional/adjust-brightness';
import { adjustContrast } from './functional/adjust-contrast';
import { adjustHue } from './functional/adjust-hue';
import { adjustSaturation } from './functional/adjust-saturation';
import type { ImageInput } from './functional/internal/image-input';
import { ImageTransform } from './image-transform';
import { pyFloat, pyFloats, pyValue } from './internal/py-repr';
import { randperm, uniform } from './internal/random-draws';
import { describeArg } from './internal/transform-args';

/** A jitter amount: a number `v` (the factor is drawn from `[max(0, c - v), c + v]`) or `[min, max]`. */
export type JitterRange = number | readonly [number, number];

/** Options of {@link ColorJitter}. */
export interface ColorJitterOptions {
  /** How much to jitter brightness (non-negative). @default 0 */
  brightness?: JitterRange;
  /** How much to jitter contrast (non-negative). @default 0 */
  contrast?: JitterRange;
  /** How much to jitter saturation (non-negative). @default 0 */
  saturation?: JitterRange;
  /** How much to jitter hue: `0 <= hue <= 0.5`, or `[min, max]` within [-0.5, 0.5]. @default 0 */
  hue?: JitterRange;
}

/** What {@link ColorJitter.getParams} draws: the order of the four adjustments and each factor (null when off). */
export type ColorJitterParams = [order: number[], brightness: number | null, contrast: number | null, saturation: number | null, hue: number | null];

interface Range {
  value: [number, number] | null;
  repr: string;
}

function boundRepr(bound: readonly [number, number]): string {
  return `(${bound.map((b) => pyFloat(b).replace(/\.0$/, '')).join(', ')})`;
}

function checkInput(value: unknown, name: string, center: number, bound: readonly [number, number], clipFirstOnZero: boolean): Range {
  let range: [number, number];
  let repr: string;
  if (typeof value === 'number') {
    if (!(value >= 0)) throw new ValueError(`ColorJitter: If ${name} is a single number, it must be non negative, got ${value}`);
    range = [center - value, center + value];
    if (clipFirstOnZero) range[0] = Math.max(range[0], 0);
    // torchvision checks this only when hue is drawn; a range that cannot work is known here.
    if (range[0] < bound[0] || range[1] > bound[1]) throw new ValueError(`ColorJitter: ${name} values should be between ${boundRepr(bound)}, got ${value} (the range [${range[0]}, ${range[1]}])`);
    repr = pyFloats(range, 'list');
  } else if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number')) {
    const [lo, hi] = value as [number, number];
    if (!(bound[0] <= lo && lo <= hi && hi <= bound[1])) {
      throw new ValueError(`ColorJitter: ${name} values should be between ${boundRepr(bound)}, got [${lo}, ${hi}]`);
    }
    range = [lo, hi];
    repr = pyValue(range);
  } else {
    throw new ArgumentTypeError(`ColorJitter: ${name} should be a single number or a list/tuple with length 2, got ${describeArg(value)}`);
  }
  return range[0] === center && range[1] === center ? { value: null, repr: 'None' } : { value: range, repr };
}

/**
 * Randomly changes the brightness, contrast, saturation and hue of an image (torchvision's
 * `ColorJitter`): each factor is drawn uniformly from its range and the four adjustments run in a
 * random order. Hue jitter needs non-negative pixel values (before `Normalize`). One set of draws
 * per call (a batch shares it), from @dl/core's default generator.
 *
 * @example
 * ```ts
 * const t = new ColorJitter({ brightness: 0.4, contrast: 0.4, saturation: 0.4, hue: 0.1 });
 * String(t); // 'ColorJitter(brightness=[0.6, 1.4], contrast=[0.6, 1.4], saturation=[0.6, 1.4], hue=[-0.1, 0.1])'
 * ```
 */
export class ColorJitter extends ImageTransform {
  /** The brightness factor range, or null (off). */
  readonly brightness: readonly [number, number] | null;
  /** The contrast factor range, or null (off). */
  readonly contrast: readonly [number, number] | null;
  /** The saturation factor range, or null (off). */
  readonly saturation: readonly [number, number] | null;
  /** The hue shift range, or null (off). */
  readonly hue: readonly [number, number] | null;
  readonly #options: ColorJitterOptions;
  readonly #repr: string;

  constructor(options: ColorJitterOptions = {}) {
    super();
    const b = checkInput(options.brightness ?? 0, 'brightness', 1, [0, Number.POSITIVE_INFINITY], true);
    const c = checkInput(options.contrast ?? 0, 'contrast', 1, [0, Number.POSITIVE_INFINITY], true);
    const s = checkInput(options.saturation ?? 0, 'saturation', 1, [0, Number.POSITIVE_INFINITY], true);
    const h = checkInput(options.hue ?? 0, 'hue', 0, [-0.5, 0.5], false);
    this.brightness = b.value;
    this.contrast = c.value;
    this.saturation = s.value;
    this.hue = h.value;
    this.#options = { ...options };
    this.#repr = `ColorJitter(brightness=${b.repr}, contrast=${c.repr}, saturation=${s.repr}, hue=${h.repr})`;
  }

  /**
   * Draws the order of the adjustments (a permutation of 0 brightness, 1 contrast, 2 saturation,
   * 3 hue) and a factor from each range that is not null (torchvision's `ColorJitter.get_params`).
   *
   * @example
   * ```ts
   * const [order, b, c, s, h] = ColorJitter.getParams([0.6, 1.4], null, null, [-0.1, 0.1]);
   * ```
   */
  static getParams(
    brightness: readonly number[] | null,
    contrast: readonly number[] | null,
    saturation: readonly number[] | null,
    hue: readonly number[] | null,
  ): ColorJitterParams {
    const order = randperm(4);
    const draw = (r: readonly number[] | null) => (r === null ? null : uniform(r[0]!, r[1]!));
    const b = draw(brightness);
    const c = draw(contrast);
    const s = draw(saturation);
    const h = draw(hue);
    return [order, b, c, s, h];
  }

  /** Applies the four adjustments in a random order with random factors. */
  override forward<T extends ImageInput>(img: T): T {
    const [order, b, c, s, h] = ColorJitter.getParams(this.brightness, this.contrast, this.saturation, this.hue);
    let x = img;
    for (const id of order) {
      if (id === 0 && b !== null) x = adjustBrightness(x, b);
      else if (id === 1 && c !== null) x = adjustContrast(x, c);
      else if (id === 2 && s !== null) x = adjustSaturation(x, s);
      else if (id === 3 && h !== null) x = adjustHue(x, h);
    }
    return x;
  }

  protected override workerArgs(): readonly unknown[] {
    return [this.#options];
  }

  /** `ColorJitter(brightness=[0.6, 1.4], contrast=None, saturation=None, hue=None)`. */
  override toString(): string {
    return this.#repr;
  }
}

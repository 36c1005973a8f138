import { ArgumentTypeError, defaultGenerator, ShapeError, type Tensor, tensor, ValueError } from '@dl/core';
import { erase } from './functional/erase';
import { describeInput, isTensor } from './functional/internal/image-input';
import { pyFloats, pySeq, pyValue } from './internal/py-repr';
import { pyRound } from './internal/py-round';
import { randFloat, randInt, uniform } from './internal/random-draws';
import { checkProbability, checkSequence, describeArg } from './internal/transform-args';
import { Transform } from './transform';

/** Options of {@link RandomErasing}. */
export interface RandomErasingOptions {
  /** The probability of erasing. @default 0.5 */
  p?: number;
  /** Bounds of the erased area, as a fraction of the image's, within [0, 1]. @default [0.02, 0.33] */
  scale?: readonly [number, number];
  /** Bounds of the erased rectangle's aspect ratio. @default [0.3, 3.3] */
  ratio?: readonly [number, number];
  /** The erasing value: one number, one per channel, or `'random'` (standard normal noise per pixel). @default 0 */
  value?: number | readonly number[] | 'random';
  /** Erase in the input tensor itself. @default false */
  inplace?: boolean;
}

/** What {@link RandomErasing.getParams} returns: the rectangle `[top, left, height, width]` and the value to write. */
export type ErasingParams = [i: number, j: number, h: number, w: number, v: Tensor];

/**
 * Erases a random rectangle of a tensor image with probability `p` (torchvision's `RandomErasing`,
 * Zhong et al. 2017). Tensors only (`[..., C, H, W]`; put it after `ToTensor`). One rectangle
 * per call (a batch shares it), from @dl/core's default generator.
 *
 * @example
 * ```ts
 * const t = new Compose([new ToTensor(), new Normalize([0.5], [0.5]), new RandomErasing({ value: 'random' })]);
 * String(new RandomErasing()); // 'RandomErasing(p=0.5, scale=(0.02, 0.33), ratio=(0.3, 3.3), value=0, inplace=False)'
 * ```
 */
export class RandomErasing extends Transform<Tensor, Tensor> {
  /** The probability of erasing. */
  readonly p: number;
  /** Bounds of the erased area fraction. */
  readonly scale: readonly [number, number];
  /** Bounds of the aspect ratio. */
  readonly ratio: readonly [number, number];
  /** The erasing value. */
  readonly value: number | readonly number[] | 'random';
  /** Whether the input is changed in place. */
  readonly inplace: boolean;
  readonly #repr: string;
  readonly #options: RandomErasingOptions;

  constructor(options: RandomErasingOptions = {}) {
    super();
    this.#options = { ...options };
    const op = 'RandomErasing';
    const value = options.value ?? 0;
    if (typeof value === 'string') {
      if (value !== 'random') throw new ValueError(`${op}: If value is str, it should be 'random', got ${describeArg(value)}`);
    } else if (!(typeof value === 'number' || (Array.isArray(value) && value.every((v) => typeof v === 'number')))) {
      throw new ArgumentTypeError(`${op}: Argument value should be either a number or str or a sequence, got ${describeArg(value)}`);
    }
    const scale = checkSequence(options.scale ?? [0.02, 0.33], 'scale', [2], op);
    const ratio = checkSequence(options.ratio ?? [0.3, 3.3], 'ratio', [2], op);
    if (scale[0]! > scale[1]! || ratio[0]! > ratio[1]!) {
      console.warn(`${op}: Scale and ratio should be of kind (min, max), got scale ${pyValue(scale)} and ratio ${pyValue(ratio)}`);
    }
    if (scale[0]! < 0 || scale[1]! > 1) throw new ValueError(`${op}: Scale should be between 0 and 1, got ${pyValue(scale)}`);
    this.p = checkProbability(options.p ?? 0.5, op, 'Random erasing probability p');
    this.scale = [scale[0]!, scale[1]!];
    this.ratio = [ratio[0]!, ratio[1]!];
    this.value = typeof value === 'object' ? [...value] : value;
    this.inplace = options.inplace ?? false;
    const seq = (given: readonly number[] | undefined, fallback: readonly number[]) => (given === undefined ? pyFloats(fallback, 'tuple') : pySeq(given, 'list'));
    this.#repr =
      `RandomErasing(p=${pyValue(this.p)}, scale=${seq(options.scale, this.scale)}, ratio=${seq(options.ratio, this.ratio)}, ` +
      `value=${pyValue(this.value)}, inplace=${pyValue(this.inplace)})`;
  }

  /**
   * A random rectangle and its value for `img` (torchvision's `RandomErasing.get_params`): area a
   * fraction `scale` of the image's, aspect ratio log-uniform in `ratio`, up to 10 tries; `value`
   * null means normal noise of shape `[C, h, w]`. When nothing fits, the whole image and the image
   * itself (erasing then changes nothing).
   *
   * @example
   * ```ts
   * const [i, j, h, w, v] = RandomErasing.getParams(x, [0.02, 0.33], [0.3, 3.3], [0]);
   * ```
   */
  static getParams(img: Tensor, scale: readonly number[], ratio: readonly number[], value: readonly number[] | null = null): ErasingParams {
    const s = img.shape;
    if (s.length < 3) throw new ShapeError(`RandomErasing: expected a tensor image [..., C, H, W] (rank >= 3), got shape [${s.join(', ')}]`);
    const [imgC, imgH, imgW] = [s[s.length - 3]!, s[s.length - 2]!, s[s.length - 1]!];
    const area = imgH * imgW;
    const logRatio = [Math.fround(Math.log(Math.fround(ratio[0]!))), Math.fround(Math.log(Math.fround(ratio[1]!)))] as const;
    for (let attempt = 0; attempt < 10; attempt++) {
      const eraseArea = area * uniform(scale[0]!, scale[1]!);
      const aspectRatio = Math.fround(Math.exp(uniform(logRatio[0], logRatio[1])));
      const h = pyRound(Math.sqrt(eraseArea * aspectRatio));
      const w = pyRound(Math.sqrt(eraseArea / aspectRatio));
      if (!(h < imgH && w < imgW)) continue;
      const v =
        value === null
          ? tensor(defaultGenerator.fillNormal(new Float32Array(imgC * h * w))).reshape([imgC, h, w])
          : tensor(Float32Array.from(value)).reshape([value.length, 1, 1]);
      const i = randInt(0, imgH - h + 1);
      const j = randInt(0, imgW - w + 1);
      return [i, j, h, w, v];
    }
    return [0, 0, imgH, imgW, img];
  }

  /** Erases a random rectangle of `img` with probability `p`, through the functional `erase`. */
  override forward(img: Tensor): Tensor {
    if (!isTensor(img)) throw new ArgumentTypeError(`RandomErasing: expected a tensor image [..., C, H, W] (put ToTensor first), got ${describeInput(img)}`);
    if (randFloat() < this.p) {
      const value = this.value === 'random' ? null : typeof this.value === 'number' ? [this.value] : this.value;
      const s = img.shape;
      if (s.length < 3) throw new ShapeError(`RandomErasing: expected a tensor image [..., C, H, W] (rank >= 3), got shape [${s.join(', ')}]`);
      const channels = s[s.length - 3]!;
      if (value !== null && value.length !== 1 && value.length !== channels) {
        throw new ValueError(`RandomErasing: If value is a sequence, it should have either a single value or ${channels} (number of input channels), got ${value.length}: ${pyValue(value)}`);
      }
      const [i, j, h, w, v] = RandomErasing.getParams(img, this.scale, this.ratio, value);
      return erase(img, i, j, h, w, v, this.inplace);
    }
    return img;
  }

  protected override workerArgs(): readonly unknown[] {
    return [this.#options];
  }

  /** `RandomErasing(p=0.5, scale=(0.02, 0.33), ratio=(0.3, 3.3), value=0, inplace=False)`. */
  override toString(): string {
    return this.#repr;
  }
}

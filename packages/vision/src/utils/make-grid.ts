import { ArgumentTypeError, DTypeError, ShapeError, Tensor, tensor, ValueError } from '@dl/core';
import { describeInput } from '../transforms/functional/internal/image-input';

/**
 * Options of {@link makeGrid} (and {@link saveImage}), torchvision's names in camelCase.
 *
 * @example
 * ```ts
 * utils.makeGrid(batch, { nrow: 4, padding: 1, normalize: true, valueRange: [-1, 1], padValue: 1 });
 * ```
 */
export interface MakeGridOptions {
  /** Images per row of the grid. @default 8 */
  nrow?: number;
  /** Pixels of `padValue` between images and around the grid. @default 2 */
  padding?: number;
  /** Shift the values to [0, 1]: by `valueRange`, or by the min and max of the batch (or of each image with `scaleEach`). @default false */
  normalize?: boolean;
  /** `[min, max]` mapped to [0, 1] when normalizing (values outside are clamped). @default the data's min and max */
  valueRange?: readonly [number, number];
  /** Normalize each image by its own min and max rather than the batch's. @default false */
  scaleEach?: boolean;
  /** The value of the padding. @default 0 */
  padValue?: number;
}

const f32 = Math.fround;

function checkInt(value: unknown, name: string, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new ValueError(`makeGrid: ${name} must be an integer >= ${min}, got ${String(value)}`);
  }
  return value;
}

/** The batch as one flat array (a copy: dataSync copies) with its shape: a list is stacked, as `torch.stack`. */
function batchOf(input: unknown): { values: Float32Array | Int32Array; shape: number[]; dtype: 'float32' | 'int32' } {
  const list = Array.isArray(input) ? input : [input];
  if (list.length === 0) throw new ValueError('makeGrid: expected a non-empty list of tensors, got []');
  for (const t of list) {
    if (!(t instanceof Tensor)) throw new ArgumentTypeError(`makeGrid: expected a Tensor or a list of Tensors, got ${describeInput(Array.isArray(input) ? t : input)}`);
    if (t.dtype !== 'float32' && t.dtype !== 'int32') throw new DTypeError(`makeGrid: expected float32 or int32 tensors, got dtype ${t.dtype}`);
  }
  const tensors = list as Tensor[];
  const first = tensors[0]!;
  for (const t of tensors) {
    if (t.shape.join() !== first.shape.join() || t.dtype !== first.dtype) {
      throw new ShapeError(`makeGrid: a list of tensors must share one shape and dtype (torch.stack), got [${first.shape.join(', ')}] ${first.dtype} and [${t.shape.join(', ')}] ${t.dtype}`);
    }
  }
  if (!Array.isArray(input)) return { values: first.dataSync() as Float32Array | Int32Array, shape: [...first.shape], dtype: first.dtype as 'float32' | 'int32' };
  const per = first.numel();
  const values = first.dtype === 'float32' ? new Float32Array(per * tensors.length) : new Int32Array(per * tensors.length);
  for (let i = 0; i < tensors.length; i++) values.set(tensors[i]!.dataSync() as Float32Array | Int32Array, i * per);
  return { values, shape: [tensors.length, ...first.shape], dtype: first.dtype as 'float32' | 'int32' };
}

/** torchvision's `norm_ip`: clamp to [low, high], subtract low, divide by max(high - low, 1e-5), in float32. */
function normalizeRange(v: Float32Array, from: number, to: number, range: readonly [number, number] | undefined): void {
  let low: number;
  let high: number;
  if (range !== undefined) [low, high] = range;
  else {
    low = Number.POSITIVE_INFINITY;
    high = Number.NEGATIVE_INFINITY;
    for (let i = from; i < to; i++) {
      if (v[i]! < low) low = v[i]!;
      if (v[i]! > high) high = v[i]!;
    }
  }
  const lo = f32(low);
  const hi = f32(high);
  const scale = f32(Math.max(high - low, 1e-5));
  for (let i = from; i < to; i++) {
    const x = Math.min(Math.max(v[i]!, lo), hi);
    v[i] = f32(f32(x - lo) / scale);
  }
}

/**
 * Tiles a batch of images into one image, as torchvision's `utils.make_grid`: `[N, C, H, W]` (or
 * a list of `[C, H, W]`) becomes `[C, rows * (H + padding) + padding, cols * (W + padding) + padding]`
 * with `nrow` images per row; one-channel images are repeated to three; a single image comes
 * back without padding. `normalize` maps `valueRange` (default: the data's min and max; per
 * image with `scaleEach`) to [0, 1] first. Keeps the dtype (int32 stays int32).
 *
 * @example
 * ```ts
 * const grid = utils.makeGrid(dl.rand([16, 3, 32, 32]), { nrow: 4 });
 * grid.shape; // [3, 138, 138]
 * ```
 */
export function makeGrid(input: Tensor | readonly Tensor[], options: MakeGridOptions = {}): Tensor {
  const nrow = checkInt(options.nrow ?? 8, 'nrow', 1);
  const padding = checkInt(options.padding ?? 2, 'padding', 0);
  const padValue = options.padValue ?? 0;
  if (typeof padValue !== 'number') throw new ValueError(`makeGrid: padValue must be a number, got ${describeInput(padValue)}`);
  const range = options.valueRange;
  if (range !== undefined && !(Array.isArray(range) && range.length === 2 && range.every((x) => typeof x === 'number'))) {
    throw new ArgumentTypeError(`makeGrid: valueRange must be [min, max] (two numbers), got ${describeInput(range)}`);
  }
  let { values, shape, dtype } = batchOf(input);
  if (shape.length === 2) shape = [1, ...shape];
  if (shape.length === 3) shape = [1, ...shape];
  if (shape.length !== 4) throw new ShapeError(`makeGrid: expected [H, W], [C, H, W] or [N, C, H, W] tensors, got shape [${shape.join(', ')}]`);
  let [n, c, h, w] = shape as [number, number, number, number];
  const plane = h * w;
  if (c === 1) {
    // one channel -> three, as torch.cat((t, t, t), 1)
    const rgb = dtype === 'float32' ? new Float32Array(n * 3 * plane) : new Int32Array(n * 3 * plane);
    for (let k = 0; k < n; k++) for (let j = 0; j < 3; j++) rgb.set(values.subarray(k * plane, (k + 1) * plane), (k * 3 + j) * plane);
    values = rgb;
    c = 3;
  }
  if (options.normalize) {
    if (!(values instanceof Float32Array)) throw new DTypeError('makeGrid: normalize needs a float32 tensor (torch cannot divide an integer tensor in place), got int32');
    const per = c * plane;
    if (options.scaleEach) for (let k = 0; k < n; k++) normalizeRange(values, k * per, (k + 1) * per, range);
    else normalizeRange(values, 0, n * per, range);
  }
  if (n === 1) return tensor(values).reshape([c, h, w]);
  const cols = Math.min(nrow, n);
  const rows = Math.ceil(n / cols);
  const cellH = h + padding;
  const cellW = w + padding;
  const gh = cellH * rows + padding;
  const gw = cellW * cols + padding;
  const grid = dtype === 'float32' ? new Float32Array(c * gh * gw) : new Int32Array(c * gh * gw);
  grid.fill(dtype === 'float32' ? padValue : Math.trunc(padValue));
  for (let k = 0; k < n; k++) {
    const top = Math.floor(k / cols) * cellH + padding;
    const left = (k % cols) * cellW + padding;
    for (let ch = 0; ch < c; ch++) {
      for (let y = 0; y < h; y++) {
        const src = ((k * c + ch) * h + y) * w;
        grid.set(values.subarray(src, src + w), (ch * gh + top + y) * gw + left);
      }
    }
  }
  return tensor(grid).reshape([c, gh, gw]);
}

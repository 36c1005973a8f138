import { ArgumentTypeError, ValueError, indexSelect, pad as padTensor, tensor, type Tensor } from '@dl/core';
import { Image } from '../../image/image';
import { imageFill, numberList } from './internal/geometry-args';
import { numpyPadIndex, torchPadIndex, type BorderMode } from './internal/geometry-pad-index';
import { checkImageInput, describeInput, imageDimensions, type ImageInput } from './internal/image-input';

/**
 * How {@link pad} fills the border: a constant, the edge pixel, or a mirror image without (`reflect`) or with (`symmetric`) the edge.
 *
 * @example
 * ```ts
 * const mode: PaddingMode = 'symmetric';
 * ```
 */
export type PaddingMode = 'constant' | 'edge' | 'reflect' | 'symmetric';

/**
 * Options of {@link pad}.
 *
 * @example
 * ```ts
 * pad(img, [4, 2], { paddingMode: 'constant', fill: [255, 0, 0] } satisfies PadOptions);
 * ```
 */
export interface PadOptions {
  /** The border value in `constant` mode: a number, or one per channel for an Image. @default 0 */
  fill?: number | readonly number[];
  /** How the border is filled. @default 'constant' */
  paddingMode?: PaddingMode;
}

const MODES: readonly PaddingMode[] = ['constant', 'edge', 'reflect', 'symmetric'];

/** `[left, top, right, bottom]` from torchvision's 1, 2 or 4 values. */
function parsePadding(padding: unknown): [number, number, number, number] {
  const p = numberList(padding, 'padding', 'pad');
  if (p.length !== 1 && p.length !== 2 && p.length !== 4) {
    throw new ValueError(`pad: padding must be a number or a list of 1, 2 or 4 numbers (left, top, right, bottom), got a list of ${p.length}: [${p.join(', ')}]`);
  }
  for (const v of p) if (!Number.isInteger(v)) throw new ValueError(`pad: padding must hold integers, got [${p.join(', ')}]`);
  if (p.length === 1) return [p[0]!, p[0]!, p[0]!, p[0]!];
  if (p.length === 2) return [p[0]!, p[1]!, p[0]!, p[1]!];
  return p as [number, number, number, number];
}

/** Copies the pixels at rows `ys` x columns `xs` of `img` into `out` (`ow` wide) from `(x0, y0)` on. */
function gatherImage(img: Image, ow: number, ys: Int32Array, xs: Int32Array, out: Uint8Array, x0 = 0, y0 = 0): void {
  const c = img.channels;
  const src = img.data;
  const cols = xs.map((x) => x * c);
  for (let y = 0; y < ys.length; y++) {
    const srow = ys[y]! * img.width * c;
    let d = ((y + y0) * ow + x0) * c;
    for (let x = 0; x < cols.length; x++, d += c) {
      const s = srow + cols[x]!;
      out[d] = src[s]!;
      if (c > 1) {
        out[d + 1] = src[s + 1]!;
        out[d + 2] = src[s + 2]!;
        if (c > 3) out[d + 3] = src[s + 3]!;
      }
    }
  }
}

function padImage(img: Image, [l, t, r, b]: [number, number, number, number], mode: PaddingMode, fill: unknown): Image {
  if (mode === 'constant') {
    // PIL's ImageOps.expand: a new image of the fill color with the original pasted at (l, t).
    const ow = img.width + l + r;
    const oh = img.height + t + b;
    if (ow < 0 || oh < 0) throw new ValueError(`pad: negative padding [${l}, ${t}, ${r}, ${b}] leaves a ${ow}x${oh} image from a ${img.width}x${img.height} one`);
    const out = Image.new(img.mode, [ow, oh], imageFill(fill, img.channels, 'pad'));
    const xs = Int32Array.from({ length: Math.max(Math.min(img.width, ow - l) - Math.max(0, -l), 0) }, (_, i) => i + Math.max(0, -l));
    const ys = Int32Array.from({ length: Math.max(Math.min(img.height, oh - t) - Math.max(0, -t), 0) }, (_, i) => i + Math.max(0, -t));
    gatherImage(img, ow, ys, xs, out.data, Math.max(l, 0), Math.max(t, 0));
    return out;
  }
  // torchvision crops for negative amounts, then pads with numpy.
  const cl = Math.max(-l, 0);
  const ct = Math.max(-t, 0);
  const w = img.width - cl - Math.max(-r, 0);
  const h = img.height - ct - Math.max(-b, 0);
  if (w <= 0 || h <= 0) throw new ValueError(`pad: negative padding [${l}, ${t}, ${r}, ${b}] crops the whole ${img.width}x${img.height} image`);
  const xs = numpyPadIndex(w, Math.max(l, 0), Math.max(r, 0), mode).map((i) => i + cl);
  const ys = numpyPadIndex(h, Math.max(t, 0), Math.max(b, 0), mode).map((i) => i + ct);
  const out = new Image(xs.length, ys.length, img.mode);
  gatherImage(img, xs.length, ys, xs, out.data);
  return out;
}

function tensorBorderIndex(n: number, lo: number, hi: number, mode: BorderMode, axis: string): Int32Array {
  if (mode === 'reflect' && (lo >= n || hi >= n)) {
    throw new ValueError(`pad: reflect padding (${lo}, ${hi}) must be smaller than the tensor's ${axis} ${n}`);
  }
  if (mode === 'symmetric') {
    const c0 = Math.max(-lo, 0);
    const m = n - c0 - Math.max(-hi, 0);
    const a = Math.max(lo, 0);
    const b = Math.max(hi, 0);
    if (a > m || b > m) throw new ValueError(`pad: symmetric padding (${lo}, ${hi}) must be at most the tensor's ${axis} ${m}`);
    return torchPadIndex(m, a, b, mode).map((i) => i + c0);
  }
  if (n + lo + hi <= 0) throw new ValueError(`pad: padding (${lo}, ${hi}) leaves nothing of the tensor's ${axis} ${n}`);
  return torchPadIndex(n, lo, hi, mode);
}

function padTensorImage(t: Tensor, [l, tp, r, b]: [number, number, number, number], mode: PaddingMode, fill: unknown): Tensor {
  if (mode === 'constant') {
    const values = fill === undefined ? [0] : numberList(fill, 'fill', 'pad');
    if (values.length !== 1) throw new ArgumentTypeError(`pad: a tensor is padded with one fill number, got [${values.join(', ')}]`);
    const [, h, w] = imageDimensions(t, 'pad');
    if (h + tp + b < 0 || w + l + r < 0) throw new ValueError(`pad: negative padding [${l}, ${tp}, ${r}, ${b}] is larger than the ${h}x${w} tensor image`);
    return padTensor(t, [l, r, tp, b], { value: values[0]! });
  }
  const [, h, w] = imageDimensions(t, 'pad');
  const xs = tensorBorderIndex(w, l, r, mode, 'width');
  const ys = tensorBorderIndex(h, tp, b, mode, 'height');
  return indexSelect(indexSelect(t, -1, tensor(xs)), -2, tensor(ys));
}

/**
 * Pads the borders of an image (torchvision's `pad`). `padding` is one number for all sides,
 * `[leftRight, topBottom]`, or `[left, top, right, bottom]`; negative amounts crop. Modes:
 * `constant` (`fill`), `edge`, `reflect` (`[1, 2, 3]` padded by 2 is `[3, 2, 1, 2, 3, 2, 1]`),
 * `symmetric` (`[2, 1, 1, 2, 3, 3, 2]`). Images follow PIL/numpy (a pad wider than the image
 * repeats the reflection); tensors follow torchvision, which refuses reflect pads >= the image
 * size and symmetric pads larger than it, and takes a single fill number.
 *
 * @param options `fill` (@default 0), `paddingMode` (@default 'constant').
 * @throws ArgumentTypeError for a non-image or a non-numeric padding; ValueError for padding of the
 *   wrong length, an unknown mode, or a reflection the tensor is too small for.
 * @example
 * ```ts
 * pad(Image.new('RGB', [4, 4]), 2).size; // [8, 8]
 * pad(dl.tensor([[1, 2, 3]]), [2, 0], { paddingMode: 'reflect' }).tolist(); // [[3, 2, 1, 2, 3, 2, 1]]
 * ```
 */
export function pad<T extends ImageInput>(img: T, padding: number | readonly number[], options: PadOptions = {}): T {
  const kind = checkImageInput(img, 'pad');
  if (typeof options !== 'object' || options === null) throw new ArgumentTypeError(`pad: options should be an object such as { paddingMode: 'reflect' }, got ${describeInput(options)}`);
  const p = parsePadding(padding);
  const mode = options.paddingMode ?? 'constant';
  if (!MODES.includes(mode)) throw new ValueError(`pad: paddingMode should be one of 'constant', 'edge', 'reflect', 'symmetric', got ${describeInput(mode)}`);
  if (kind === 'image') return padImage(img as Image, p, mode, options.fill) as T;
  return padTensorImage(img as Tensor, p, mode, options.fill) as T;
}

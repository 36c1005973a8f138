import { ArgumentTypeError, ShapeError, broadcastTo, copy_, pad, reshape, tensor, to, where, type Tensor } from '@dl/core';
import { checkTensorOnly, fmtShape } from './internal/color-checks';
import { scoped } from './internal/color-tensor';
import { checkImageInput, describeInput, isTensor } from './internal/image-input';

const OP = 'erase';

/** Python's `start:stop` on a dimension of `n`: negative indices count from the end; the range is clipped. */
function sliceRange(start: number, stop: number, n: number): [number, number] {
  const norm = (k: number) => Math.min(n, Math.max(0, k < 0 ? k + n : k));
  const a = norm(start);
  return [a, Math.max(a, norm(stop))];
}

function regionMask(h: number, w: number, [r0, r1]: [number, number], [c0, c1]: [number, number]): Tensor {
  const m = new Uint8Array(h * w);
  for (let y = r0; y < r1; y++) m.fill(1, y * w + c0, y * w + c1);
  return reshape(to(tensor(m), 'bool'), [h, w]);
}

/**
 * Sets the region `[..., i : i + h, j : j + w]` of an image tensor to `v` (torchvision's `erase`,
 * what `RandomErasing` does). Rows and columns past the edge are clipped as Python slices are.
 * Tensors only; an {@link Image} needs `toTensor` first.
 *
 * @param i the top row.
 * @param j the left column.
 * @param h the height.
 * @param w the width.
 * @param v the value: a number, or a tensor that broadcasts to the region (`[C, h, w]`, `[C, 1, 1]`, ...); cast to the image's dtype.
 * @param inplace change `img` itself and return it. @default false
 * @example
 * ```ts
 * const x = dl.ones([3, 4, 4]);
 * erase(x, 1, 1, 2, 2, 0).sum().item(); // 36 (4 of 16 pixels zeroed in each channel)
 * erase(x, 0, 0, 2, 2, dl.randn([3, 2, 2]));
 * ```
 */
export function erase(img: Tensor, i: number, j: number, h: number, w: number, v: number | Tensor, inplace = false): Tensor {
  checkTensorOnly(img, OP);
  checkImageInput(img, OP);
  for (const [name, value] of [['i', i], ['j', j], ['h', h], ['w', w]] as const) {
    if (!Number.isInteger(value)) throw new ArgumentTypeError(`${OP}: expected ${name} to be an integer, got ${describeInput(value)}`);
  }
  if (typeof v !== 'number' && !isTensor(v)) {
    throw new ArgumentTypeError(`${OP}: expected v to be a number or a Tensor, got ${describeInput(v)}`);
  }
  const s = img.shape;
  const [hgt, wid] = [s[s.length - 2]!, s[s.length - 1]!];
  const rows = sliceRange(i, i + h, hgt);
  const cols = sliceRange(j, j + w, wid);
  const region = [...s.slice(0, -2), rows[1] - rows[0], cols[1] - cols[0]];
  if (typeof v !== 'number') checkBroadcast(v.shape, region);
  const out = scoped(img, () => {
    if (region[region.length - 2] === 0 || region[region.length - 1] === 0) return to(img, img.dtype, { copy: true });
    const mask = regionMask(hgt, wid, rows, cols);
    const fill =
      typeof v === 'number'
        ? img.dtype === 'int32' ? Math.trunc(v) : v
        : pad(broadcastTo(to(v, img.dtype), region), [cols[0], wid - cols[1], rows[0], hgt - rows[1]]);
    return to(where(mask, fill, img), img.dtype);
  });
  return inplace ? copy_(img, out) : out;
}

function checkBroadcast(shape: readonly number[], target: readonly number[]): void {
  const ok = shape.length <= target.length && shape.every((d, k) => d === 1 || d === target[target.length - shape.length + k]);
  if (!ok) throw new ShapeError(`${OP}: v of shape ${fmtShape(shape)} does not broadcast to the erased region ${fmtShape(target)}`);
}

import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { DTypeError } from '../../errors/dtype-error';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { expandInts, fmtShape, type IntOrTuple } from './conv-geometry';
import { emptyResult } from './empty-result';
import { gatherWindows, scatterWindows, slidingAxis, type AxisWindows } from './pool-windows';
import { assertTensor } from '../arg-checks';

/** Options of `unfold` and `fold` (PyTorch's keyword arguments). */
export interface UnfoldOptions {
  /** Spacing between a block's taps. @default 1 */
  dilation?: IntOrTuple;
  /** Implicit zero padding on both sides. @default 0 */
  padding?: IntOrTuple;
  /** Step between blocks. @default 1 */
  stride?: IntOrTuple;
}

/** @internal The sliding blocks of an `[H, W]` plane, for `unfold` and `fold`. */
export function blockAxes(op: string, h: number, w: number, kernelSize: IntOrTuple, options: UnfoldOptions): [AxisWindows, AxisWindows] {
  const kernel = expandInts(kernelSize, 2, 'kernelSize', op, 1);
  const dilation = expandInts(options.dilation ?? 1, 2, 'dilation', op, 1);
  const padding = expandInts(options.padding ?? 0, 2, 'padding', op, 0);
  const stride = expandInts(options.stride ?? 1, 2, 'stride', op, 1);
  const ah = slidingAxis(h, kernel[0], stride[0], padding[0], dilation[0], false);
  const aw = slidingAxis(w, kernel[1], stride[1], padding[1], dilation[1], false);
  if (ah.out < 1 || aw.out < 1) {
    throw new ValueError(
      `${op}: given spatial size (${h} x ${w}), kernel size ${fmtShape(kernel)}, dilation ${fmtShape(dilation)}, padding ${fmtShape(padding)} and stride ${fmtShape(stride)}, the calculated number of sliding blocks (${ah.out} x ${aw.out}) is not positive`,
    );
  }
  return [ah, aw];
}

/**
 * Extracts sliding blocks (PyTorch's `F.unfold`, im2col): `[N, C, H, W]` (or `[C, H, W]`) to
 * `[N, C * kH * kW, L]`, one column per block position (`L` of them), channels-major as PyTorch
 * lays them out. Differentiable (its adjoint is `fold`).
 *
 * @param kernelSize block size, one number or `[kH, kW]`.
 * @param options `dilation` (default 1), `padding` (default 0), `stride` (default 1).
 * @example
 * ```ts
 * dl.unfold(dl.randn([1, 3, 10, 12]), [2, 3]).shape; // [1, 18, 90]
 * ```
 */
export function unfold(input: Tensor, kernelSize: IntOrTuple, options: UnfoldOptions = {}): Tensor {
  assertTensor(input, 'unfold');
  const r = input.dim();
  if (r !== 3 && r !== 4) throw new ShapeError(`unfold: expected 3D (unbatched [C, H, W]) or 4D (batched [N, C, H, W]) input, but got input of size ${fmtShape(input.shape)}`);
  if (input.dtype !== 'float32') throw new DTypeError(`unfold: expected input of dtype float32, but got ${input.dtype}`);
  const [n, c, h, w] = r === 4 ? input.shape : [1, ...input.shape];
  const [ah, aw] = blockAxes('unfold', h, w, kernelSize, options);
  const k = ah.k * aw.k;
  const l = ah.out * aw.out;
  const outShape = r === 4 ? [n, c * k, l] : [c * k, l];
  if (input.numel() === 0) return emptyResult('Im2Col', [input], outShape, null, 0);
  return runOp({
    name: 'Im2Col',
    inputs: [input],
    forward: () =>
      tf.tidy(() => {
        const win = gatherWindows(tf.reshape(input._value, [n * c, h, w]), ah, aw, 0);
        return tf.reshape(tf.transpose(tf.reshape(win, [n, c, l, k]), [0, 1, 3, 2]), outShape);
      }),
    backward: (dy) => {
      const perTap = tf.reshape(tf.transpose(tf.reshape(dy, [n, c, k, l]), [0, 1, 3, 2]), [n * c, ah.out, aw.out, k]);
      return [tf.reshape(scatterWindows(perTap, ah, aw), input.shape)];
    },
  });
}

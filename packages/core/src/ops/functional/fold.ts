import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { DTypeError } from '../../errors/dtype-error';
import { ShapeError } from '../../errors/shape-error';
import type { Tensor } from '../../tensor/tensor';
import { expandInts, fmtShape, type IntOrTuple } from './conv-geometry';
import { emptyResult } from './empty-result';
import { gatherWindows, scatterWindows } from './pool-windows';
import { blockAxes, type UnfoldOptions } from './unfold';
import { assertTensor } from '../arg-checks';

/**
 * Sums sliding blocks back into an image (PyTorch's `F.fold`, col2im, the adjoint of `unfold`):
 * `[N, C * kH * kW, L]` (or `[C * kH * kW, L]`) to `[N, C, H, W]`, overlapping values added.
 *
 * @param outputSize the image size `[H, W]` (or one number).
 * @param kernelSize block size, one number or `[kH, kW]`.
 * @param options `dilation` (default 1), `padding` (default 0), `stride` (default 1).
 * @example
 * ```ts
 * const cols = dl.unfold(x, 3, { padding: 1 });
 * dl.fold(cols, [x.size(2), x.size(3)], 3, { padding: 1 }); // each pixel times the blocks covering it
 * ```
 */
export function fold(input: Tensor, outputSize: IntOrTuple, kernelSize: IntOrTuple, options: UnfoldOptions = {}): Tensor {
  assertTensor(input, 'fold');
  const r = input.dim();
  if (r !== 2 && r !== 3) throw new ShapeError(`fold: expected 2D (unbatched [C * kH * kW, L]) or 3D (batched [N, C * kH * kW, L]) input, but got input of size ${fmtShape(input.shape)}`);
  if (input.dtype !== 'float32') throw new DTypeError(`fold: expected input of dtype float32, but got ${input.dtype}`);
  const [h, w] = expandInts(outputSize, 2, 'outputSize', 'fold', 1);
  const [ah, aw] = blockAxes('fold', h, w, kernelSize, options);
  const [n, ck, l] = r === 3 ? input.shape : [1, ...input.shape];
  const k = ah.k * aw.k;
  if (ck % k !== 0) {
    throw new ShapeError(`fold: expected size of input's dimension ${r - 2} to be divisible by the product of kernel_size (${k}), but got input of size ${fmtShape(input.shape)}`);
  }
  if (l !== ah.out * aw.out) {
    throw new ShapeError(
      `fold: expected size of input's dimension ${r - 1} to match the calculated number of sliding blocks ${ah.out} * ${aw.out} = ${ah.out * aw.out}, but got input of size ${fmtShape(input.shape)}`,
    );
  }
  const c = ck / k;
  const outShape = r === 3 ? [n, c, h, w] : [c, h, w];
  if (input.numel() === 0) return emptyResult('Col2Im', [input], outShape, null, 0);
  return runOp({
    name: 'Col2Im',
    inputs: [input],
    forward: () =>
      tf.tidy(() => {
        const perTap = tf.reshape(tf.transpose(tf.reshape(input._value, [n, c, k, l]), [0, 1, 3, 2]), [n * c, ah.out, aw.out, k]);
        return tf.reshape(scatterWindows(perTap, ah, aw), outShape);
      }),
    backward: (dy) => {
      const win = gatherWindows(tf.reshape(dy, [n * c, h, w]), ah, aw, 0);
      return [tf.reshape(tf.transpose(tf.reshape(win, [n, c, l, k]), [0, 1, 3, 2]), input.shape)];
    },
  });
}

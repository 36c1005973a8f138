import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { checkTarget, writeValues } from './write-values';

/**
 * Fills a 3-, 4- or 5-D convolution weight in place with the Dirac delta (PyTorch's
 * `nn.init.dirac_`), so the convolution passes its inputs through unchanged (per group).
 * Returns `tensor`.
 *
 * @param options.groups the convolution's groups. @default 1
 * @example
 * ```ts
 * nn.init.dirac_(conv.weight);
 * ```
 */
export function dirac_(tensor: Tensor, options: { groups?: number } = {}): Tensor {
  checkTarget(tensor, 'dirac_');
  const shape = tensor.shape;
  const groups = options.groups ?? 1;
  if (shape.length < 3 || shape.length > 5) throw new ValueError(`dirac_: Only tensors with 3, 4, or 5 dimensions are supported (got shape [${shape.join(', ')}])`);
  if (!Number.isInteger(groups) || groups < 1 || shape[0] % groups !== 0) throw new ValueError(`dirac_: dim 0 (${shape[0]}) is not divisible by groups (${groups})`);
  const outPerGroup = shape[0] / groups;
  const minDim = Math.min(outPerGroup, shape[1]);
  const spatial = shape.slice(2);
  const strides = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) strides[i] = strides[i + 1] * shape[i + 1];
  let centerOffset = 0;
  spatial.forEach((s, i) => {
    centerOffset += Math.floor(s / 2) * strides[i + 2];
  });
  const v = new Float32Array(tensor.numel());
  for (let g = 0; g < groups; g++) {
    for (let d = 0; d < minDim; d++) v[(g * outPerGroup + d) * strides[0] + d * strides[1] + centerOffset] = 1;
  }
  return writeValues(tensor, v);
}

import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { checkFloat, checkParam, normCore } from './norm-core';
import { assertOptionalTensor, assertTensor } from '../arg-checks';

/** Options of `layerNorm`. */
export interface LayerNormOptions {
  /** Added to the variance for numerical stability. @default 1e-5 */
  eps?: number;
}

/**
 * Layer normalisation over the trailing dimensions given by `normalizedShape`, with the biased
 * variance, then an optional elementwise affine transform (PyTorch's `F.layer_norm`).
 *
 * @param normalizedShape the trailing shape to normalise over (a number means one dimension).
 * @param weight scale of shape `normalizedShape` (or null).
 * @param bias shift of shape `normalizedShape` (or null).
 * @param options `eps` (default 1e-5).
 * @example
 * ```ts
 * const y = dl.layerNorm(dl.randn([4, 10, 32]), [32]);
 * ```
 */
export function layerNorm(
  input: Tensor,
  normalizedShape: number | readonly number[],
  weight: Tensor | null = null,
  bias: Tensor | null = null,
  options: LayerNormOptions = {},
): Tensor {
  assertTensor(input, 'layerNorm');
  assertOptionalTensor(weight, 'layerNorm', 'weight');
  assertOptionalTensor(bias, 'layerNorm', 'bias');
  const op = 'layerNorm';
  const eps = options.eps ?? 1e-5;
  const norm = typeof normalizedShape === 'number' ? [normalizedShape] : [...normalizedShape];
  checkFloat(input, op, 'input');
  if (!(eps >= 0)) throw new ValueError(`${op}: eps must be non-negative, got ${eps}`);
  const shape = input.shape;
  const k = norm.length;
  const lead = shape.length - k;
  if (k === 0 || lead < 0 || norm.some((d, i) => d !== shape[lead + i])) {
    throw new ShapeError(
      `${op}: given normalizedShape=[${norm.join(', ')}], expected input with shape [*, ${norm.join(', ')}], but got input of shape [${shape.join(', ')}]`,
    );
  }
  checkParam(weight, norm, op, 'weight');
  checkParam(bias, norm, op, 'bias');
  const axes: number[] = [];
  for (let i = lead; i < shape.length; i++) axes.push(i);
  const affineShape = [...new Array<number>(lead).fill(1), ...norm];
  return normCore({ name: 'LayerNorm', input, weight, bias, affineShape, eps, axes });
}

import { ShapeError } from '../../errors/shape-error';
import { softmax } from '../../ops/functional/softmax';
import type { Tensor } from '../../tensor/tensor';
import { Module } from '../module';

/** @internal PyTorch's legacy implicit softmax dim: 0 for 0-, 1- and 3-D input, else 1. */
export function implicitDim(input: Tensor, layer: string): number {
  if (!input || typeof input.dim !== 'function') throw new ShapeError(`${layer}: expected a Tensor input`);
  const n = input.dim();
  return n === 0 || n === 1 || n === 3 ? 0 : 1;
}

/**
 * Softmax along `dim`: non-negative values summing to 1 (PyTorch's `nn.Softmax`). Without
 * `dim`, PyTorch's legacy choice applies (dim 0 for 0-, 1- and 3-D input, else 1).
 *
 * @example
 * ```ts
 * const probs = new nn.Softmax(1).forward(logits);
 * ```
 */
export class Softmax extends Module {
  dim: number | null;

  constructor(dim: number | null = null) {
    super();
    this.dim = dim;
  }

  override forward(input: Tensor): Tensor {
    return softmax(input, this.dim ?? implicitDim(input, 'Softmax'));
  }

  override extraRepr(): string {
    return `dim=${this.dim ?? 'None'}`;
  }
}

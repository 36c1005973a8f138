import { crossEntropy, type CrossEntropyOptions } from '../../../ops/loss/cross-entropy';
import type { Tensor } from '../../../tensor/tensor';
import { Module } from '../../module';
import { checkTensor } from '../check-input';
import { assertOptions } from '../../../ops/arg-checks';

/**
 * Cross entropy between logits `[N, C, *]` and class indices or class probabilities, with class weights, `ignoreIndex` and label smoothing, as a module (PyTorch's `nn.CrossEntropyLoss`); the options are those of `crossEntropy`.
 * Weight tensors are buffers (`weight`), so they are part of `stateDict()` as in PyTorch.
 *
 * @example
 * ```ts
 * const loss = new nn.CrossEntropyLoss({ labelSmoothing: 0.1 });
 * const l = loss.forward(logits, labels);
 * ```
 */
export class CrossEntropyLoss extends Module {
  /** The loss options (weights excepted: see the buffers). */
  options: Omit<CrossEntropyOptions, 'weight'>;
  declare weight: Tensor | null;

  constructor(options: CrossEntropyOptions = {}) {
    super();
    assertOptions(options, 'CrossEntropyLoss', "{ reduction: 'sum' }");
    const { weight, ...rest } = options;
    if (weight !== null && weight !== undefined) checkTensor('CrossEntropyLoss', weight, 'weight');
    this.registerBuffer('weight', weight ?? null);
    this.options = rest;
  }

  override forward(input: Tensor, target: Tensor): Tensor {
    return crossEntropy(input, target, { ...this.options, weight: this.weight });
  }
}

import { binaryCrossEntropy, type BinaryCrossEntropyOptions } from '../../../ops/loss/binary-cross-entropy';
import type { Tensor } from '../../../tensor/tensor';
import { Module } from '../../module';
import { checkTensor } from '../check-input';
import { assertOptions } from '../../../ops/arg-checks';

/**
 * Binary cross entropy between probabilities and targets in [0, 1], as a module (PyTorch's `nn.BCELoss`); the options are those of `binaryCrossEntropy`.
 * Weight tensors are buffers (`weight`), so they are part of `stateDict()` as in PyTorch.
 *
 * @example
 * ```ts
 * const loss = new nn.BCELoss();
 * const l = loss.forward(dl.sigmoid(logits), targets);
 * ```
 */
export class BCELoss extends Module {
  /** The loss options (weights excepted: see the buffers). */
  options: Omit<BinaryCrossEntropyOptions, 'weight'>;
  declare weight: Tensor | null;

  constructor(options: BinaryCrossEntropyOptions = {}) {
    super();
    assertOptions(options, 'BCELoss', "{ reduction: 'sum' }");
    const { weight, ...rest } = options;
    if (weight !== null && weight !== undefined) checkTensor('BCELoss', weight, 'weight');
    this.registerBuffer('weight', weight ?? null);
    this.options = rest;
  }

  override forward(input: Tensor, target: Tensor): Tensor {
    return binaryCrossEntropy(input, target, { ...this.options, weight: this.weight });
  }
}

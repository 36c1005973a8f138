import { binaryCrossEntropyWithLogits, type BinaryCrossEntropyWithLogitsOptions } from '../../../ops/loss/binary-cross-entropy-with-logits';
import type { Tensor } from '../../../tensor/tensor';
import { Module } from '../../module';
import { checkTensor } from '../check-input';
import { assertOptions } from '../../../ops/arg-checks';

/**
 * Binary cross entropy on logits (a stable sigmoid + BCE), with `posWeight` for the positive class, as a module (PyTorch's `nn.BCEWithLogitsLoss`); the options are those of `binaryCrossEntropyWithLogits`.
 * Weight tensors are buffers (`weight`, `pos_weight`), so they are part of `stateDict()` as in PyTorch.
 *
 * @example
 * ```ts
 * const loss = new nn.BCEWithLogitsLoss({ posWeight: dl.tensor([3]) });
 * const l = loss.forward(logits, targets);
 * ```
 */
export class BCEWithLogitsLoss extends Module {
  /** The loss options (weights excepted: see the buffers). */
  options: Omit<BinaryCrossEntropyWithLogitsOptions, 'weight' | 'posWeight'>;
  declare weight: Tensor | null;
  declare pos_weight: Tensor | null;

  constructor(options: BinaryCrossEntropyWithLogitsOptions = {}) {
    super();
    assertOptions(options, 'BCEWithLogitsLoss', "{ reduction: 'sum' }");
    const { weight, posWeight, ...rest } = options;
    if (weight !== null && weight !== undefined) checkTensor('BCEWithLogitsLoss', weight, 'weight');
    this.registerBuffer('weight', weight ?? null);
    if (posWeight !== null && posWeight !== undefined) checkTensor('BCEWithLogitsLoss', posWeight, 'posWeight');
    this.registerBuffer('pos_weight', posWeight ?? null);
    this.options = rest;
  }

  override forward(input: Tensor, target: Tensor): Tensor {
    return binaryCrossEntropyWithLogits(input, target, { ...this.options, weight: this.weight, posWeight: this.pos_weight });
  }
}

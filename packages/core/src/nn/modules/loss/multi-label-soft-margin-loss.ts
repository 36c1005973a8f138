import { multiLabelSoftMarginLoss, type MultiLabelSoftMarginLossOptions } from '../../../ops/loss/multi-label-soft-margin-loss';
import type { Tensor } from '../../../tensor/tensor';
import { Module } from '../../module';
import { checkTensor } from '../check-input';
import { assertOptions } from '../../../ops/arg-checks';

/**
 * The multi-label one-versus-all logistic loss over `[N, C]` scores and 0/1 targets, as a module (PyTorch's `nn.MultiLabelSoftMarginLoss`); the options are those of `multiLabelSoftMarginLoss`.
 * Weight tensors are buffers (`weight`), so they are part of `stateDict()` as in PyTorch.
 *
 * @example
 * ```ts
 * const loss = new nn.MultiLabelSoftMarginLoss();
 * const l = loss.forward(scores, labels);
 * ```
 */
export class MultiLabelSoftMarginLoss extends Module {
  /** The loss options (weights excepted: see the buffers). */
  options: Omit<MultiLabelSoftMarginLossOptions, 'weight'>;
  declare weight: Tensor | null;

  constructor(options: MultiLabelSoftMarginLossOptions = {}) {
    super();
    assertOptions(options, 'MultiLabelSoftMarginLoss', "{ reduction: 'sum' }");
    const { weight, ...rest } = options;
    if (weight !== null && weight !== undefined) checkTensor('MultiLabelSoftMarginLoss', weight, 'weight');
    this.registerBuffer('weight', weight ?? null);
    this.options = rest;
  }

  override forward(input: Tensor, target: Tensor): Tensor {
    return multiLabelSoftMarginLoss(input, target, { ...this.options, weight: this.weight });
  }
}

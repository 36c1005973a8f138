import { threshold } from '../../ops/unary/threshold';
import type { Tensor } from '../../tensor/tensor';
import { Module } from '../module';
import { pyFloat } from './repr';
import { assertOptions, assertNumber } from '../../ops/arg-checks';

/**
 * Replaces values not above `threshold` by `value` (PyTorch's `nn.Threshold`).
 *
 * @param options.inplace accepted for PyTorch compatibility; computed out of place. @default false
 * @example
 * ```ts
 * const y = new nn.Threshold(0.1, 20).forward(x);
 * ```
 */
export class Threshold extends Module {
  threshold: number;
  value: number;
  inplace: boolean;

  constructor(thresholdValue: number, value: number, options: { inplace?: boolean } = {}) {
    super();
    assertOptions(options, 'Threshold', '{ inplace: true }');
    assertNumber(thresholdValue, 'Threshold', 'threshold');
    assertNumber(value, 'Threshold', 'value');
    this.threshold = thresholdValue;
    this.value = value;
    this.inplace = options.inplace ?? false;
  }

  override forward(input: Tensor): Tensor {
    return threshold(input, this.threshold, this.value);
  }

  override extraRepr(): string {
    return `threshold=${pyFloat(this.threshold)}, value=${pyFloat(this.value)}${this.inplace ? ', inplace=True' : ''}`;
  }
}

import type { Tensor } from '../../tensor/tensor';
import { hardtanh } from '../../ops/unary/hardtanh';
import { Module } from '../module';
import { pyFloat } from './repr';
import { assertOptions } from '../../ops/arg-checks';

/** Options of `Hardtanh`. */
export interface HardtanhOptions {
  /** Lower bound. @default -1 */
  minVal?: number;
  /** Upper bound. @default 1 */
  maxVal?: number;
  /** Accepted for PyTorch compatibility; the result is computed out of place. @default false */
  inplace?: boolean;
}

/**
 * Clamps to `[minVal, maxVal]`, as a module (PyTorch's `nn.Hardtanh`).
 *
 * @example
 * ```ts
 * const act = new nn.Hardtanh({ minVal: -2, maxVal: 2 });
 * const y = act.forward(x);
 * ```
 */
export class Hardtanh extends Module {
  minVal: number;
  maxVal: number;
  inplace: boolean;

  constructor(options: HardtanhOptions = {}) {
    super();
    assertOptions(options, 'Hardtanh', '{ minVal: -1, maxVal: 1 }');
    this.minVal = options.minVal ?? -1;
    this.maxVal = options.maxVal ?? 1;
    this.inplace = options.inplace ?? false;
  }

  override forward(input: Tensor): Tensor {
    return hardtanh(input, { minVal: this.minVal, maxVal: this.maxVal });
  }

  override extraRepr(): string {
    return `min_val=${pyFloat(this.minVal)}, max_val=${pyFloat(this.maxVal)}${this.inplace ? ', inplace=True' : ''}`;
  }
}

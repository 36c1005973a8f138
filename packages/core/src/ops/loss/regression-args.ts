// Shared argument handling of the regression losses (input and target of one float shape).
import type { Tensor } from '../../tensor/tensor';
import { checkFloat, checkSameShape } from './checks';
import { checkReduction, type Reduction } from './reduction';

/** Options of the losses that only take a reduction. */
export interface LossOptions {
  /** 'mean' averages the per-element losses, 'sum' adds them, 'none' returns them. @default 'mean' */
  reduction?: Reduction;
}

/** @internal Checks input and target of a regression loss; returns the reduction. */
export function regressionArgs(input: Tensor, target: Tensor, op: string, options: LossOptions): Reduction {
  const reduction = checkReduction(options.reduction ?? 'mean', op);
  checkFloat(input, op, 'input');
  checkFloat(target, op, 'target');
  checkSameShape(input, target, op);
  return reduction;
}

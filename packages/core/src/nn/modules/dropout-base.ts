import { ValueError } from '../../errors/value-error';
import { Module } from '../module';
import { pyBool, pyFloat } from './repr';

/** Options of the dropout layers. */
export interface DropoutLayerOptions {
  /** Accepted for PyTorch compatibility; the result is computed out of place. @default false */
  inplace?: boolean;
}

/** PyTorch's `_DropoutNd`: holds `p` and `inplace`; active only in training mode. */
export abstract class DropoutBase extends Module {
  p: number;
  inplace: boolean;

  constructor(p: number, options: DropoutLayerOptions, layer: string) {
    super();
    if (typeof p !== 'number' || !(p >= 0 && p <= 1)) throw new ValueError(`${layer}: dropout probability has to be between 0 and 1, but got ${p}`);
    this.p = p;
    this.inplace = options.inplace ?? false;
  }

  override extraRepr(): string {
    return `p=${pyFloat(this.p)}, inplace=${pyBool(this.inplace)}`;
  }
}

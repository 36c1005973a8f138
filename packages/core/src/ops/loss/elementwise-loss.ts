// The fused op behind the elementwise losses: per-element values, then the reduction, with a
// backward that hands each loss the upstream gradient spread over the elements.
import { tf, type TfTensor } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import type { Reduction } from './reduction';

/** @internal */
export interface ElementwiseLossDef {
  /** Forward name (`MseLoss`); the backward node is `<name>Backward`. */
  name: string;
  /** The tensors the loss reads, in the order `loss` and `grads` receive their values. */
  inputs: Tensor[];
  reduction: Reduction;
  /** The per-element loss from the inputs' values (runs inside a tidy). */
  loss: (v: TfTensor[]) => TfTensor;
  /**
   * Gradients for the inputs (null where not needed), given `g`, the upstream gradient of each
   * per-element loss value (runs inside a tidy; broadcast inputs are reduced by the caller).
   */
  grads: (v: TfTensor[], g: TfTensor, needs: readonly boolean[]) => (TfTensor | null)[];
  /** Sum the per-element values over the last axis first (per-sample losses). @default false */
  rowSum?: boolean;
  /** The divisor of 'mean' (default: the number of values reduced). */
  meanDivisor?: number;
}

/** @internal Runs an elementwise loss; see {@link ElementwiseLossDef}. */
export function elementwiseLoss(def: ElementwiseLossDef): Tensor {
  const { reduction, rowSum = false } = def;
  const reduce = (l: TfTensor): TfTensor => {
    const per = rowSum ? tf.sum(l, -1) : l;
    if (reduction === 'none') return per;
    const total = tf.sum(per);
    return reduction === 'sum' ? total : tf.div(total, def.meanDivisor ?? per.size);
  };
  let perShape: number[] = [];
  return runOp({
    name: def.name,
    inputs: def.inputs,
    save: { inputs: 'all' },
    forward: () =>
      tf.tidy(() => {
        const l = def.loss(def.inputs.map((t) => t._value));
        perShape = l.shape;
        return reduce(l);
      }),
    backward: (dy, saved, needs) => {
      let g = dy;
      if (reduction === 'mean') {
        const n = def.meanDivisor ?? (rowSum ? perShape.slice(0, -1) : perShape).reduce((a, b) => a * b, 1);
        g = tf.div(g, n);
      }
      if (reduction === 'none' && rowSum) g = tf.expandDims(g, -1);
      return def.grads(saved, tf.broadcastTo(g, perShape), needs);
    },
  });
}

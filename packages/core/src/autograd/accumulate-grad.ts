import { tf, type TfTensor } from '../backend/tfjs';
import type { Tensor } from '../tensor/tensor';
import { Node } from './node';
import { tensorClass } from './tensor-class';

/** The node at a leaf that requires grad: adds the incoming gradient into `leaf.grad`. */
export class AccumulateGrad extends Node {
  readonly name = 'AccumulateGrad';
  readonly next: readonly (Node | null)[] = [];

  constructor(readonly variable: Tensor) {
    super();
  }

  /** @internal */
  apply(grad: TfTensor): (TfTensor | null)[] {
    const v = this.variable;
    let g = grad;
    if (g.dtype !== 'float32') g = tf.cast(g, 'float32');
    if (v.grad === null) {
      v.grad = tensorClass()._owned(tf.keep(g === grad ? tf.clone(g) : g), true);
    } else {
      v.grad._replaceValue(tf.keep(tf.add(v.grad._value, g)));
    }
    return [];
  }
}

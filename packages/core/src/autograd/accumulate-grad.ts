import { tf, type TfTensor } from '../backend/tfjs';
import type { Tensor } from '../tensor/tensor';
import { Node } from './node';
import { tensorClass } from './tensor-class';

/** The node at a leaf that requires grad: adds the incoming gradient into `leaf.grad`. */
export class AccumulateGrad extends Node {
  readonly name = 'AccumulateGrad';
  readonly next: readonly (Node | null)[] = [];

  /** The incoming gradient `apply` last made the leaf's grad itself (see `takeOwnership`). */
  private taken: TfTensor | null = null;

  constructor(readonly variable: Tensor) {
    super();
  }

  /**
   * @internal Whether the last `apply` kept `grad` itself as the leaf's `.grad` (its first
   * gradient, no copy): the backward engine then must not free it. Clears the record.
   */
  takeOwnership(grad: TfTensor): boolean {
    const took = this.taken === grad;
    this.taken = null;
    return took;
  }

  /** @internal */
  apply(grad: TfTensor): (TfTensor | null)[] {
    const v = this.variable;
    let g = grad;
    if (g.dtype !== 'float32') g = tf.cast(g, 'float32');
    this.taken = null;
    if (v.grad === null) {
      v.grad = tensorClass()._owned(tf.keep(g), true);
      if (g === grad) this.taken = grad;
    } else {
      v.grad._replaceValue(tf.keep(tf.add(v.grad._value, g)));
    }
    return [];
  }
}

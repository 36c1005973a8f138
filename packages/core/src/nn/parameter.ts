import { tf } from '../backend/tfjs';
import { Tensor } from '../tensor/tensor';
import { ArgumentTypeError } from '../errors/argument-type-error';

/**
 * A tensor that is a module's learnable weight (PyTorch's `nn.Parameter`): a leaf that requires
 * grad by default, found by `Module.parameters()` when assigned to a module, and never freed by
 * `scope()`. It holds its own copy of `data`'s values.
 *
 * @param data the initial values (float32). @default an empty tensor
 * @param requiresGrad whether the optimizer should train it. @default true
 * @example
 * ```ts
 * class Scale extends nn.Module {
 *   alpha = new nn.Parameter(dl.ones([1]));
 *   forward(x: Tensor) { return x.mul(this.alpha); }
 * }
 * ```
 */
export class Parameter extends Tensor {
  constructor(data?: Tensor | null, requiresGrad = true) {
    if (data !== undefined && data !== null && !(data instanceof Tensor)) {
      throw new ArgumentTypeError(`Parameter: expected a Tensor, got ${typeof data}`);
    }
    if (data) data._assertAlive('Parameter');
    super(data ? tf.clone(data._value) : tf.tensor([], [0], 'float32'));
    this._kept = true;
    if (requiresGrad) this.requiresGrad_(true);
  }

  /** PyTorch-style text: `Parameter containing:` then the tensor. */
  override toString(): string {
    return `Parameter containing:\n${super.toString()}`;
  }
}

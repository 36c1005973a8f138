import { tf } from '../../backend/tfjs';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import { add } from '../../ops/arithmetic/add';
import { mul } from '../../ops/arithmetic/mul';
import { sub } from '../../ops/arithmetic/sub';
import { reshape } from '../../ops/shape/reshape';
import { relu } from '../../ops/unary/relu';
import { Tensor } from '../../tensor/tensor';
import { Module } from '../module';
import { Parameter } from '../parameter';
import { assertOptions } from '../../ops/arg-checks';
import { describeNumber } from '../../tensor/describe-arg';

/** Options of `PReLU`. */
export interface PReLUOptions {
  /** Learnable slopes: 1 shared, or one per input channel (dim 1). @default 1 */
  numParameters?: number;
  /** Initial slope. @default 0.25 */
  init?: number;
}

/**
 * Leaky ReLU with a learned negative slope (PyTorch's `nn.PReLU`): `max(0, x) + a * min(0, x)`
 * with one `a` shared or one per channel.
 *
 * @example
 * ```ts
 * const act = new nn.PReLU({ numParameters: 64 }); // one slope per channel of [N, 64, H, W] input
 * ```
 */
export class PReLU extends Module {
  numParameters: number;
  weight: Parameter;

  constructor(options: PReLUOptions = {}) {
    super();
    assertOptions(options, 'PReLU', '{ numParameters: 1, init: 0.25 }');
    const n = options.numParameters ?? 1;
    if (!Number.isInteger(n) || n < 1) throw new ValueError(`PReLU: numParameters must be a positive integer, got ${describeNumber(n)}`);
    this.numParameters = n;
    this.weight = new Parameter(Tensor._owned(tf.fill([n], options.init ?? 0.25)));
  }

  override forward(input: Tensor): Tensor {
    const n = this.numParameters;
    let w: Tensor = this.weight;
    if (n > 1) {
      const channels = input.dim() >= 2 ? input.shape[1] : input.dim() === 1 ? input.shape[0] : 1;
      if (channels !== n) {
        throw new ShapeError(`PReLU: Mismatch in parameter count: got ${n} parameters for input of shape [${input.shape.join(', ')}] with ${channels} channels`);
      }
      if (input.dim() >= 2) w = reshape(w, [n, ...new Array<number>(input.dim() - 2).fill(1)]);
    }
    const pos = relu(input);
    return add(pos, mul(w, sub(input, pos)));
  }

  override extraRepr(): string {
    return `num_parameters=${this.numParameters}`;
  }
}

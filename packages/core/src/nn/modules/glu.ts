import { mul } from '../../ops/arithmetic/mul';
import { chunk } from '../../ops/shape/chunk';
import { sigmoid } from '../../ops/unary/sigmoid';
import { ShapeError } from '../../errors/shape-error';
import type { Tensor } from '../../tensor/tensor';
import { Module } from '../module';
import { checkDimArg, checkTensor } from './check-input';

/**
 * The gated linear unit: splits the input in two halves `a, b` along `dim` and returns
 * `a * sigmoid(b)` (PyTorch's `nn.GLU`).
 *
 * @example
 * ```ts
 * const y = new nn.GLU(-1).forward(dl.randn([4, 10])); // [4, 5]
 * ```
 */
export class GLU extends Module {
  dim: number;

  constructor(dim = -1) {
    super();
    checkDimArg('GLU', dim, false);
    this.dim = dim;
  }

  override forward(input: Tensor): Tensor {
    checkTensor('GLU', input);
    const d = input._normDim(this.dim, 'GLU');
    const size = input.shape[d];
    if (size % 2 !== 0) throw new ShapeError(`GLU: Halving dimension must be even, but dimension ${d} is size ${size} (input shape [${input.shape.join(', ')}])`);
    const [a, b] = chunk(input, 2, d);
    return mul(a, sigmoid(b));
  }

  override extraRepr(): string {
    return `dim=${this.dim}`;
  }
}

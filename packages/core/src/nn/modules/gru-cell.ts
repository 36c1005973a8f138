import { add } from '../../ops/arithmetic/add';
import { mul } from '../../ops/arithmetic/mul';
import { sub } from '../../ops/arithmetic/sub';
import { linear } from '../../ops/functional/linear';
import { chunk } from '../../ops/shape/chunk';
import { sigmoid } from '../../ops/unary/sigmoid';
import { tanh } from '../../ops/unary/tanh';
import type { Tensor } from '../../tensor/tensor';
import { RNNCellBase } from './rnn-cell-base';
import { assertOptions } from '../../ops/arg-checks';

/**
 * One step of a GRU (PyTorch's `nn.GRUCell`), gates r, z, n.
 *
 * @example
 * ```ts
 * const cell = new nn.GRUCell(10, 20);
 * let h = cell.forward(x0);
 * h = cell.forward(x1, h);
 * ```
 */
export class GRUCell extends RNNCellBase {
  constructor(inputSize: number, hiddenSize: number, options: { bias?: boolean } = {}) {
    super(inputSize, hiddenSize, options.bias ?? true, 3, 'GRUCell');
    assertOptions(options, 'GRUCell', '{ bias: false }');
  }

  /** The next hidden state from input `[N, in]` and `hx` `[N, hidden]` (zeros by default). */
  override forward(input: Tensor, hx?: Tensor | null): Tensor {
    const [x, batched] = this.prepareInput(input);
    const h = this.prepareState(hx, batched, x.shape[0], 'hx');
    const [ir, iz, inn] = chunk(linear(x, this.weight_ih, this.bias_ih), 3, 1);
    const [hr, hz, hn] = chunk(linear(h, this.weight_hh, this.bias_hh), 3, 1);
    const r = sigmoid(add(ir, hr));
    const z = sigmoid(add(iz, hz));
    const n = tanh(add(inn, mul(r, hn)));
    return this.unbatch(add(n, mul(z, sub(h, n))), batched);
  }
}

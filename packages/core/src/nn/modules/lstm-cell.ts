import { ValueError } from '../../errors/value-error';
import { add } from '../../ops/arithmetic/add';
import { mul } from '../../ops/arithmetic/mul';
import { linear } from '../../ops/functional/linear';
import { chunk } from '../../ops/shape/chunk';
import { sigmoid } from '../../ops/unary/sigmoid';
import { tanh } from '../../ops/unary/tanh';
import type { Tensor } from '../../tensor/tensor';
import { RNNCellBase } from './rnn-cell-base';
import { assertOptions } from '../../ops/arg-checks';

/**
 * One step of an LSTM (PyTorch's `nn.LSTMCell`), gates i, f, g, o; returns `[h', c']`.
 *
 * @example
 * ```ts
 * const cell = new nn.LSTMCell(10, 20);
 * let [h, c] = cell.forward(x0);
 * [h, c] = cell.forward(x1, [h, c]);
 * ```
 */
export class LSTMCell extends RNNCellBase {
  constructor(inputSize: number, hiddenSize: number, options: { bias?: boolean } = {}) {
    super(inputSize, hiddenSize, options.bias ?? true, 4, 'LSTMCell');
    assertOptions(options, 'LSTMCell', '{ bias: false }');
  }

  /** The next `[h, c]` from input `[N, in]` and `hx = [h, c]` (zeros by default). */
  override forward(input: Tensor, hx?: [Tensor, Tensor] | null): [Tensor, Tensor] {
    const [x, batched] = this.prepareInput(input);
    if (hx !== null && hx !== undefined && (!Array.isArray(hx) || hx.length !== 2)) throw new ValueError('LSTMCell: hx must be a pair [h, c]');
    const h = this.prepareState(hx?.[0], batched, x.shape[0], 'hx[0]');
    const c = this.prepareState(hx?.[1], batched, x.shape[0], 'hx[1]');
    const gates = add(linear(x, this.weight_ih, this.bias_ih), linear(h, this.weight_hh, this.bias_hh));
    const [i, f, g, o] = chunk(gates, 4, 1);
    const cNext = add(mul(sigmoid(f), c), mul(sigmoid(i), tanh(g)));
    const hNext = mul(sigmoid(o), tanh(cNext));
    return [this.unbatch(hNext, batched), this.unbatch(cNext, batched)];
  }
}

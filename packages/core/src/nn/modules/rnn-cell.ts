import { ValueError } from '../../errors/value-error';
import { add } from '../../ops/arithmetic/add';
import { linear } from '../../ops/functional/linear';
import { relu } from '../../ops/unary/relu';
import { tanh } from '../../ops/unary/tanh';
import type { Tensor } from '../../tensor/tensor';
import { RNNCellBase } from './rnn-cell-base';
import { assertOptions } from '../../ops/arg-checks';

/** Options of `RNNCell`. */
export interface RNNCellOptions {
  /** Learn the biases. @default true */
  bias?: boolean;
  /** The activation. @default 'tanh' */
  nonlinearity?: 'tanh' | 'relu';
}

/**
 * One step of an Elman RNN (PyTorch's `nn.RNNCell`): `h' = act(x W_ihᵀ + b_ih + h W_hhᵀ + b_hh)`.
 *
 * @example
 * ```ts
 * const cell = new nn.RNNCell(10, 20);
 * let h = dl.zeros([3, 20]);
 * for (const x of steps) h = cell.forward(x, h);
 * ```
 */
export class RNNCell extends RNNCellBase {
  nonlinearity: 'tanh' | 'relu';

  constructor(inputSize: number, hiddenSize: number, options: RNNCellOptions = {}) {
    const nl = options.nonlinearity ?? 'tanh';
    if (nl !== 'tanh' && nl !== 'relu') throw new ValueError(`RNNCell: Unknown nonlinearity: ${String(nl)}`);
    super(inputSize, hiddenSize, options.bias ?? true, 1, 'RNNCell');
    assertOptions(options, 'RNNCell', "{ nonlinearity: 'relu' }");
    this.nonlinearity = nl;
  }

  /** The next hidden state from input `[N, in]` and `hx` `[N, hidden]` (zeros by default). */
  override forward(input: Tensor, hx?: Tensor | null): Tensor {
    const [x, batched] = this.prepareInput(input);
    const h = this.prepareState(hx, batched, x.shape[0], 'hx');
    const pre = add(linear(x, this.weight_ih, this.bias_ih), linear(h, this.weight_hh, this.bias_hh));
    return this.unbatch(this.nonlinearity === 'tanh' ? tanh(pre) : relu(pre), batched);
  }

  override extraRepr(): string {
    const s = super.extraRepr();
    return this.nonlinearity === 'tanh' ? s : `${s}, nonlinearity=${this.nonlinearity}`;
  }
}

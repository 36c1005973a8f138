import { ValueError } from '../../errors/value-error';
import { add } from '../../ops/arithmetic/add';
import { linear } from '../../ops/functional/linear';
import { relu } from '../../ops/unary/relu';
import { tanh } from '../../ops/unary/tanh';
import type { Tensor } from '../../tensor/tensor';
import { RNNBase, type RNNBaseOptions } from './rnn-base';
import { assertOptions } from '../../ops/arg-checks';

/** Options of `RNN`. */
export interface RNNOptions extends RNNBaseOptions {
  /** The activation `tanh` or `relu`. @default 'tanh' */
  nonlinearity?: 'tanh' | 'relu';
}

/**
 * An Elman recurrent network `h_t = act(x_t W_ihᵀ + b_ih + h_{t-1} W_hhᵀ + b_hh)` (PyTorch's
 * `nn.RNN`), multi-layer and optionally bidirectional. Input `[L, N, Hin]` (`[N, L, Hin]` with
 * `batchFirst`, or unbatched `[L, Hin]`); returns `[output, hN]`.
 *
 * @example
 * ```ts
 * const rnn = new nn.RNN(10, 20, { numLayers: 2 });
 * const [output, hN] = rnn.forward(dl.randn([5, 3, 10])); // [5, 3, 20], [2, 3, 20]
 * ```
 */
export class RNN extends RNNBase {
  nonlinearity: 'tanh' | 'relu';

  constructor(inputSize: number, hiddenSize: number, options: RNNOptions = {}) {
    const nl = options.nonlinearity ?? 'tanh';
    if (nl !== 'tanh' && nl !== 'relu') throw new ValueError(`RNN: Unknown nonlinearity '${String(nl)}'. Select from 'tanh' or 'relu'.`);
    super(nl === 'tanh' ? 'RNN_TANH' : 'RNN_RELU', inputSize, hiddenSize, options, 'RNN');
    assertOptions(options, 'RNN', '{ numLayers: 2, batchFirst: true }');
    this.nonlinearity = nl;
  }

  /** Runs the network from `hx` (zeros by default); returns the output and the final hidden state. */
  override forward(input: Tensor, hx?: Tensor | null): [Tensor, Tensor] {
    const [x, batched] = this.prepareInput(input);
    const h0 = this.prepareState(hx, batched, x.shape[1], this.hiddenSize, 'hidden');
    const act = this.nonlinearity === 'tanh' ? tanh : relu;
    const [out, hn] = this.runLayers(x, h0, null, (gi, h, _c, w) => [act(add(gi, linear(h, w.wHh, w.bHh))), null]);
    return [this.finishOutput(out, batched), this.finishState(hn, batched)];
  }
}

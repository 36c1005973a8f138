import { add } from '../../ops/arithmetic/add';
import { mul } from '../../ops/arithmetic/mul';
import { linear } from '../../ops/functional/linear';
import { chunk } from '../../ops/shape/chunk';
import { sigmoid } from '../../ops/unary/sigmoid';
import { tanh } from '../../ops/unary/tanh';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { RNNBase, type RNNBaseOptions } from './rnn-base';
import { assertOptions } from '../../ops/arg-checks';

/** Options of `LSTM`. */
export interface LSTMOptions extends RNNBaseOptions {
  /** Project the hidden state to this size (`weight_hr`); 0 disables. @default 0 */
  projSize?: number;
}

/**
 * A long short-term memory network (PyTorch's `nn.LSTM`): gates i, f, g, o in PyTorch's order,
 * multi-layer, optionally bidirectional and projected. Input `[L, N, Hin]` (`[N, L, Hin]` with
 * `batchFirst`, or unbatched `[L, Hin]`); returns `[output, [hN, cN]]`.
 *
 * @example
 * ```ts
 * const lstm = new nn.LSTM(4, 3, { batchFirst: true });
 * const [y, [h, c]] = lstm.forward(dl.randn([2, 5, 4])); // [2, 5, 3], [1, 2, 3], [1, 2, 3]
 * ```
 */
export class LSTM extends RNNBase {
  constructor(inputSize: number, hiddenSize: number, options: LSTMOptions = {}) {
    super('LSTM', inputSize, hiddenSize, options, 'LSTM');
    assertOptions(options, 'LSTM', '{ numLayers: 2, batchFirst: true }');
  }

  /** Runs the network from `hx = [h0, c0]` (zeros by default); returns the output and `[hN, cN]`. */
  override forward(input: Tensor, hx?: [Tensor, Tensor] | null): [Tensor, [Tensor, Tensor]] {
    const [x, batched] = this.prepareInput(input);
    if (hx !== null && hx !== undefined && (!Array.isArray(hx) || hx.length !== 2)) {
      throw new ValueError('LSTM: hx must be a pair [h0, c0]');
    }
    const real = this.projSize > 0 ? this.projSize : this.hiddenSize;
    const h0 = this.prepareState(hx?.[0], batched, x.shape[1], real, 'hidden[0]');
    const c0 = this.prepareState(hx?.[1], batched, x.shape[1], this.hiddenSize, 'hidden[1]');
    const [out, hn, cn] = this.runLayers(x, h0, c0, (gi, h, c, w) => {
      const gates = add(gi, linear(h, w.wHh, w.bHh));
      const [i, f, g, o] = chunk(gates, 4, 1);
      const cNext = add(mul(sigmoid(f), c as Tensor), mul(sigmoid(i), tanh(g)));
      let hNext = mul(sigmoid(o), tanh(cNext));
      if (w.wHr) hNext = linear(hNext, w.wHr);
      return [hNext, cNext];
    });
    return [this.finishOutput(out, batched), [this.finishState(hn, batched), this.finishState(cn as Tensor, batched)]];
  }
}

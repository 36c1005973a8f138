import { add } from '../../ops/arithmetic/add';
import { mul } from '../../ops/arithmetic/mul';
import { sub } from '../../ops/arithmetic/sub';
import { linear } from '../../ops/functional/linear';
import { chunk } from '../../ops/shape/chunk';
import { sigmoid } from '../../ops/unary/sigmoid';
import { tanh } from '../../ops/unary/tanh';
import type { Tensor } from '../../tensor/tensor';
import { RNNBase, type RNNBaseOptions } from './rnn-base';
import { assertOptions } from '../../ops/arg-checks';

/**
 * A gated recurrent unit network (PyTorch's `nn.GRU`): gates r, z, n in PyTorch's order, with
 * `n = tanh(W_in x + b_in + r * (W_hn h + b_hn))` and `h' = (1 - z) * n + z * h`. Input
 * `[L, N, Hin]` (`[N, L, Hin]` with `batchFirst`, or unbatched); returns `[output, hN]`.
 *
 * @example
 * ```ts
 * const gru = new nn.GRU(10, 20, { bidirectional: true });
 * const [output, hN] = gru.forward(dl.randn([5, 3, 10])); // [5, 3, 40], [2, 3, 20]
 * ```
 */
export class GRU extends RNNBase {
  constructor(inputSize: number, hiddenSize: number, options: RNNBaseOptions = {}) {
    super('GRU', inputSize, hiddenSize, options, 'GRU');
    assertOptions(options, 'GRU', '{ numLayers: 2, batchFirst: true }');
  }

  /** Runs the network from `hx` (zeros by default); returns the output and the final hidden state. */
  override forward(input: Tensor, hx?: Tensor | null): [Tensor, Tensor] {
    const [x, batched] = this.prepareInput(input);
    const h0 = this.prepareState(hx, batched, x.shape[1], this.hiddenSize, 'hidden');
    const [out, hn] = this.runLayers(x, h0, null, (gi, h, _c, w) => {
      const [ir, iz, inn] = chunk(gi, 3, 1);
      const [hr, hz, hn_] = chunk(linear(h, w.wHh, w.bHh), 3, 1);
      const r = sigmoid(add(ir, hr));
      const z = sigmoid(add(iz, hz));
      const n = tanh(add(inn, mul(r, hn_)));
      return [add(n, mul(z, sub(h, n))), null];
    });
    return [this.finishOutput(out, batched), this.finishState(hn, batched)];
  }
}

import { ArgumentTypeError, bernoulli, nn, type Tensor, ValueError, zeros } from '@dl/core';
import { pyFloat } from '../../transforms/internal/py-repr';

/** How {@link stochasticDepth} drops: the whole batch at once, or each row (sample) on its own. */
export type StochasticDepthMode = 'batch' | 'row';

function checkArgs(op: string, p: unknown, mode: unknown): void {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) throw new ValueError(`${op}: drop probability has to be between 0 and 1, but got ${String(p)}`);
  if (mode !== 'batch' && mode !== 'row') throw new ValueError(`${op}: mode has to be either 'batch' or 'row', but got ${String(mode)}`);
}

/**
 * Stochastic Depth ("Deep Networks with Stochastic Depth", torchvision.ops' `stochastic_depth`):
 * in training, zeroes the whole input (`'batch'`) or whole samples (`'row'`) with probability
 * `p` and scales the rest by `1 / (1 - p)`; returns `input` itself when not training or `p` is 0.
 * Draws from @dl/core's default generator, so `manualSeed` repeats it.
 *
 * @param training apply the drop. @default true
 * @example
 * ```ts
 * const y = stochasticDepth(dl.ones([4, 3]), 0.5, 'row'); // each row all 0 or all 2
 * ```
 */
export function stochasticDepth(input: Tensor, p: number, mode: StochasticDepthMode, training = true): Tensor {
  checkArgs('stochasticDepth', p, mode);
  if (typeof training !== 'boolean') throw new ArgumentTypeError(`stochasticDepth: expected training to be a boolean, got ${String(training)}`);
  if (!training || p === 0) return input;
  const survivalRate = 1 - p;
  const size = input.shape.map((n, i) => (mode === 'row' && i === 0 ? n : 1));
  let noise = bernoulli(zeros(size), { p: survivalRate });
  if (survivalRate > 0) noise = noise.div(survivalRate);
  return input.mul(noise);
}

/**
 * {@link stochasticDepth} as a module (torchvision.ops' `StochasticDepth`): active in training
 * mode only. EfficientNet's residual blocks hold one each.
 *
 * @example
 * ```ts
 * const sd = new StochasticDepth(0.2, 'row');
 * sd.eval().forward(x); // x itself
 * ```
 */
export class StochasticDepth extends nn.Module {
  p: number;
  mode: StochasticDepthMode;

  constructor(p: number, mode: StochasticDepthMode) {
    super();
    checkArgs('StochasticDepth', p, mode);
    this.p = p;
    this.mode = mode;
  }

  override forward(input: Tensor): Tensor {
    return stochasticDepth(input, this.p, this.mode, this.training);
  }

  override toString(): string {
    return `StochasticDepth(p=${pyFloat(this.p)}, mode=${this.mode})`;
  }
}

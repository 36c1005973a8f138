// In-place random fills: values come from a Generator on the host (PyTorch's CPU algorithms).
import { tf, type TfTensor } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { ValueError } from '../../errors/value-error';
import { defaultGenerator, type Generator } from '../../random/generator';
import { Tensor } from '../../tensor/tensor';
import { requireFloat } from '../creation/creation-options';
import { fromHost } from '../creation/host-values';
import { bernoulliValues } from '../creation/random-values';
import { broadcastShapes } from '../operands';
import { assertTensor } from '../unary/unary-helpers';
import { inplace } from './inplace';
import { assertNumber } from '../arg-checks';

/** Options of the in-place random fills. */
export interface RandomFillOptions {
  /** Source of randomness. @default the default generator (seeded by `manualSeed`) */
  generator?: Generator;
}

/** The fill replaces the values: its gradient to the old values is zero (PyTorch's too). */
function randomFill(self: Tensor, op: string, make: () => TfTensor): Tensor {
  return inplace(self, op, (s) => runOp({ name: op.replace(/_$/, '').replace(/^./, (c) => c.toUpperCase()), inputs: [s], forward: make, backward: () => [null] }), {
    castAny: true,
  });
}

/**
 * Fills `self` with uniform random numbers in `[from, to)` in place (PyTorch's
 * `Tensor.uniform_`, as nn.init uses). Float tensors only. Returns `self`.
 *
 * @param from lower bound. @default 0
 * @param to upper bound. @default 1
 * @example
 * ```ts
 * dl.noGrad(() => weight.uniform_(-bound, bound));
 * ```
 */
export function uniform_(self: Tensor, from = 0, to = 1, options: RandomFillOptions = {}): Tensor {
  assertTensor(self, 'uniform_', 'self');
  requireFloat(self.dtype, 'uniform_');
  assertNumber(from, 'uniform_', 'from');
  assertNumber(to, 'uniform_', 'to');
  if (!(from <= to)) throw new ValueError(`uniform_: expects to return a [from, to) range, but found from=${from} > to=${to}`);
  const gen = options.generator ?? defaultGenerator;
  return randomFill(self, 'uniform_', () => tf.tensor(gen.fillUniform(new Float32Array(self.numel()), from, to), self.shape, 'float32'));
}

/**
 * Fills `self` with normal random numbers in place (PyTorch's `Tensor.normal_`, as nn.init
 * uses). Float tensors only. Returns `self`.
 *
 * @param mean @default 0
 * @param std @default 1
 * @example
 * ```ts
 * dl.noGrad(() => weight.normal_(0, 0.02));
 * ```
 */
export function normal_(self: Tensor, mean = 0, std = 1, options: RandomFillOptions = {}): Tensor {
  assertTensor(self, 'normal_', 'self');
  requireFloat(self.dtype, 'normal_');
  assertNumber(mean, 'normal_', 'mean');
  assertNumber(std, 'normal_', 'std');
  if (!(std >= 0)) throw new ValueError(`normal_: expects std >= 0.0, but found std ${std}`);
  const gen = options.generator ?? defaultGenerator;
  return randomFill(self, 'normal_', () => tf.tensor(gen.fillNormal(new Float32Array(self.numel()), mean, std), self.shape, 'float32'));
}

/**
 * Fills `self` with 0/1 draws in place, 1 with probability `p` (PyTorch's `Tensor.bernoulli_`):
 * `p` is a number or a tensor broadcast to `self`'s shape. Keeps `self`'s dtype. Returns `self`.
 *
 * @param p probability of 1. @default 0.5
 * @example
 * ```ts
 * const mask = dl.empty([4, 4]).bernoulli_(0.8);
 * ```
 */
export function bernoulli_(self: Tensor, p: number | Tensor = 0.5, options: RandomFillOptions = {}): Tensor {
  assertTensor(self, 'bernoulli_', 'self');
  const gen = options.generator ?? defaultGenerator;
  const n = self.numel();
  if (p instanceof Tensor) {
    const shape = broadcastShapes(self.shape, p.shape, 'bernoulli_');
    if (shape.length !== self.dim()) throw new ValueError(`bernoulli_: p of shape [${p.shape.join(', ')}] cannot be broadcast to self's shape [${self.shape.join(', ')}]`);
    const probs = tf.tidy(() => tf.broadcastTo(tf.cast(p._value, 'float32'), self.shape));
    const data = probs.dataSync() as Float32Array;
    probs.dispose();
    return randomFill(self, 'bernoulli_', () => bernoulliValues(data, self.shape, self.dtype, gen, 'bernoulli_'));
  }
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) throw new ValueError(`bernoulli_: expected 0 <= p <= 1, but got p=${String(p)}`);
  // PyTorch's scalar-p path draws a double uniform per element.
  return randomFill(self, 'bernoulli_', () => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = gen.nextDouble() < p ? 1 : 0;
    return fromHost(out, self.shape, self.dtype);
  });
}

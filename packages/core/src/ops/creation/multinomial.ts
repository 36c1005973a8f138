import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import { defaultGenerator, type Generator } from '../../random/generator';
import type { Tensor } from '../../tensor/tensor';
import { assertTensor } from '../unary/unary-helpers';
import { finish, type RandomOptions } from './creation-options';
import { hostTensor } from './host-values';

/** Options of {@link multinomial}. */
export interface MultinomialOptions extends RandomOptions {
  /** Draw with replacement (an index can repeat). @default false */
  replacement?: boolean;
}

function withReplacement(row: Float32Array, n: number, gen: Generator, out: Float64Array, at: number): void {
  // PyTorch's CPU loop: a float32 cumulative distribution, normalized, searched with a double uniform.
  const f = Math.fround;
  const k = row.length;
  const cum = new Float32Array(k);
  let sum = 0;
  for (let j = 0; j < k; j++) {
    sum = f(sum + row[j]);
    cum[j] = sum;
  }
  for (let j = 0; j < k; j++) cum[j] = f(cum[j] / sum);
  cum[k - 1] = 1;
  for (let s = 0; s < n; s++) {
    const u = gen.nextDouble();
    let lo = 0;
    let hi = k;
    while (hi - lo > 0) {
      const mid = lo + ((hi - lo) >> 1);
      if (cum[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    out[at + s] = lo;
  }
}

function withoutReplacement(row: Float32Array, n: number, gen: Generator, out: Float64Array, at: number): void {
  // PyTorch's CPU path: keys p / q with q ~ Exp(1); the n largest keys win, in descending order.
  const f = Math.fround;
  const keys = Array.from(row, (p, j) => ({ j, key: f(p / f(-Math.log(1 - gen.nextDouble()))) }));
  keys.sort((x, y) => y.key - x.key || x.j - y.j);
  for (let s = 0; s < n; s++) out[at + s] = keys[s].j;
}

/**
 * Samples `numSamples` category indices from each row of non-negative weights (PyTorch's
 * `torch.multinomial`); rows need not sum to 1. 1-D input gives `[numSamples]`, 2-D gives
 * `[rows, numSamples]` (int32).
 *
 * @param options `replacement` (@default false), `generator` (@default the default generator).
 * @example
 * ```ts
 * dl.multinomial(dl.tensor([0.1, 0.2, 0.3, 0.4]), 6, { replacement: true }).tolist(); // e.g. [3, 3, 2, 3, 3, 3]
 * ```
 */
export function multinomial(input: Tensor, numSamples: number, options: MultinomialOptions = {}): Tensor {
  assertTensor(input, 'multinomial');
  const rank = input.dim();
  if (rank !== 1 && rank !== 2) throw new ShapeError(`multinomial: prob_dist must be 1 or 2 dim, got shape [${input.shape.join(', ')}]`);
  if (!Number.isInteger(numSamples) || numSamples <= 0) throw new ValueError(`multinomial: cannot sample n_sample <= 0 samples (got ${numSamples})`);
  const replacement = options.replacement ?? false;
  const k = input.shape[rank - 1];
  const rows = rank === 2 ? input.shape[0] : 1;
  if (k === 0) throw new ValueError('multinomial: number of categories cannot be zero');
  if (!replacement && numSamples > k) {
    throw new ValueError(`multinomial: cannot sample n_sample > prob_dist.size(-1) samples without replacement (${numSamples} > ${k})`);
  }
  const data = Float32Array.from(input.dataSync());
  for (const v of data) {
    if (!(v >= 0) || v === Infinity) throw new ValueError('multinomial: probability tensor contains either `inf`, `nan` or element < 0');
  }
  const gen = options.generator ?? defaultGenerator;
  const out = new Float64Array(rows * numSamples);
  const rowList: Float32Array[] = [];
  for (let r = 0; r < rows; r++) {
    const row = data.subarray(r * k, (r + 1) * k);
    if (row.every((v) => v === 0)) throw new ValueError('multinomial: invalid multinomial distribution (sum of probabilities <= 0)');
    rowList.push(row);
  }
  // Like PyTorch, one draw (or no replacement) takes the exponential-keys path.
  const draw = !replacement || numSamples === 1 ? withoutReplacement : withReplacement;
  rowList.forEach((row, r) => { draw(row, numSamples, gen, out, r * numSamples); });
  const shape = rank === 2 ? [rows, numSamples] : [numSamples];
  return finish(hostTensor(out, shape, 'int32'), options);
}

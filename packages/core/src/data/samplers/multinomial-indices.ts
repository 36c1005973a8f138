import { ValueError } from '../../errors/value-error';
import type { Generator } from '../../random/generator';

/**
 * @internal `torch.multinomial` on a 1-D float64 weight vector, drawn as PyTorch's CPU kernel
 * draws it: with replacement, a binary search of a normalized cumulative sum with one double
 * uniform per sample; without replacement (or for a single sample), the `numSamples` largest
 * keys `w / q` with `q ~ Exp(1)`.
 */
export function multinomialIndices(weights: Float64Array, numSamples: number, replacement: boolean, gen: Generator, who: string): number[] {
  const k = weights.length;
  if (k === 0) throw new ValueError(`${who}: number of categories cannot be zero`);
  let sum = 0;
  for (let j = 0; j < k; j++) {
    const w = weights[j];
    if (!(w >= 0) || w === Infinity) throw new ValueError(`${who}: weights must be finite and non-negative, got ${w} at position ${j}`);
    sum += w;
  }
  if (!(sum > 0)) throw new ValueError(`${who}: invalid multinomial distribution (sum of weights <= 0)`);
  if (!replacement && numSamples > k) {
    throw new ValueError(`${who}: cannot sample numSamples > number of weights without replacement (${numSamples} > ${k})`);
  }
  if (!replacement || numSamples === 1) {
    const keys = new Float64Array(k);
    for (let j = 0; j < k; j++) keys[j] = weights[j] / -Math.log(1 - gen.nextDouble());
    const order = Array.from({ length: k }, (_, j) => j);
    order.sort((a, b) => keys[b] - keys[a] || a - b);
    return order.slice(0, numSamples);
  }
  const cum = new Float64Array(k);
  let acc = 0;
  for (let j = 0; j < k; j++) {
    acc += weights[j];
    cum[j] = acc;
  }
  for (let j = 0; j < k; j++) cum[j] /= acc;
  cum[k - 1] = 1;
  const out = new Array<number>(numSamples);
  for (let s = 0; s < numSamples; s++) {
    const u = gen.nextDouble();
    let lo = 0;
    let hi = k;
    while (hi > lo) {
      const mid = lo + ((hi - lo) >> 1);
      if (cum[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    out[s] = lo;
  }
  return out;
}

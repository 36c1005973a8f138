import { defaultGenerator, ValueError } from '@dl/core';
import { fmaF32 } from './torch-float';

// The draws torchvision's transforms make, from @dl/core's default generator (a PyTorch CPU
// generator), so `manualSeed(s)` repeats a pipeline. torch.* draws use PyTorch's conversions;
// the few draws torchvision takes from Python's `random` module (RandomOrder, RandomChoice)
// use the same generator with Python's algorithms.

/** @internal `torch.rand(1).item()`: a float32 uniform in [0, 1). */
export function randFloat(): number {
  return defaultGenerator.nextFloat();
}

/**
 * @internal `torch.empty(1).uniform_(from, to).item()`. PyTorch's CPU kernel computes
 * `x * (to - from) + from` with float32 bounds, a float32 span and a fused multiply-add (one
 * rounding; checked against torch on 160,000 draws over 8 ranges).
 */
export function uniform(from: number, to: number): number {
  const f = Math.fround(from);
  const span = Math.fround(Math.fround(to) - f);
  return fmaF32(defaultGenerator.nextFloat(), span, f);
}

/** @internal `torch.randint(low, high, (1,)).item()`: an integer in [low, high). */
export function randInt(low: number, high: number): number {
  if (!(high > low)) throw new ValueError(`randint: expected low < high, got low=${low}, high=${high}`);
  return defaultGenerator.nextInt(high - low) + low;
}

/** @internal `torch.randperm(n).tolist()`: PyTorch's CPU swap loop. */
export function randperm(n: number): number[] {
  const r = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < n - 1; i++) {
    const z = defaultGenerator.nextInt(n - i);
    [r[i], r[i + z]] = [r[i + z]!, r[i]!];
  }
  return r;
}

/** @internal Python's `random.random()`: a double in [0, 1). */
export function pyRandom(): number {
  return defaultGenerator.nextDouble();
}

/** @internal The order `random.shuffle(list(range(n)))` gives (Fisher-Yates from the end). */
export function pyShuffle(n: number): number[] {
  const r = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = defaultGenerator.nextInt(i + 1);
    [r[i], r[j]] = [r[j]!, r[i]!];
  }
  return r;
}

/**
 * @internal The index `random.choices(range(n), weights)[0]` picks: uniform without weights, else
 * the first cumulative weight above `random() * total`.
 */
export function pyChoiceIndex(n: number, weights: readonly number[] | null, op: string): number {
  if (n === 0) throw new ValueError(`${op}: cannot choose from an empty list of transforms`);
  if (weights === null) return Math.floor(pyRandom() * n);
  if (weights.length !== n) throw new ValueError(`${op}: the number of weights does not match the number of transforms (${weights.length} != ${n})`);
  const cum: number[] = [];
  let total = 0;
  for (const w of weights) {
    total += w;
    cum.push(total);
  }
  if (!(total > 0) || !Number.isFinite(total)) throw new ValueError(`${op}: the total of the weights p must be a finite number greater than zero, got ${total}`);
  const x = pyRandom() * total;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x < cum[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

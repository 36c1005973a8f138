/**
 * The base of every sampler (PyTorch's `torch.utils.data.Sampler`): an iterable of dataset
 * indices (or of index lists, for batch samplers) with a `length`. Iterating again starts a new
 * pass (a new shuffle for random samplers).
 *
 * @example
 * ```ts
 * class EvenSampler extends dl.Sampler<number> {
 *   constructor(readonly n: number) { super(); }
 *   get length() { return Math.ceil(this.n / 2); }
 *   *[Symbol.iterator]() { for (let i = 0; i < this.n; i += 2) yield i; }
 * }
 * ```
 */
export abstract class Sampler<T = number> implements Iterable<T> {
  /** The number of values one pass yields. */
  abstract get length(): number;

  /** One pass over the indices. */
  abstract [Symbol.iterator](): Iterator<T>;
}

/** Anything with a `length` a sampler can draw indices for (a dataset, an array). */
export interface Sized {
  readonly length: number;
}

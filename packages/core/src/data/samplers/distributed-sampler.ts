import { ValueError } from '../../errors/value-error';
import { Generator } from '../../random/generator';
import { Sampler, type Sized } from './sampler';
import { checkBool, checkPositiveInt, randpermArray, sizeOf } from './sampler-utils';

/** Options of {@link DistributedSampler}. */
export interface DistributedSamplerOptions {
  /** How many processes share the dataset. @default 1 */
  numReplicas?: number;
  /** This process's rank, 0 <= rank < numReplicas. @default 0 */
  rank?: number;
  /** Shuffle (the same permutation on every rank, changed by `setEpoch`). @default true */
  shuffle?: boolean;
  /** The shuffle seed; must be the same on every rank. @default 0 */
  seed?: number;
  /** Drop the tail so every rank gets the same count, instead of padding with repeats. @default false */
  dropLast?: boolean;
}

/**
 * Gives each of `numReplicas` processes its own share of the dataset (PyTorch's
 * `DistributedSampler`): every rank shuffles with `seed + epoch`, pads (or trims) to a multiple
 * of `numReplicas`, then takes every `numReplicas`-th index from `rank`. Call `setEpoch` before
 * each epoch so shuffles differ between epochs.
 *
 * @example
 * ```ts
 * const sampler = new dl.DistributedSampler(dataset, { numReplicas: 4, rank: 1, seed: 0 });
 * for (let epoch = 0; epoch < 10; epoch++) {
 *   sampler.setEpoch(epoch);
 *   for await (const batch of new dl.DataLoader(dataset, { sampler, batchSize: 32 })) train(batch);
 * }
 * ```
 */
export class DistributedSampler extends Sampler<number> {
  /** The dataset shared. */
  readonly dataset: Sized;
  /** How many ranks share it. */
  readonly numReplicas: number;
  /** This rank. */
  readonly rank: number;
  /** Whether indices are shuffled. */
  readonly shuffle: boolean;
  /** The base shuffle seed. */
  readonly seed: number;
  /** Whether the tail is dropped. */
  readonly dropLast: boolean;
  /** The epoch `setEpoch` last set. */
  epoch = 0;

  constructor(dataset: Sized, options: DistributedSamplerOptions = {}) {
    super();
    sizeOf(dataset, 'DistributedSampler');
    this.dataset = dataset;
    this.numReplicas = checkPositiveInt(options.numReplicas ?? 1, 'numReplicas', 'DistributedSampler');
    const rank = options.rank ?? 0;
    if (typeof rank !== 'number' || !Number.isInteger(rank) || rank < 0 || rank >= this.numReplicas) {
      throw new ValueError(`DistributedSampler: invalid rank ${String(rank)}, rank should be in the interval [0, ${this.numReplicas - 1}]`);
    }
    this.rank = rank;
    this.shuffle = checkBool(options.shuffle ?? true, 'shuffle', 'DistributedSampler');
    const seed = options.seed ?? 0;
    if (typeof seed !== 'number' || !Number.isInteger(seed)) throw new ValueError(`DistributedSampler: seed should be an integer, but got seed=${String(seed)}`);
    this.seed = seed;
    this.dropLast = checkBool(options.dropLast ?? false, 'dropLast', 'DistributedSampler');
  }

  /** The number of indices this rank gets per epoch. */
  get numSamples(): number {
    const n = this.dataset.length;
    if (this.dropLast && n % this.numReplicas !== 0) return Math.ceil((n - this.numReplicas) / this.numReplicas);
    return Math.ceil(n / this.numReplicas);
  }

  /** The number of indices over all ranks per epoch. */
  get totalSize(): number {
    return this.numSamples * this.numReplicas;
  }

  get length(): number {
    return this.numSamples;
  }

  /** Sets the epoch, which (with `seed`) picks the shuffle, as PyTorch's `set_epoch`. */
  setEpoch(epoch: number): void {
    if (typeof epoch !== 'number' || !Number.isInteger(epoch)) throw new ValueError(`DistributedSampler.setEpoch: epoch should be an integer, but got ${String(epoch)}`);
    this.epoch = epoch;
  }

  *[Symbol.iterator](): Iterator<number> {
    const n = this.dataset.length;
    let indices = this.shuffle ? randpermArray(n, new Generator(this.seed + this.epoch)) : Array.from({ length: n }, (_, i) => i);
    const total = this.totalSize;
    if (!this.dropLast) {
      const padding = total - indices.length;
      if (padding > 0 && indices.length > 0) {
        const pad: number[] = [];
        while (pad.length < padding) pad.push(...indices.slice(0, padding - pad.length));
        indices = indices.concat(pad);
      }
    } else {
      indices = indices.slice(0, total);
    }
    for (let i = this.rank; i < total; i += this.numReplicas) yield indices[i];
  }
}

import { defaultGenerator, Generator, type GeneratorState } from '@dl/core';

/**
 * Shuffles with a random state of its own (torchtext's `RandomShuffler`), so shuffles repeat
 * when the state is restored. A new shuffler starts from a copy of @dl/core's default generator
 * state (as torchtext's starts from a copy of Python's `random` state): `manualSeed(0)` before
 * making it makes its shuffles repeat run to run, and shuffling does not advance the default
 * generator.
 *
 * @example
 * ```ts
 * manualSeed(0);
 * const shuffler = new RandomShuffler();
 * const state = shuffler.randomState;
 * const a = shuffler.shuffle([1, 2, 3, 4]);
 * shuffler.randomState = state;
 * shuffler.shuffle([1, 2, 3, 4]); // equals a
 * ```
 */
export class RandomShuffler {
  private readonly generator: Generator;

  /** @param randomState a state from `randomState` (or a Generator's `getState()`), or a seed. */
  constructor(randomState?: GeneratorState | number | null) {
    this.generator = new Generator(0);
    if (typeof randomState === 'number') this.generator.manualSeed(randomState);
    else this.generator.setState(randomState ?? defaultGenerator.getState());
  }

  /** A copy of the current state. */
  get randomState(): GeneratorState {
    return this.generator.getState();
  }

  /** Restores a state taken from `randomState`. */
  set randomState(state: GeneratorState) {
    this.generator.setState(state);
  }

  /** A shuffled copy of `data` (Fisher-Yates with PyTorch's `randperm` draws). */
  shuffle<T>(data: readonly T[]): T[] {
    const out = data.slice();
    const n = out.length;
    for (let i = 0; i < n - 1; i++) {
      const j = i + this.generator.nextInt(n - i);
      const t = out[i]!;
      out[i] = out[j]!;
      out[j] = t;
    }
    return out;
  }
}

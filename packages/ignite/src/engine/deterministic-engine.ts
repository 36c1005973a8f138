import { Engine, type ProcessFunction } from './engine';

/**
 * An Engine whose runs are always deterministic (ignite's `DeterministicEngine`): a fresh run
 * without `seed` draws one from the default generator, every pass over the data reseeds with
 * `seed + pass`, and a resumed run replays the data to the saved iteration and restores the
 * random-number state, so it continues exactly as an uninterrupted run would.
 *
 * @example
 * ```ts
 * dl.manualSeed(12);
 * const trainer = new DeterministicEngine(trainStep);
 * await trainer.run(trainLoader, { maxEpochs: 5 });
 * ```
 */
export class DeterministicEngine<B = unknown, O = unknown> extends Engine<B, O> {
  constructor(processFunction: ProcessFunction<B, O>) {
    super(processFunction);
    this.deterministic = true;
  }
}

import { argmax, type Tensor } from '@dl/core';
import { type Engine, Events } from '@dl/ignite';

/** A test digit the model got wrong. */
export interface Misclassified {
  /** Its index in the (unshuffled) evaluation data. */
  index: number;
  /** The true digit. */
  label: number;
  /** The model's answer. */
  predicted: number;
}

/**
 * Records, on every run of `evaluator` (a supervised evaluator whose output is `[yPred, y]`, over
 * data in a fixed order), which items the model gets wrong. The list starts over at each run.
 *
 * @example
 * ```ts
 * const wrong = trackMisclassified(evaluator);
 * await evaluator.run(testLoader);
 * wrong.items; // [{ index: 18, label: 3, predicted: 5 }, ...]
 * ```
 */
export function trackMisclassified(evaluator: Engine): { items: Misclassified[] } {
  const record = { items: [] as Misclassified[] };
  let seen = 0;
  evaluator.on(Events.STARTED, () => {
    record.items = [];
    seen = 0;
  });
  evaluator.on(Events.ITERATION_COMPLETED, (engine) => {
    const [yPred, y] = engine.state.output as [Tensor, Tensor];
    const predicted = argmax(yPred, 1);
    const guesses = predicted.dataSync();
    predicted.dispose();
    const labels = y.dataSync();
    for (let i = 0; i < labels.length; i++) {
      if (guesses[i] !== labels[i]) record.items.push({ index: seen + i, label: Number(labels[i]), predicted: Number(guesses[i]) });
    }
    seen += labels.length;
  });
  return record;
}

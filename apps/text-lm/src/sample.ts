import { Generator, type Tensor, multinomial, noGrad, scope, softmax, tensor } from '@dl/core';
import type { Hidden, WordLanguageModel } from './model';

/** Options of {@link sampleContinuation}. */
export interface SampleOptions {
  /** How many words to draw. @default 30 */
  length?: number;
  /** Divides the scores before the softmax: below 1 sharper, above 1 flatter. @default 0.8 */
  temperature?: number;
  /** Seed of the draws (a generator of its own, so training's random state is untouched). @default 0 */
  seed?: number;
  /** Word indices never drawn (`<pad>`, and `<unk>` for a readable sample). @default [] */
  exclude?: readonly number[];
}

/**
 * Runs `promptIds` through `model` and then draws `length` words one at a time, each from the
 * softmax of the scores divided by `temperature` (PyTorch's `word_language_model/generate.py`),
 * feeding each drawn word back in; `exclude`d words get probability 0. The same model, prompt
 * and seed give the same words.
 *
 * @example
 * ```ts
 * const ids = sampleContinuation(model, [vocab.stoi.get('the')!], { length: 20, seed: 1 });
 * ```
 */
export function sampleContinuation(model: WordLanguageModel, promptIds: number[], options: SampleOptions = {}): number[] {
  const { length = 30, temperature = 0.8, seed = 0, exclude = [] } = options;
  if (promptIds.length === 0) throw new RangeError('sampleContinuation: the prompt has no words');
  if (!(temperature > 0)) throw new RangeError(`sampleContinuation: temperature must be > 0, got ${temperature}`);
  const generator = new Generator(seed);
  const allowed = new Float32Array(model.vocabSize).fill(1);
  for (const id of exclude) allowed[id] = 0;
  const wasTraining = model.training;
  model.eval();
  try {
    return noGrad(() =>
      scope(() => {
        const drawn: number[] = [];
        const input = tensor(promptIds.map((id) => [id]), { dtype: 'int64' });
        let [scores, hidden]: [Tensor, Hidden] = model.forward(input, null);
        for (let i = 0; i < length; i++) {
          // The scores of the last position only: [1, vocab].
          const last = scores.narrow(0, scores.shape[0] - 1, 1);
          const probs = softmax(last.div(temperature), -1).mul(tensor(allowed));
          const next = (multinomial(probs, 1, { generator }).tolist() as number[][])[0][0];
          drawn.push(next);
          [scores, hidden] = model.forward(tensor([[next]], { dtype: 'int64' }), hidden);
        }
        return drawn;
      }),
    );
  } finally {
    model.train(wasTraining);
  }
}

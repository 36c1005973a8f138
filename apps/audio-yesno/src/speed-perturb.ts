import { functional } from '@dl/audio';
import { scope, tensor } from '@dl/core';
import type { Words } from './word-dataset';

/**
 * Kaldi-style speed perturbation: each word again at the given speeds, made with @dl/audio's
 * `functional.resample` (sinc interpolation) from `sampleRate` to `sampleRate / speed` and played
 * back at `sampleRate`, so both tempo and pitch change, as a different speaker's would. The
 * takes go into `words.variants`, which training picks from.
 *
 * @example
 * ```ts
 * speedPerturb(train, [0.9, 1.1]); // every word also 10% slower and 10% faster
 * ```
 */
export function speedPerturb(words: Words, speeds: number[]): Words {
  // resample takes integer rates: speed 0.9 at 8 kHz is 8000 -> 8889, as 90 -> 100.
  const rates = speeds.map((s) => {
    const orig = Math.round(s * 100);
    return [orig, 100] as const;
  });
  words.variants = words.waveforms.map((w) =>
    rates.map(([orig, next]) =>
      scope(() => {
        const out = functional.resample(tensor(w).reshape([1, w.length]), orig, next);
        return (out.dataSync() as Float32Array).slice();
      }),
    ),
  );
  return words;
}

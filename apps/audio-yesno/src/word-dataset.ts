import { AmplitudeToDB, FrequencyMasking, MelSpectrogram, TimeMasking } from '@dl/audio';
import { Dataset, type Tensor, randint, scope, tensor } from '@dl/core';

/** Spoken words cut out of recordings, with their labels (1 yes, 0 no) and the recording each came from. */
export interface Words {
  waveforms: Float32Array[];
  labels: number[];
  /** Index of the recording each word came from. */
  recording: number[];
  /** Other takes of each word (e.g. sped up and slowed down); augmenting picks one of the word and these at random. */
  variants?: Float32Array[][];
  sampleRate: number;
}

/** How {@link WordDataset} turns a word into features. */
export interface WordFeatureOptions {
  /** Seconds of audio the network sees per word (longer words are cut to their middle). @default 0.8 */
  seconds?: number;
  /** Mel bands. @default 40 */
  nMels?: number;
  /** Training: a random place in the window, and SpecAugment's masks. @default false */
  augment?: boolean;
  /** Widest time mask (frames) when augmenting. @default 12 */
  timeMask?: number;
  /** Widest frequency mask (bands) when augmenting. @default 8 */
  freqMask?: number;
}

/**
 * The words as a map-style dataset of `[features, label]`: each word (or, when augmenting, one of
 * its variants at random) is placed in a fixed window (centred, or at a random place when augmenting), turned into a log-mel spectrogram with
 * @dl/audio's `MelSpectrogram` (32 ms windows, 10 ms hop) and `AmplitudeToDB`,
 * normalized to zero mean and unit variance, and, when augmenting, masked with SpecAugment's
 * `FrequencyMasking` and `TimeMasking`. Features are `[1, nMels, frames]`, an image for a CNN.
 *
 * @example
 * ```ts
 * const ds = new WordDataset(words, { augment: true });
 * const [features, label] = ds.getItem(0); // features.shape: [1, 40, 81]
 * ```
 */
export class WordDataset extends Dataset<[Tensor, number]> {
  readonly window: number;
  readonly augment: boolean;
  private readonly mel: MelSpectrogram;
  private readonly toDb = new AmplitudeToDB('power', 80);
  private readonly freqMasking: FrequencyMasking;
  private readonly timeMasking: TimeMasking;

  constructor(
    readonly words: Words,
    options: WordFeatureOptions = {},
  ) {
    super();
    const { seconds = 0.8, nMels = 40, augment = false, timeMask = 12, freqMask = 8 } = options;
    this.window = Math.round(seconds * words.sampleRate);
    this.augment = augment;
    const nFft = 2 ** Math.round(Math.log2(0.032 * words.sampleRate));
    this.mel = new MelSpectrogram({ sampleRate: words.sampleRate, nFft, hopLength: Math.round(0.01 * words.sampleRate), nMels });
    this.freqMasking = new FrequencyMasking(freqMask);
    this.timeMasking = new TimeMasking(timeMask);
  }

  get length(): number {
    return this.words.labels.length;
  }

  /** The word placed in the network's window: centred, or at a random offset when augmenting. */
  private placed(index: number): Float32Array {
    const variants = this.augment ? (this.words.variants?.[index] ?? []) : [];
    const pick = variants.length ? (randint(0, variants.length + 1, [1]).dataSync()[0] as number) : 0;
    const word = pick === 0 ? this.words.waveforms[index]! : variants[pick - 1]!;
    const out = new Float32Array(this.window);
    if (word.length >= this.window) {
      const from = Math.floor((word.length - this.window) / 2);
      out.set(word.subarray(from, from + this.window));
      return out;
    }
    const room = this.window - word.length;
    const offset = this.augment ? (randint(0, room + 1, [1]).dataSync()[0] as number) : Math.floor(room / 2);
    out.set(word, offset);
    return out;
  }

  getItem(index: number): [Tensor, number] {
    const samples = this.placed(index);
    const features = scope(() => {
      const db = this.toDb(this.mel(tensor(samples).reshape([1, this.window])));
      const mean = db.mean();
      let x = db.sub(mean).div(db.sub(mean).pow(2).mean().sqrt().add(1e-5));
      if (this.augment) x = this.timeMasking(this.freqMasking(x));
      return x;
    });
    return [features, this.words.labels[index]!];
  }
}

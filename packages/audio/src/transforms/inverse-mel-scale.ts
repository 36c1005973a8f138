import { clamp, clamp_, defaultGenerator, type Generator, matmul, mean, noGrad, optim, pow, rand, ShapeError, sub, sum, type Tensor } from '@dl/core';
import { checkFloatTensor, checkInt, checkNumber, fmtShape } from '../functional/internal/checks';
import { type MelScaleType, melscaleFbanks } from '../functional/melscale-fbanks';
import { AudioTransform } from './audio-transform';
import { melSettings } from './mel-scale';

/** Options of {@link InverseMelScale}. */
export interface InverseMelScaleOptions {
  /** Mel filters. @default 128 */
  nMels?: number;
  /** The audio's sample rate. @default 16000 */
  sampleRate?: number;
  /** Lowest frequency (Hz). @default 0 */
  fMin?: number;
  /** Highest frequency (Hz); `null` or 0 mean `sampleRate / 2`. @default sampleRate / 2 (floored) */
  fMax?: number | null;
  /** Most optimization steps. @default 100000 */
  maxIter?: number;
  /** Stop when the loss falls below this. @default 1e-5 */
  toleranceLoss?: number;
  /** Stop when the loss changes by less than this. @default 1e-8 */
  toleranceChange?: number;
  /** The SGD optimizer's options. @default { lr: 0.1, momentum: 0.9 } */
  sgdargs?: { lr?: number; momentum?: number; dampening?: number; weightDecay?: number; nesterov?: boolean } | null;
  /** `'slaney'` area-normalizes the mel triangles. @default null */
  norm?: 'slaney' | null;
  /** The mel scale. @default 'htk' */
  melScale?: MelScaleType;
  /** The generator of the random starting point. @default defaultGenerator */
  generator?: Generator;
}

/**
 * Estimates a linear-frequency spectrogram from a mel spectrogram (torchaudio's
 * `transforms.InverseMelScale`): minimizes `|melspec - S fb|^2` over non-negative `S` by SGD with
 * momentum from a random start (drawn from the generator like torch.rand, so seeded runs match
 * torchaudio's), stopping at `maxIter` steps or when the loss or its change falls below the
 * tolerances. `[..., nMels, time]` in, `[..., nStft, time]` out.
 *
 * @param nStft STFT bins of the output (`nFft / 2 + 1`).
 * @example
 * ```ts
 * const mel = new transforms.MelSpectrogram({ nFft: 400 })(wave);
 * const spec = new transforms.InverseMelScale(201, { maxIter: 2000 })(mel); // [1, 201, frames]
 * ```
 */
export class InverseMelScale extends AudioTransform {
  nMels: number;
  sampleRate: number;
  fMax: number;
  fMin: number;
  maxIter: number;
  toleranceLoss: number;
  toleranceChange: number;
  sgdargs: { lr: number; momentum: number };
  /** The filterbank, `[nStft, nMels]`. */
  declare fb: Tensor;
  declare private generator: Generator | undefined;

  constructor(nStft: number, options: InverseMelScaleOptions = {}) {
    super();
    const op = 'InverseMelScale';
    checkInt(nStft, op, 'nStft', 1);
    const { nMels, sampleRate, fMin, fMax } = melSettings({ ...options, fMax: options.fMax || null }, op);
    this.nMels = nMels;
    this.sampleRate = sampleRate;
    this.fMax = fMax;
    this.fMin = fMin;
    this.maxIter = options.maxIter ?? 100000;
    checkInt(this.maxIter, op, 'maxIter', 0);
    this.toleranceLoss = options.toleranceLoss ?? 1e-5;
    this.toleranceChange = options.toleranceChange ?? 1e-8;
    checkNumber(this.toleranceLoss, op, 'toleranceLoss');
    checkNumber(this.toleranceChange, op, 'toleranceChange');
    this.sgdargs = { lr: 0.1, momentum: 0.9, ...(options.sgdargs ?? {}) };
    Object.defineProperty(this, 'generator', { value: options.generator, enumerable: false, writable: true });
    this.registerBuffer('fb', melscaleFbanks(nStft, fMin, fMax, nMels, sampleRate, { norm: options.norm ?? null, melScale: options.melScale ?? 'htk' }));
  }

  /** `[..., nMels, time]` to `[..., nStft, time]`. */
  override forward(melspec: Tensor): Tensor {
    const op = 'InverseMelScale';
    checkFloatTensor(melspec, op, 'melspec', 2, '[..., nMels, time]');
    const shape = melspec.shape;
    const nMels = shape[shape.length - 2];
    const time = shape[shape.length - 1];
    if (nMels !== this.nMels) throw new ShapeError(`${op}: expected an input with ${this.nMels} mel bins, got shape ${fmtShape(shape)}`);
    const freq = this.fb.shape[0];
    const target = melspec.reshape([-1, nMels, time]).transpose(-1, -2).detach();
    const specgram = rand([target.shape[0], time, freq], { generator: this.generator ?? defaultGenerator, requiresGrad: true });
    const opt = new optim.SGD([specgram], this.sgdargs);
    let loss = Number.POSITIVE_INFINITY;
    for (let i = 0; i < this.maxIter; i++) {
      opt.zeroGrad();
      const diff = sub(target, matmul(specgram, this.fb));
      const newLoss = mean(sum(pow(diff, 2), -1));
      newLoss.backward();
      opt.step();
      noGrad(() => clamp_(specgram, { min: 0 }));
      const value = newLoss.item();
      if (value < this.toleranceLoss || Math.abs(loss - value) < this.toleranceChange) break;
      loss = value;
    }
    return clamp(specgram.detach(), { min: 0 }).transpose(-1, -2).reshape([...shape.slice(0, -2), freq, time]);
  }
}

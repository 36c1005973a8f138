import { mul, type Tensor, tensor, ValueError } from '@dl/core';
import { checkChoice, checkFloatTensor, checkInt } from '../functional/internal/checks';
import { linspaceF32 } from '../functional/internal/float32';
import { AudioTransform } from './audio-transform';

/** The shapes of a fade. */
export type FadeShape = 'linear' | 'logarithmic' | 'exponential' | 'quarter_sine' | 'half_sine';

const SHAPES: readonly FadeShape[] = ['quarter_sine', 'half_sine', 'linear', 'logarithmic', 'exponential'];
const f = Math.fround;

function fadeInCurve(x: number, shape: FadeShape): number {
  switch (shape) {
    case 'linear':
      return x;
    case 'exponential':
      return f(f(2 ** f(x - 1)) * x);
    case 'logarithmic':
      return f(f(Math.log10(f(0.1 + x))) + 1);
    case 'quarter_sine':
      return f(Math.sin(f(f(x * f(Math.PI)) / 2)));
    case 'half_sine':
      return f(f(f(Math.sin(f(f(x * f(Math.PI)) - f(Math.PI / 2)))) / 2) + 0.5);
  }
}

function fadeOutCurve(x: number, shape: FadeShape): number {
  switch (shape) {
    case 'linear':
      return f(-x + 1);
    case 'exponential':
      return f(f(2 ** -x) * f(1 - x));
    case 'logarithmic':
      return f(f(Math.log10(f(1.1 - x))) + 1);
    case 'quarter_sine':
      return f(Math.sin(f(f(f(x * f(Math.PI)) / 2) + f(Math.PI / 2))));
    case 'half_sine':
      return f(f(f(Math.sin(f(f(x * f(Math.PI)) + f(Math.PI / 2)))) / 2) + 0.5);
  }
}

/**
 * Fades a waveform in and/or out (torchaudio's `transforms.Fade`): the first `fadeInLen` samples
 * rise from 0 and the last `fadeOutLen` fall to 0 along `fadeShape` (`'linear'`,
 * `'logarithmic'`, `'exponential'`, `'quarter_sine'` or `'half_sine'`). Differentiable.
 *
 * @param fadeInLen samples of fade-in. @default 0
 * @param fadeOutLen samples of fade-out. @default 0
 * @param fadeShape the curve. @default 'linear'
 * @example
 * ```ts
 * const faded = new transforms.Fade(1600, 3200, 'half_sine')(wave); // 0.1 s in, 0.2 s out at 16 kHz
 * ```
 */
export class Fade extends AudioTransform {
  fadeInLen: number;
  fadeOutLen: number;
  fadeShape: FadeShape;

  constructor(fadeInLen = 0, fadeOutLen = 0, fadeShape: FadeShape = 'linear') {
    super();
    const op = 'Fade';
    checkInt(fadeInLen, op, 'fadeInLen', 0);
    checkInt(fadeOutLen, op, 'fadeOutLen', 0);
    checkChoice(fadeShape, SHAPES, op, 'fadeShape');
    this.fadeInLen = fadeInLen;
    this.fadeOutLen = fadeOutLen;
    this.fadeShape = fadeShape;
  }

  /** `[..., time]` faded, same shape. */
  override forward(waveform: Tensor): Tensor {
    const op = 'Fade';
    checkFloatTensor(waveform, op, 'waveform', 1, '[..., time]');
    const length = waveform.shape[waveform.ndim - 1];
    if (this.fadeInLen > length || this.fadeOutLen > length) {
      throw new ValueError(`${op}: the fades (fadeInLen=${this.fadeInLen}, fadeOutLen=${this.fadeOutLen}) are longer than the waveform (${length} samples)`);
    }
    const curve = new Float32Array(length).fill(1);
    const rise = linspaceF32(0, 1, this.fadeInLen);
    for (let i = 0; i < rise.length; i++) curve[i] = clamp01(fadeInCurve(rise[i], this.fadeShape));
    const fall = linspaceF32(0, 1, this.fadeOutLen);
    const at = length - this.fadeOutLen;
    for (let i = 0; i < fall.length; i++) curve[at + i] = f(curve[at + i] * clamp01(fadeOutCurve(fall[i], this.fadeShape)));
    return mul(tensor(curve), waveform);
  }
}

function clamp01(v: number): number {
  return Math.min(1, Math.max(0, v));
}

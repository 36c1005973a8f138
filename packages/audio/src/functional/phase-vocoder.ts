import { add, atan2, cat, cos, cumsum, div, indexSelect, mul, pad, round, select, sin, sqrt, stack, sub, type Tensor, tensor, ShapeError, ValueError } from '@dl/core';
import { checkComplexTensor, checkNumber, checkTensor, fmtShape } from './internal/checks';

/**
 * Speeds a complex STFT up (or slows it down) by `rate` without changing its pitch (torchaudio's
 * `functional.phase_vocoder`): frames are interpolated at steps of `rate`, magnitudes linearly,
 * phases by accumulating each bin's phase advance. The result has `ceil(frames / rate)` frames.
 * Complex tensors use the `[..., freq, frames, 2]` layout. Differentiable.
 *
 * @param complexSpecgrams complex `[..., freq, frames, 2]`.
 * @param rate speed-up factor (> 1 shortens).
 * @param phaseAdvance expected phase advance per hop of each bin, `[freq, 1]`
 *   (`linspace(0, pi * hopLength, freq)`).
 * @example
 * ```ts
 * const z = functional.spectrogram(wave, 0, functional.hannWindow(400), 400, 200, 400, null, false);
 * const advance = dl.linspace(0, Math.PI * 200, 201).unsqueeze(-1);
 * const faster = functional.phaseVocoder(z, 1.3, advance); // frames: ceil(frames / 1.3)
 * ```
 */
export function phaseVocoder(complexSpecgrams: Tensor, rate: number, phaseAdvance: Tensor): Tensor {
  const op = 'phaseVocoder';
  checkComplexTensor(complexSpecgrams, op, 'complexSpecgrams');
  checkNumber(rate, op, 'rate');
  if (!(rate > 0) || !Number.isFinite(rate)) throw new ValueError(`${op}: rate must be a positive number, got ${rate}`);
  checkTensor(phaseAdvance, op, 'phaseAdvance');
  const shape = complexSpecgrams.shape;
  const freq = shape[shape.length - 3];
  const frames = shape[shape.length - 2];
  if (phaseAdvance.numel() !== freq) throw new ShapeError(`${op}: expected phaseAdvance of shape [${freq}, 1] (one value per frequency bin), got shape ${fmtShape(phaseAdvance.shape)}`);
  if (rate === 1) return complexSpecgrams;
  const advance = phaseAdvance.reshape([freq, 1]);
  const spec = complexSpecgrams.reshape([-1, freq, frames, 2]);
  // torch.arange(0, frames, rate) in float32, its values computed in double.
  const steps = Math.ceil(frames / rate);
  const timeSteps = new Float32Array(steps);
  const idx0 = new Int32Array(steps);
  const idx1 = new Int32Array(steps);
  const alphas = new Float32Array(steps);
  for (let i = 0; i < steps; i++) {
    timeSteps[i] = i * rate;
    idx0[i] = Math.trunc(timeSteps[i]);
    idx1[i] = Math.trunc(Math.fround(timeSteps[i] + 1));
    alphas[i] = Math.fround(timeSteps[i] % 1);
  }
  const angle = (z: Tensor) => atan2(select(z, -1, 1), select(z, -1, 0));
  const norm = (z: Tensor) => sqrt(add(mul(select(z, -1, 0), select(z, -1, 0)), mul(select(z, -1, 1), select(z, -1, 1))));
  const phase0 = angle(spec.narrow(2, 0, 1));
  const padded = pad(spec, [0, 0, 0, 2]);
  const s0 = indexSelect(padded, 2, tensor(idx0));
  const s1 = indexSelect(padded, 2, tensor(idx1));
  const twoPi = 2 * Math.PI;
  let phase = sub(sub(angle(s1), angle(s0)), advance);
  phase = sub(phase, mul(round(div(phase, twoPi)), twoPi));
  phase = add(phase, advance);
  phase = cat([phase0, phase.narrow(2, 0, steps - 1)], 2);
  const phaseAcc = cumsum(phase, 2);
  const a = tensor(alphas);
  const mag = add(mul(a, norm(s1)), mul(sub(1, a), norm(s0)));
  const out = stack([mul(mag, cos(phaseAcc)), mul(mag, sin(phaseAcc))], -1);
  return out.reshape([...shape.slice(0, -3), freq, steps, 2]);
}


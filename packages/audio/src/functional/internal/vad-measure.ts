import { rfftFrames } from './fft';

const f = Math.fround;

/** @internal The fixed parameters of one VAD run (SoX's `vad` effect, as torchaudio ports it). */
export interface VadPlan {
  measureLenWs: number;
  dftLenWs: number;
  spectrumWindow: Float32Array;
  spectrumStart: number;
  spectrumEnd: number;
  cepstrumWindow: Float32Array;
  cepstrumStart: number;
  cepstrumEnd: number;
  noiseReductionAmount: number;
  measureSmoothTimeMult: number;
  noiseUpTimeMult: number;
  noiseDownTimeMult: number;
}

/**
 * @internal One measurement of SoX's VAD: the windowed spectrum of the last `measureLenWs` samples
 * (a ring buffer starting at `indexNs`), smoothed into `spectrum`, noise-reduced against the
 * running `noiseSpectrum` (both updated in place), then the power of its cepstrum in the lifter
 * band, as a log level. Float32 storage as torchaudio's tensors.
 */
export function vadMeasure(plan: VadPlan, samples: Float32Array, spectrum: Float32Array, noiseSpectrum: Float32Array, indexNs: number, bootCount: number): number {
  const { measureLenWs, dftLenWs, spectrumStart: ss, spectrumEnd: se, cepstrumStart: cs, cepstrumEnd: ce } = plan;
  const len = samples.length;
  const bins = rfftFrames(dftLenWs, 1, (input) => {
    input.fill(0);
    for (let i = 0; i < measureLenWs; i++) input[i] = f(samples[(indexNs + i) % len] * plan.spectrumWindow[i]);
  });
  const mult = bootCount >= 0 ? bootCount / (1 + bootCount) : plan.measureSmoothTimeMult;
  const multF = f(mult);
  const oneMinus = f(1 - mult);
  const d = new Float32Array(se - ss);
  for (let k = ss; k < se; k++) {
    const mag = f(Math.hypot(bins[2 * k], bins[2 * k + 1]));
    spectrum[k] = f(f(spectrum[k] * multF) + f(mag * oneMinus));
    d[k - ss] = f(spectrum[k] * spectrum[k]);
  }
  const up = f(plan.noiseUpTimeMult);
  const down = f(plan.noiseDownTimeMult);
  const nra = f(plan.noiseReductionAmount);
  const half = dftLenWs >> 1;
  const cepIn = new Float32Array(half);
  for (let k = ss; k < se; k++) {
    const dk = d[k - ss];
    const m = bootCount >= 0 ? 0 : dk > noiseSpectrum[k] ? up : down;
    noiseSpectrum[k] = f(f(noiseSpectrum[k] * m) + f(dk * f(1 - m)));
    const reduced = f(Math.sqrt(Math.max(0, f(dk - f(nra * noiseSpectrum[k])))));
    cepIn[k] = f(reduced * plan.cepstrumWindow[k - ss]);
  }
  const cep = rfftFrames(half, 1, (input) => input.set(cepIn));
  let result = 0;
  for (let k = cs; k < ce; k++) {
    const mag = f(Math.hypot(cep[2 * k], cep[2 * k + 1]));
    result = f(result + f(mag * mag));
  }
  const level = result > 0 ? Math.log(result / (ce - cs)) : Number.NEGATIVE_INFINITY;
  return Math.max(0, 21 + level);
}

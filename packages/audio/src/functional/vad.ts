import { ShapeError, type Tensor, ValueError } from '@dl/core';
import { checkFloatTensor, checkNumber, fmtShape } from './internal/checks';
import { type VadPlan, vadMeasure } from './internal/vad-measure';

/** Options of {@link vad} (SoX's `vad` effect parameters). */
export interface VadOptions {
  /** The measurement level that triggers activity detection. @default 7 */
  triggerLevel?: number;
  /** Time constant (s) that helps ignore short bursts of sound. @default 0.25 */
  triggerTime?: number;
  /** Audio (s) searched for quieter or shorter bursts to include before the trigger point. @default 1 */
  searchTime?: number;
  /** The gap (s) allowed between quieter or shorter bursts included before the trigger point. @default 0.25 */
  allowedGap?: number;
  /** Audio (s) kept before the trigger point and any bursts found. @default 0 */
  preTriggerTime?: number;
  /** Time (s) for the initial noise estimate. @default 0.35 */
  bootTime?: number;
  /** Time constant of the noise estimate when the noise rises. @default 0.1 */
  noiseUpTime?: number;
  /** Time constant of the noise estimate when the noise falls. @default 0.01 */
  noiseDownTime?: number;
  /** Amount of noise reduction in the detector. @default 1.35 */
  noiseReductionAmount?: number;
  /** Measurements per second. @default 20 */
  measureFreq?: number;
  /** Measurement duration (s). @default twice the measurement period (overlapping measurements) */
  measureDuration?: number | null;
  /** Time constant (s) smoothing the spectral measurements. @default 0.4 */
  measureSmoothTime?: number;
  /** "Brick-wall" high-pass frequency (Hz) of the detector's input. @default 50 */
  hpFilterFreq?: number;
  /** "Brick-wall" low-pass frequency (Hz) of the detector's input. @default 6000 */
  lpFilterFreq?: number;
  /** "Brick-wall" high-pass frequency of the detector's lifter. @default 150 */
  hpLifterFreq?: number;
  /** "Brick-wall" low-pass frequency of the detector's lifter. @default 2000 */
  lpLifterFreq?: number;
}

const f = Math.fround;

function hannInto(n: number, scale: number): Float32Array {
  // torch.hann_window (periodic) times 2 / sqrt(n), as torchaudio builds SoX's windows.
  const w = new Float32Array(n);
  const step = f((2 * Math.PI) / n);
  for (let i = 0; i < n; i++) w[i] = f(f(scale) * f(f(f(Math.cos(f(i * step))) * -0.5) + 0.5));
  return w;
}

/**
 * Voice activity detection that trims leading silence (torchaudio's `functional.vad`, a port of
 * SoX's `vad` effect): measures the cepstral power of overlapping windows against an adaptive
 * noise estimate and cuts the audio before the first sustained activity (keeping quieter bursts
 * just before it). Trims the front only: reverse, trim and reverse again to trim the end. A
 * `[channel, time]` input is one recording: every channel is cut at the earliest activity of any.
 *
 * @param waveform audio `[time]` or `[channel, time]`.
 * @param sampleRate the audio's sample rate.
 * @example
 * ```ts
 * const speechOnly = functional.vad(wave, 16000); // [channel, time'] with time' <= time
 * ```
 */
export function vad(waveform: Tensor, sampleRate: number, options: VadOptions = {}): Tensor {
  const op = 'vad';
  checkFloatTensor(waveform, op, 'waveform', 1, '[time] or [channel, time]');
  if (waveform.ndim > 2) {
    throw new ShapeError(`${op}: expected a waveform of shape [time] or [channel, time] (batches are not supported: the channels are trimmed together), got shape ${fmtShape(waveform.shape)}`);
  }
  checkNumber(sampleRate, op, 'sampleRate');
  if (!(sampleRate > 0)) throw new ValueError(`${op}: sampleRate must be positive, got ${sampleRate}`);
  const o = {
    triggerLevel: 7,
    triggerTime: 0.25,
    searchTime: 1,
    allowedGap: 0.25,
    preTriggerTime: 0,
    bootTime: 0.35,
    noiseUpTime: 0.1,
    noiseDownTime: 0.01,
    noiseReductionAmount: 1.35,
    measureFreq: 20,
    measureSmoothTime: 0.4,
    hpFilterFreq: 50,
    lpFilterFreq: 6000,
    hpLifterFreq: 150,
    lpLifterFreq: 2000,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
  } as Required<Omit<VadOptions, 'measureDuration'>> & { measureDuration?: number | null };
  for (const [k, v] of Object.entries(o)) if (k !== 'measureDuration') checkNumber(v, op, k);
  if (!(o.measureFreq > 0)) throw new ValueError(`${op}: measureFreq must be positive, got ${o.measureFreq}`);
  if (!(o.searchTime > 0)) throw new ValueError(`${op}: searchTime must be positive, got ${o.searchTime}`);
  const measureDuration = o.measureDuration ?? 2 / o.measureFreq;
  checkNumber(measureDuration, op, 'measureDuration');

  const measureLenWs = Math.trunc(sampleRate * measureDuration + 0.5);
  if (measureLenWs < 1) throw new ValueError(`${op}: measureDuration ${measureDuration} s is shorter than one sample at ${sampleRate} Hz`);
  const measureLenNs = measureLenWs;
  let dftLenWs = 16;
  while (dftLenWs < measureLenWs) dftLenWs *= 2;
  const measurePeriodNs = Math.trunc(sampleRate / o.measureFreq + 0.5);
  const measuresLen = Math.ceil(o.searchTime * o.measureFreq);
  const searchPreTriggerLenNs = measuresLen * measurePeriodNs;
  const gapLen = Math.trunc(o.allowedGap * o.measureFreq + 0.5);
  const fixedPreTriggerLenNs = Math.trunc(o.preTriggerTime * sampleRate + 0.5);
  const samplesLenNs = fixedPreTriggerLenNs + searchPreTriggerLenNs + measureLenNs;

  const spectrumStart = Math.max(Math.trunc((o.hpFilterFreq / sampleRate) * dftLenWs + 0.5), 1);
  const spectrumEnd = Math.min(Math.trunc((o.lpFilterFreq / sampleRate) * dftLenWs + 0.5), dftLenWs >> 1);
  const cepstrumStart = Math.ceil((sampleRate * 0.5) / o.lpLifterFreq);
  const cepstrumEnd = Math.min(Math.floor((sampleRate * 0.5) / o.hpLifterFreq), dftLenWs >> 2);
  if (cepstrumEnd <= cepstrumStart) {
    throw new ValueError(`${op}: expected cepstrumStart < cepstrumEnd (from lpLifterFreq, hpLifterFreq and the measurement length), got cepstrumStart=${cepstrumStart} and cepstrumEnd=${cepstrumEnd}`);
  }
  if (spectrumEnd <= spectrumStart) {
    throw new ValueError(`${op}: expected hpFilterFreq < lpFilterFreq within the measured band, got spectrum bins [${spectrumStart}, ${spectrumEnd})`);
  }
  const plan: VadPlan = {
    measureLenWs,
    dftLenWs,
    spectrumWindow: hannInto(measureLenWs, 2 / Math.sqrt(measureLenWs)),
    spectrumStart,
    spectrumEnd,
    cepstrumWindow: hannInto(spectrumEnd - spectrumStart, 2 / Math.sqrt(spectrumEnd - spectrumStart)),
    cepstrumStart,
    cepstrumEnd,
    noiseReductionAmount: o.noiseReductionAmount,
    measureSmoothTimeMult: Math.exp(-1 / (o.measureSmoothTime * o.measureFreq)),
    noiseUpTimeMult: Math.exp(-1 / (o.noiseUpTime * o.measureFreq)),
    noiseDownTimeMult: Math.exp(-1 / (o.noiseDownTime * o.measureFreq)),
  };
  const triggerMeasTimeMult = Math.exp(-1 / (o.triggerTime * o.measureFreq));
  const bootCountMax = Math.trunc(o.bootTime * o.measureFreq - 0.5);

  const shape = waveform.shape;
  const ilen = shape[shape.length - 1];
  const channels = waveform.ndim === 2 ? shape[0] : 1;
  const data = waveform.dataSync();
  const meanMeas = new Float32Array(channels);
  const samples = Array.from({ length: channels }, () => new Float32Array(samplesLenNs));
  const spectrum = Array.from({ length: channels }, () => new Float32Array(dftLenWs));
  const noise = Array.from({ length: channels }, () => new Float32Array(dftLenWs));
  const measures = Array.from({ length: channels }, () => new Float32Array(measuresLen));
  const trigger = f(o.triggerLevel);
  let measureTimerNs = measureLenNs;
  let bootCount = 0;
  let measuresIndex = 0;
  let flushedLenNs = 0;
  let samplesIndexNs = 0;
  let hasTriggered = false;
  let numMeasuresToFlush = 0;
  let pos = 0;
  while (pos < ilen && !hasTriggered) {
    measureTimerNs -= 1;
    for (let i = 0; i < channels; i++) {
      samples[i][samplesIndexNs] = data[i * ilen + pos];
      if (measureTimerNs === 0) {
        const indexNs = (samplesIndexNs + samplesLenNs - measureLenNs) % samplesLenNs;
        const meas = vadMeasure(plan, samples[i], spectrum[i], noise[i], indexNs, bootCount);
        measures[i][measuresIndex] = meas;
        meanMeas[i] = f(f(meanMeas[i] * f(triggerMeasTimeMult)) + f(meas * (1 - triggerMeasTimeMult)));
        hasTriggered = hasTriggered || meanMeas[i] >= trigger;
        if (hasTriggered) {
          const n = measuresLen;
          let k = measuresIndex;
          let jTrigger = n;
          let jZero = n;
          let j = 0;
          for (j = 0; j < n; j++) {
            if (measures[i][k] >= trigger && j <= jTrigger + gapLen) {
              jZero = j;
              jTrigger = j;
            } else if (measures[i][k] === 0 && jTrigger >= jZero) jZero = j;
            k = (k + n - 1) % n;
          }
          // torchaudio's `for j in range(n)` leaves j at n - 1, not n.
          j = Math.min(n - 1, jZero);
          numMeasuresToFlush = Math.min(Math.max(numMeasuresToFlush, j), n);
        }
      }
    }
    samplesIndexNs += 1;
    pos += 1;
    if (samplesIndexNs === samplesLenNs) samplesIndexNs = 0;
    if (measureTimerNs === 0) {
      measureTimerNs = measurePeriodNs;
      measuresIndex = (measuresIndex + 1) % measuresLen;
      if (bootCount >= 0) bootCount = bootCount === bootCountMax ? -1 : bootCount + 1;
    }
    if (hasTriggered) {
      flushedLenNs = (measuresLen - numMeasuresToFlush) * measurePeriodNs;
      samplesIndexNs = (samplesIndexNs + flushedLenNs) % samplesLenNs;
    }
  }
  // Python slicing: a negative start counts from the end.
  let start = pos - samplesLenNs + flushedLenNs;
  if (start < 0) start = Math.max(0, ilen + start);
  start = Math.min(start, ilen);
  return waveform.narrow(-1, start, ilen - start);
}

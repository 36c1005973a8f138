// torchaudio.transforms for @dl: nn.Modules you can also call like functions, over the
// functional layer (../functional). Complex spectrograms are `[..., freq, time, 2]` tensors.
export * from './audio-transform';
export * from './compose';
export { type SpectrogramOptions, Spectrogram } from './spectrogram';
export * from './inverse-spectrogram';
export * from './griffin-lim';
export * from './amplitude-to-db';
export { type MelScaleOptions, MelScale } from './mel-scale';
export * from './inverse-mel-scale';
export * from './mel-spectrogram';
export * from './mfcc';
export * from './lfcc';
export * from './mu-law-encoding';
export * from './mu-law-decoding';
export * from './resample';
export * from './compute-deltas';
export * from './time-stretch';
export * from './fade';
export * from './frequency-masking';
export * from './time-masking';
export * from './vol';
export * from './sliding-window-cmn';
export * from './vad';
export * from './spectral-centroid';
export * from './scale';
export * from './pad-trim';
export type { TransformLike } from './internal/transform-like';
export { AxisMasking } from './internal/axis-masking';

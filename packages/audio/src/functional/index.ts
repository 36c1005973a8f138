// torchaudio.functional for @dl: the spectral functions the transforms are built on, each usable
// on its own, plus torch's window functions. Complex spectrograms are real tensors with a
// trailing dimension of 2 (real, imaginary), the layout of torch.view_as_real.
export * from './window-function';
export * from './hann-window';
export * from './hamming-window';
export * from './blackman-window';
export * from './bartlett-window';
export * from './kaiser-window';
export * from './spectrogram';
export * from './inverse-spectrogram';
export * from './griffinlim';
export * from './empty-filterbank-warning';
export { melscaleFbanks, type MelscaleFbanksOptions, type MelScaleType } from './melscale-fbanks';
export * from './linear-fbanks';
export * from './create-dct';
export * from './amplitude-to-db';
export * from './db-to-amplitude';
export * from './mu-law-encoding';
export * from './mu-law-decoding';
export * from './resample';
export * from './compute-deltas';
export * from './phase-vocoder';
export * from './mask-along-axis';
export * from './mask-along-axis-iid';
export * from './spectral-centroid';
export * from './sliding-window-cmn';
export * from './vad';
export * from './gain';

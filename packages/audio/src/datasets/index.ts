// torchaudio.datasets: speech corpora as map-style datasets (Node-only: files and downloads),
// and the padding collate that batches their variable-length waveforms.
export * from '../errors/dataset-content-error';
export * from './audio-dataset';
export * from './yesno';
export * from './vctk-092';
export * from './speech-commands';
export * from './librispeech';
export * from './ljspeech';
export * from './pad-waveforms';
export * from './pad-collate';

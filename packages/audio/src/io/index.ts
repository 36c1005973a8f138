// @dl/audio io: torchaudio's load / save / info (and synchronous variants), their metadata and
// source types, and the package's error classes.
export * from './audio-source';
export * from './audio-metadata';
export * from './load';
export * from './info';
export * from './save';
export { AudioError } from '../errors/audio-error';
export { AudioFormatError } from '../errors/audio-format-error';
export { AudioDecodeError } from '../errors/audio-decode-error';

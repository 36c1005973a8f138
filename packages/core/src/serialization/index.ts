// Browser-safe checkpoint API: bytes in, bytes out. File helpers (save/load) are in './node-index'.
export * from './checkpoint-error';
export * from './unpickling-error';
export type { CheckpointValue } from './checkpoint-value';
export { serialize, deserialize, type SerializeOptions, type CheckpointFormat } from './serialize';
export { STRUCTURE_KEY, STRUCTURE_VERSION_KEY } from './structure';

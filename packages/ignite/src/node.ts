// @dl/ignite/node: the parts that write files (checkpoints on disk, JSON-lines and CSV logs).
export * from './node/disk-saver';
export * from './node/model-checkpoint';
export * from './node/engine-checkpoint';
export * from './node/find-last-checkpoint';
export * from './node/json-lines-logger';
export * from './node/csv-logger';

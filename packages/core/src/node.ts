// @dl/core/node: the Node-only APIs (files, downloads, archives, worker threads).
export * from './serialization/node-index';
export * from './datasets/index';
export * from './data/node-index';

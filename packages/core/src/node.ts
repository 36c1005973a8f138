// @dl/core/node: the Node-only APIs (files, downloads, worker threads).
export {};

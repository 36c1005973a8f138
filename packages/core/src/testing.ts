// @dl/core/testing: helpers for the tests of dataset packages (a local HTTP server, archive builders). Node-only.
export * from './datasets/testing/index';

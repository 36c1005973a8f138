export * from './test-server';
export type { ArchiveEntrySpec } from './archive-entry';
export * from './build-tar';
export * from './build-zip';
export { TEST_CERTIFICATE } from './tls-fixture';

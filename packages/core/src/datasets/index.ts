// Dataset plumbing for every toolkit and contributed dataset package (Node-only: files, HTTP).
export * from './errors/download-error';
export * from './errors/redirect-error';
export * from './errors/checksum-error';
export * from './errors/archive-error';
export * from './errors/unsafe-archive-entry-error';
export * from './errors/extraction-limit-error';
export * from './errors/storage-error';
export * from './errors/dataset-error';
export * from './data-home';
export { fileChecksum, checkIntegrity, type ExpectedChecksum } from './checksum';
export type { ProgressStream } from './progress-bar';
export * from './download-url';
export type { ArchiveFormat } from './archive-format';
export * from './extract-archive';
export * from './download-and-extract-archive';
export { downloadResource, type DatasetResource, type DatasetDownloadOptions } from './dataset-resource';
export * from './vision-dataset';

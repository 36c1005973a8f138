// @dl/vision utils: torchvision.utils.
export * from './make-grid';
export * from './save-image';

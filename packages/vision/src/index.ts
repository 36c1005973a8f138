// @dl/vision: torchvision for TypeScript. The areas as namespaces, as torchvision's modules
// (`io`, `transforms` with `transforms.functional`, `datasets`, `utils`, `models`), and every export flat too:
// `import { datasets, transforms } from '@dl/vision'` or `import { MNIST, Compose } from '@dl/vision'`.
// DataLoader workers rebuild datasets and transforms from this module's flat exports.
export * as io from './io/index';
export * as transforms from './transforms/index';
export * as datasets from './datasets/index';
export * as utils from './utils/index';
export * as models from './models/index';
export * from './io/index';
export * from './transforms/index';
export * from './datasets/index';
export * from './utils/index';
export * from './models/index';
export { Image, isImage, modeChannels, type ImageMode } from './image/image';
export { ImageError } from './errors/image-error';
export { ImageBackendError } from './errors/image-backend-error';

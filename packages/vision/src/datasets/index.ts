// @dl/vision datasets (torchvision.datasets): the base class, the datasets, and their file readers.
export * from './vision-dataset';
// Datasets A
export * from './idx';
export * from './mnist';
export * from './kmnist';
export * from './fashion-mnist';
export * from './emnist';
export * from './qmnist';
export * from './cifar';
export * from './stl10';
export * from './svhn';
export * from './imagenet';
export * from './imagenet-archives';
export * from './fake-data';
export * from './mat/read-mat';
export type * from './mat/mat-value';
export * from './mat/mat-access';
// Datasets B: folders of class folders
export * from './img-extensions';
export * from './has-file-allowed-extension';
export * from './find-classes';
export * from './make-dataset';
export * from './default-loader';
export * from './dataset-folder';
export * from './image-folder';
// PhotoTour, COCO, LSUN
export * from './phototour';
export * from './coco-types';
export * from './coco-index';
export * from './coco-dataset';
export * from './coco-detection';
export * from './coco-captions';
export * from './lsun-class';
export * from './lsun';
export * from './lmdb/lmdb-reader';

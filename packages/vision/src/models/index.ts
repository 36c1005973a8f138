// torchvision.models: the classification architectures with their weights enums, the weights
// infrastructure (Weights, the hub cache, ImageClassification presets), get_model & co, and ops.
export * from './get-model';
export * from './weights/weights-enum';
export * from './weights/image-classification';
export * from './weights/imagenet-categories';
export * from './weights/hub-dir';
export * from './weights/load-state-dict-from-url';
export type { ClassifierOptions, ModelWeightsOptions, WeightsArg } from './internal/model-options';
export * from './resnet-blocks';
export * from './resnet';
export * from './resnet-weights';
export * from './alexnet';
export * from './alexnet-weights';
export * from './vgg';
export * from './vgg-weights';
export * from './squeezenet';
export * from './squeezenet-weights';
export * from './densenet-blocks';
export * from './densenet';
export * from './densenet-weights';
export * from './mobilenetv2';
export * from './mobilenetv3';
export * from './efficientnet';
export * from './shufflenetv2';
export * from './ops/index';

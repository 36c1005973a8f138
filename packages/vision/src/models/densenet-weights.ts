import { ImageClassification } from './weights/image-classification';
import { IMAGENET_CATEGORIES } from './weights/imagenet-categories';
import { weightsEnum } from './weights/weights-enum';

/**
 * The ImageNet-1K weights of {@link densenet121} (torchvision's `DenseNet121_Weights`, ported
 * from LuaTorch).
 *
 * @example
 * ```ts
 * const model = await densenet121({ weights: 'DEFAULT' });
 * ```
 */
export const DenseNet121_Weights = weightsEnum(
  'DenseNet121_Weights',
  {
    IMAGENET1K_V1: {
      url: 'https://download.pytorch.org/models/densenet121-a639ec97.pth',
      transforms: () => new ImageClassification({ cropSize: 224 }),
      meta: {
        categories: IMAGENET_CATEGORIES,
        minSize: [29, 29],
        numParams: 7978856,
        recipe: 'https://github.com/pytorch/vision/pull/116',
        metrics: { 'ImageNet-1K': { 'acc@1': 74.434, 'acc@5': 91.972 } },
        docs: 'These weights are ported from LuaTorch.',
      },
    },
  },
  'IMAGENET1K_V1',
);

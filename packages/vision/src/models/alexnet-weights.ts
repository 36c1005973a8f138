import { ImageClassification } from './weights/image-classification';
import { IMAGENET_CATEGORIES } from './weights/imagenet-categories';
import { weightsEnum } from './weights/weights-enum';

/**
 * The ImageNet-1K weights of {@link alexnet} (torchvision's `AlexNet_Weights`).
 *
 * @example
 * ```ts
 * const model = await alexnet({ weights: AlexNet_Weights.IMAGENET1K_V1 });
 * ```
 */
export const AlexNet_Weights = weightsEnum(
  'AlexNet_Weights',
  {
    IMAGENET1K_V1: {
      url: 'https://download.pytorch.org/models/alexnet-owt-7be5be79.pth',
      transforms: () => new ImageClassification({ cropSize: 224 }),
      meta: {
        categories: IMAGENET_CATEGORIES,
        minSize: [63, 63],
        numParams: 61100840,
        recipe: 'https://github.com/pytorch/vision/tree/main/references/classification#alexnet-and-vgg',
        metrics: { 'ImageNet-1K': { 'acc@1': 56.522, 'acc@5': 79.066 } },
        docs: 'These weights reproduce closely the results of the paper using a simplified training recipe.',
      },
    },
  },
  'IMAGENET1K_V1',
);

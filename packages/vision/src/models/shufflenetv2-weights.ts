import { IMAGENET_CATEGORIES } from './weights/imagenet-categories';
import { ImageClassification } from './weights/image-classification';
import { weightsEnum } from './weights/weights-enum';

/**
 * The ImageNet-1K weights of {@link shufflenet_v2_x1_0} (torchvision 0.14's
 * `ShuffleNet_V2_X1_0_Weights`): `IMAGENET1K_V1` (acc@1 69.362, ported from
 * ericsun99/Shufflenet-v2-Pytorch), also the `DEFAULT`.
 *
 * @example
 * ```ts
 * const model = await shufflenet_v2_x1_0({ weights: 'DEFAULT' });
 * ```
 */
export const ShuffleNet_V2_X1_0_Weights = weightsEnum(
  'ShuffleNet_V2_X1_0_Weights',
  {
    IMAGENET1K_V1: {
      url: 'https://download.pytorch.org/models/shufflenetv2_x1-5666bf0f80.pth',
      transforms: () => new ImageClassification({ cropSize: 224 }),
      meta: {
        categories: IMAGENET_CATEGORIES,
        numParams: 2278604,
        minSize: [1, 1],
        recipe: 'https://github.com/ericsun99/Shufflenet-v2-Pytorch',
        metrics: { 'ImageNet-1K': { 'acc@1': 69.362, 'acc@5': 88.316 } },
        docs: 'These weights were trained from scratch to reproduce closely the results of the paper.',
      },
    },
  },
  'IMAGENET1K_V1',
);

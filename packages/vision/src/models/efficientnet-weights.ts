import { InterpolationMode } from '../transforms/functional/interpolation-mode';
import { IMAGENET_CATEGORIES } from './weights/imagenet-categories';
import { ImageClassification } from './weights/image-classification';
import { weightsEnum } from './weights/weights-enum';

/**
 * The ImageNet-1K weights of {@link efficientnet_b0} (torchvision 0.14's
 * `EfficientNet_B0_Weights`): `IMAGENET1K_V1` (acc@1 77.692, ported from pytorch-image-models),
 * also the `DEFAULT`; evaluated with a bicubic resize to 256 and a 224 crop.
 *
 * @example
 * ```ts
 * const model = await efficientnet_b0({ weights: 'IMAGENET1K_V1' });
 * const preprocess = EfficientNet_B0_Weights.DEFAULT.transforms(); // bicubic resize
 * ```
 */
export const EfficientNet_B0_Weights = weightsEnum(
  'EfficientNet_B0_Weights',
  {
    IMAGENET1K_V1: {
      url: 'https://download.pytorch.org/models/efficientnet_b0_rwightman-3dd342df.pth',
      // This published file does not start with the SHA-256 prefix in its name (reported as
      // pytorch/vision#7744; torchvision 0.14 loads it without a hash check), so it is not checked.
      checkHash: false,
      transforms: () => new ImageClassification({ cropSize: 224, resizeSize: 256, interpolation: InterpolationMode.BICUBIC }),
      meta: {
        categories: IMAGENET_CATEGORIES,
        numParams: 5288548,
        minSize: [1, 1],
        recipe: 'https://github.com/pytorch/vision/tree/main/references/classification#efficientnet-v1',
        metrics: { 'ImageNet-1K': { 'acc@1': 77.692, 'acc@5': 93.532 } },
        docs: 'These weights are ported from the original paper.',
      },
    },
  },
  'IMAGENET1K_V1',
);

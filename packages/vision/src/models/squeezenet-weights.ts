import { ImageClassification } from './weights/image-classification';
import { IMAGENET_CATEGORIES } from './weights/imagenet-categories';
import { type WeightsMeta, weightsEnum } from './weights/weights-enum';

function meta(minSide: number, numParams: number, acc1: number, acc5: number): WeightsMeta {
  return {
    categories: IMAGENET_CATEGORIES,
    minSize: [minSide, minSide],
    numParams,
    recipe: 'https://github.com/pytorch/vision/pull/49#issuecomment-277560717',
    metrics: { 'ImageNet-1K': { 'acc@1': acc1, 'acc@5': acc5 } },
    docs: 'These weights reproduce closely the results of the paper using a simple training recipe.',
  };
}

/**
 * The ImageNet-1K weights of {@link squeezenet1_0} (torchvision's `SqueezeNet1_0_Weights`).
 *
 * @example
 * ```ts
 * const model = await squeezenet1_0({ weights: SqueezeNet1_0_Weights.DEFAULT });
 * ```
 */
export const SqueezeNet1_0_Weights = weightsEnum(
  'SqueezeNet1_0_Weights',
  {
    IMAGENET1K_V1: {
      url: 'https://download.pytorch.org/models/squeezenet1_0-b66bff10.pth',
      transforms: () => new ImageClassification({ cropSize: 224 }),
      meta: meta(21, 1248424, 58.092, 80.42),
    },
  },
  'IMAGENET1K_V1',
);

/**
 * The ImageNet-1K weights of {@link squeezenet1_1} (torchvision's `SqueezeNet1_1_Weights`).
 *
 * @example
 * ```ts
 * const model = await squeezenet1_1({ weights: 'IMAGENET1K_V1' });
 * ```
 */
export const SqueezeNet1_1_Weights = weightsEnum(
  'SqueezeNet1_1_Weights',
  {
    IMAGENET1K_V1: {
      url: 'https://download.pytorch.org/models/squeezenet1_1-b8a52dc0.pth',
      transforms: () => new ImageClassification({ cropSize: 224 }),
      meta: meta(17, 1235496, 58.178, 80.624),
    },
  },
  'IMAGENET1K_V1',
);

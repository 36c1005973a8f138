import { ImageClassification } from './weights/image-classification';
import { IMAGENET_CATEGORIES } from './weights/imagenet-categories';
import { type WeightsMeta, weightsEnum } from './weights/weights-enum';

const RECIPE = 'https://github.com/pytorch/vision/tree/main/references/classification#alexnet-and-vgg';
const DOCS = 'These weights were trained from scratch by using a simplified training recipe.';

function meta(numParams: number, acc1: number, acc5: number): WeightsMeta {
  return { categories: IMAGENET_CATEGORIES, minSize: [32, 32], numParams, recipe: RECIPE, metrics: { 'ImageNet-1K': { 'acc@1': acc1, 'acc@5': acc5 } }, docs: DOCS };
}

const crop224 = () => new ImageClassification({ cropSize: 224 });

/**
 * The ImageNet-1K weights of {@link vgg11} (torchvision's `VGG11_Weights`).
 *
 * @example
 * ```ts
 * const model = await vgg11({ weights: VGG11_Weights.DEFAULT });
 * ```
 */
export const VGG11_Weights = weightsEnum(
  'VGG11_Weights',
  { IMAGENET1K_V1: { url: 'https://download.pytorch.org/models/vgg11-8a719046.pth', transforms: crop224, meta: meta(132863336, 69.02, 88.628) } },
  'IMAGENET1K_V1',
);

/**
 * The ImageNet-1K weights of {@link vgg11_bn} (torchvision's `VGG11_BN_Weights`).
 *
 * @example
 * ```ts
 * const model = await vgg11_bn({ weights: 'DEFAULT' });
 * ```
 */
export const VGG11_BN_Weights = weightsEnum(
  'VGG11_BN_Weights',
  { IMAGENET1K_V1: { url: 'https://download.pytorch.org/models/vgg11_bn-6002323d.pth', transforms: crop224, meta: meta(132868840, 70.37, 89.81) } },
  'IMAGENET1K_V1',
);

/**
 * The weights of {@link vgg16} (torchvision's `VGG16_Weights`): `IMAGENET1K_V1` (the `DEFAULT`)
 * and `IMAGENET1K_FEATURES`, features ported from SSD for feature extraction only (its
 * classifier holds no trained values; it has no categories and its own normalization).
 *
 * @example
 * ```ts
 * const backbone = (await vgg16({ weights: VGG16_Weights.IMAGENET1K_FEATURES })).features;
 * ```
 */
export const VGG16_Weights = weightsEnum(
  'VGG16_Weights',
  {
    IMAGENET1K_V1: { url: 'https://download.pytorch.org/models/vgg16-397923af.pth', transforms: crop224, meta: meta(138357544, 71.592, 90.382) },
    IMAGENET1K_FEATURES: {
      url: 'https://download.pytorch.org/models/vgg16_features-amdegroot-88682ab5.pth',
      transforms: () => new ImageClassification({ cropSize: 224, mean: [0.48235, 0.45882, 0.40784], std: [1 / 255, 1 / 255, 1 / 255] }),
      meta: {
        ...meta(138357544, Number.NaN, Number.NaN),
        categories: null,
        recipe: 'https://github.com/amdegroot/ssd.pytorch#training-ssd',
        docs:
          "These weights can't be used for classification because they are missing values in the `classifier` module. Only the `features` module has valid values and can be used for feature extraction. The weights were trained using the original input standardization method as described in the paper.",
      },
    },
  },
  'IMAGENET1K_V1',
);

/**
 * The ImageNet-1K weights of {@link vgg16_bn} (torchvision's `VGG16_BN_Weights`).
 *
 * @example
 * ```ts
 * const model = await vgg16_bn({ weights: VGG16_BN_Weights.IMAGENET1K_V1 });
 * ```
 */
export const VGG16_BN_Weights = weightsEnum(
  'VGG16_BN_Weights',
  { IMAGENET1K_V1: { url: 'https://download.pytorch.org/models/vgg16_bn-6c64b313.pth', transforms: crop224, meta: meta(138365992, 73.36, 91.516) } },
  'IMAGENET1K_V1',
);

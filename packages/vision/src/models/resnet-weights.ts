import { ImageClassification } from './weights/image-classification';
import { IMAGENET_CATEGORIES } from './weights/imagenet-categories';
import { type WeightsMeta, weightsEnum } from './weights/weights-enum';

const V1_RECIPE = 'https://github.com/pytorch/vision/tree/main/references/classification#resnet';
const V1_DOCS = 'These weights reproduce closely the results of the paper using a simple training recipe.';
const V2_RECIPE = 'https://github.com/pytorch/vision/issues/3995#issuecomment-1013906621';
const V2_DOCS =
  "These weights improve upon the results of the original paper by using TorchVision's `new training recipe <https://pytorch.org/blog/how-to-train-state-of-the-art-models-using-torchvision-latest-primitives/>`_.";

function meta(numParams: number, acc1: number, acc5: number, recipe: string, docs: string): WeightsMeta {
  return { categories: IMAGENET_CATEGORIES, minSize: [1, 1], numParams, recipe, metrics: { 'ImageNet-1K': { 'acc@1': acc1, 'acc@5': acc5 } }, docs };
}

const crop224 = () => new ImageClassification({ cropSize: 224 });
const crop224Resize232 = () => new ImageClassification({ cropSize: 224, resizeSize: 232 });

/**
 * The ImageNet-1K weights of {@link resnet18} (torchvision's `ResNet18_Weights`).
 *
 * @example
 * ```ts
 * const model = await resnet18({ weights: ResNet18_Weights.DEFAULT });
 * const preprocess = ResNet18_Weights.DEFAULT.transforms();
 * ```
 */
export const ResNet18_Weights = weightsEnum(
  'ResNet18_Weights',
  {
    IMAGENET1K_V1: {
      url: 'https://download.pytorch.org/models/resnet18-f37072fd.pth',
      transforms: crop224,
      meta: meta(11689512, 69.758, 89.078, V1_RECIPE, V1_DOCS),
    },
  },
  'IMAGENET1K_V1',
);

/**
 * The ImageNet-1K weights of {@link resnet34} (torchvision's `ResNet34_Weights`).
 *
 * @example
 * ```ts
 * const model = await resnet34({ weights: ResNet34_Weights.IMAGENET1K_V1 });
 * ```
 */
export const ResNet34_Weights = weightsEnum(
  'ResNet34_Weights',
  {
    IMAGENET1K_V1: {
      url: 'https://download.pytorch.org/models/resnet34-b627a593.pth',
      transforms: crop224,
      meta: meta(21797672, 73.314, 91.42, V1_RECIPE, V1_DOCS),
    },
  },
  'IMAGENET1K_V1',
);

/**
 * The ImageNet-1K weights of {@link resnet50} (torchvision's `ResNet50_Weights`); `DEFAULT` is
 * `IMAGENET1K_V2` (the newer recipe, evaluated after resizing to 232).
 *
 * @example
 * ```ts
 * const model = await resnet50({ weights: 'DEFAULT' });
 * String(ResNet50_Weights.DEFAULT); // 'ResNet50_Weights.IMAGENET1K_V2'
 * ```
 */
export const ResNet50_Weights = weightsEnum(
  'ResNet50_Weights',
  {
    IMAGENET1K_V1: {
      url: 'https://download.pytorch.org/models/resnet50-0676ba61.pth',
      transforms: crop224,
      meta: meta(25557032, 76.13, 92.862, V1_RECIPE, V1_DOCS),
    },
    IMAGENET1K_V2: {
      url: 'https://download.pytorch.org/models/resnet50-11ad3fa6.pth',
      transforms: crop224Resize232,
      meta: meta(25557032, 80.858, 95.434, V2_RECIPE, V2_DOCS),
    },
  },
  'IMAGENET1K_V2',
);

/**
 * The ImageNet-1K weights of {@link resnet101} (torchvision's `ResNet101_Weights`); `DEFAULT` is
 * `IMAGENET1K_V2`.
 *
 * @example
 * ```ts
 * const model = await resnet101({ weights: ResNet101_Weights.IMAGENET1K_V2 });
 * ```
 */
export const ResNet101_Weights = weightsEnum(
  'ResNet101_Weights',
  {
    IMAGENET1K_V1: {
      url: 'https://download.pytorch.org/models/resnet101-63fe2227.pth',
      transforms: crop224,
      meta: meta(44549160, 77.374, 93.546, V1_RECIPE, V1_DOCS),
    },
    IMAGENET1K_V2: {
      url: 'https://download.pytorch.org/models/resnet101-cd907fc2.pth',
      transforms: crop224Resize232,
      meta: meta(44549160, 81.886, 95.78, 'https://github.com/pytorch/vision/issues/3995#new-recipe', V2_DOCS),
    },
  },
  'IMAGENET1K_V2',
);

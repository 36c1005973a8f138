import { IMAGENET_CATEGORIES } from './weights/imagenet-categories';
import { ImageClassification } from './weights/image-classification';
import { weightsEnum } from './weights/weights-enum';

const common = { categories: IMAGENET_CATEGORIES, minSize: [1, 1] as const };
const simpleRecipe = 'https://github.com/pytorch/vision/tree/main/references/classification#mobilenetv3-large--small';

/**
 * The ImageNet-1K weights of {@link mobilenet_v3_large} (torchvision 0.14's
 * `MobileNet_V3_Large_Weights`): `IMAGENET1K_V1` (acc@1 74.042) and `IMAGENET1K_V2` (75.274, the
 * `DEFAULT`, evaluated after a resize to 232).
 *
 * @example
 * ```ts
 * const model = await mobilenet_v3_large({ weights: 'DEFAULT' });
 * ```
 */
export const MobileNet_V3_Large_Weights = weightsEnum(
  'MobileNet_V3_Large_Weights',
  {
    IMAGENET1K_V1: {
      url: 'https://download.pytorch.org/models/mobilenet_v3_large-8738ca79.pth',
      transforms: () => new ImageClassification({ cropSize: 224 }),
      meta: {
        ...common,
        numParams: 5483032,
        recipe: simpleRecipe,
        metrics: { 'ImageNet-1K': { 'acc@1': 74.042, 'acc@5': 91.34 } },
        docs: 'These weights were trained from scratch by using a simple training recipe.',
      },
    },
    IMAGENET1K_V2: {
      url: 'https://download.pytorch.org/models/mobilenet_v3_large-5c1a4163.pth',
      transforms: () => new ImageClassification({ cropSize: 224, resizeSize: 232 }),
      meta: {
        ...common,
        numParams: 5483032,
        recipe: 'https://github.com/pytorch/vision/issues/3995#new-recipe-with-reg-tuning',
        metrics: { 'ImageNet-1K': { 'acc@1': 75.274, 'acc@5': 92.566 } },
        docs: "These weights improve marginally upon the results of the original paper by using a modified version of TorchVision's new training recipe.",
      },
    },
  },
  'IMAGENET1K_V2',
);

/**
 * The ImageNet-1K weights of {@link mobilenet_v3_small} (torchvision 0.14's
 * `MobileNet_V3_Small_Weights`): `IMAGENET1K_V1` (acc@1 67.668), also the `DEFAULT`.
 *
 * @example
 * ```ts
 * const model = await mobilenet_v3_small({ weights: MobileNet_V3_Small_Weights.IMAGENET1K_V1 });
 * model.eval();
 * ```
 */
export const MobileNet_V3_Small_Weights = weightsEnum(
  'MobileNet_V3_Small_Weights',
  {
    IMAGENET1K_V1: {
      url: 'https://download.pytorch.org/models/mobilenet_v3_small-047dcff4.pth',
      transforms: () => new ImageClassification({ cropSize: 224 }),
      meta: {
        ...common,
        numParams: 2542856,
        recipe: simpleRecipe,
        metrics: { 'ImageNet-1K': { 'acc@1': 67.668, 'acc@5': 87.402 } },
        docs: 'These weights improve upon the results of the original paper by using a simple training recipe.',
      },
    },
  },
  'IMAGENET1K_V1',
);

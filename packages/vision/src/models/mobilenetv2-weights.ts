import { IMAGENET_CATEGORIES } from './weights/imagenet-categories';
import { ImageClassification } from './weights/image-classification';
import { weightsEnum } from './weights/weights-enum';

const common = { categories: IMAGENET_CATEGORIES, numParams: 3504872, minSize: [1, 1] as const };

/**
 * The ImageNet-1K weights of {@link mobilenet_v2} (torchvision 0.14's `MobileNet_V2_Weights`):
 * `IMAGENET1K_V1` (acc@1 71.878) and `IMAGENET1K_V2` (72.154, the `DEFAULT`, evaluated after a
 * resize to 232).
 *
 * @example
 * ```ts
 * const model = await mobilenet_v2({ weights: MobileNet_V2_Weights.DEFAULT });
 * const preprocess = MobileNet_V2_Weights.DEFAULT.transforms();
 * ```
 */
export const MobileNet_V2_Weights = weightsEnum(
  'MobileNet_V2_Weights',
  {
    IMAGENET1K_V1: {
      url: 'https://download.pytorch.org/models/mobilenet_v2-b0353104.pth',
      transforms: () => new ImageClassification({ cropSize: 224 }),
      meta: {
        ...common,
        recipe: 'https://github.com/pytorch/vision/tree/main/references/classification#mobilenetv2',
        metrics: { 'ImageNet-1K': { 'acc@1': 71.878, 'acc@5': 90.286 } },
        docs: 'These weights reproduce closely the results of the paper using a simple training recipe.',
      },
    },
    IMAGENET1K_V2: {
      url: 'https://download.pytorch.org/models/mobilenet_v2-7ebf99e0.pth',
      transforms: () => new ImageClassification({ cropSize: 224, resizeSize: 232 }),
      meta: {
        ...common,
        recipe: 'https://github.com/pytorch/vision/issues/3995#new-recipe-with-reg-tuning',
        metrics: { 'ImageNet-1K': { 'acc@1': 72.154, 'acc@5': 90.822 } },
        docs: "These weights improve upon the results of the original paper by using a modified version of TorchVision's new training recipe.",
      },
    },
  },
  'IMAGENET1K_V2',
);

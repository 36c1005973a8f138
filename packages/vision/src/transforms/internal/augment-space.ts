import { linspaceValues, posterizeBits, type AugmentOp } from './augment-op';

/** @internal How an operation's magnitudes are made for `n` bins of an image `[height, width]`; null: it takes none. */
type Magnitudes = ((n: number, height: number, width: number) => number[]) | null;

/** @internal One operation of an augmentation space: its name, magnitudes and whether they get a random sign. */
export interface SpaceEntry {
  op: AugmentOp;
  magnitudes: Magnitudes;
  signed: boolean;
}

const lin =
  (end: number): Magnitudes =>
  (n) =>
    linspaceValues(0, end, n);
const translateX: Magnitudes = (n, _h, w) => linspaceValues(0, (150 / 331) * w, n);
const translateY: Magnitudes = (n, h) => linspaceValues(0, (150 / 331) * h, n);
const solarize: Magnitudes = (n) => linspaceValues(255, 0, n);
const bits =
  (div: number): Magnitudes =>
  (n) =>
    posterizeBits(8, n, div);

const entry = (op: AugmentOp, magnitudes: Magnitudes, signed: boolean): SpaceEntry => ({ op, magnitudes, signed });

/** @internal AutoAugment's `_augmentation_space` (no Identity; Invert last). */
export const AUTO_AUGMENT_SPACE: readonly SpaceEntry[] = [
  entry('ShearX', lin(0.3), true),
  entry('ShearY', lin(0.3), true),
  entry('TranslateX', translateX, true),
  entry('TranslateY', translateY, true),
  entry('Rotate', lin(30), true),
  entry('Brightness', lin(0.9), true),
  entry('Color', lin(0.9), true),
  entry('Contrast', lin(0.9), true),
  entry('Sharpness', lin(0.9), true),
  entry('Posterize', bits(4), false),
  entry('Solarize', solarize, false),
  entry('AutoContrast', null, false),
  entry('Equalize', null, false),
  entry('Invert', null, false),
];

/** @internal RandAugment's `_augmentation_space`, in torchvision's order (the op index depends on it). */
export const RAND_AUGMENT_SPACE: readonly SpaceEntry[] = [
  entry('Identity', null, false),
  entry('ShearX', lin(0.3), true),
  entry('ShearY', lin(0.3), true),
  entry('TranslateX', translateX, true),
  entry('TranslateY', translateY, true),
  entry('Rotate', lin(30), true),
  entry('Brightness', lin(0.9), true),
  entry('Color', lin(0.9), true),
  entry('Contrast', lin(0.9), true),
  entry('Sharpness', lin(0.9), true),
  entry('Posterize', bits(4), false),
  entry('Solarize', solarize, false),
  entry('AutoContrast', null, false),
  entry('Equalize', null, false),
];

/** @internal TrivialAugmentWide's `_augmentation_space` (wider ranges, image-size-free translation). */
export const TRIVIAL_AUGMENT_SPACE: readonly SpaceEntry[] = [
  entry('Identity', null, false),
  entry('ShearX', lin(0.99), true),
  entry('ShearY', lin(0.99), true),
  entry('TranslateX', lin(32), true),
  entry('TranslateY', lin(32), true),
  entry('Rotate', lin(135), true),
  entry('Brightness', lin(0.99), true),
  entry('Color', lin(0.99), true),
  entry('Contrast', lin(0.99), true),
  entry('Sharpness', lin(0.99), true),
  entry('Posterize', bits(6), false),
  entry('Solarize', solarize, false),
  entry('AutoContrast', null, false),
  entry('Equalize', null, false),
];

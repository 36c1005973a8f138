import { ValueError } from '@dl/core';
import { adjustBrightness } from '../functional/adjust-brightness';
import { adjustContrast } from '../functional/adjust-contrast';
import { adjustSaturation } from '../functional/adjust-saturation';
import { adjustSharpness } from '../functional/adjust-sharpness';
import { affine } from '../functional/affine';
import { autocontrast } from '../functional/autocontrast';
import { equalize } from '../functional/equalize';
import { isTensor, type ImageInput } from '../functional/internal/image-input';
import type { InterpolationMode } from '../functional/interpolation-mode';
import { invert } from '../functional/invert';
import { posterize } from '../functional/posterize';
import { rotate } from '../functional/rotate';
import { solarize } from '../functional/solarize';
import { pyRound } from './py-round';
import { torchLinspace } from './torch-float';

/** @internal The operations AutoAugment, RandAugment and TrivialAugmentWide choose from. */
export type AugmentOp =
  | 'Identity'
  | 'ShearX'
  | 'ShearY'
  | 'TranslateX'
  | 'TranslateY'
  | 'Rotate'
  | 'Brightness'
  | 'Color'
  | 'Contrast'
  | 'Sharpness'
  | 'Posterize'
  | 'Solarize'
  | 'AutoContrast'
  | 'Equalize'
  | 'Invert';

/** @internal An operation's magnitudes (null: it takes none) and whether they get a random sign. */
export type AugmentSpace = [op: AugmentOp, magnitudes: readonly number[] | null, signed: boolean][];

/** @internal `torch.linspace(start, end, steps)` as numbers (float32 values, PyTorch's arithmetic). */
export function linspaceValues(start: number, end: number, steps: number): number[] {
  return torchLinspace(start, end, steps);
}

/** @internal `top - (torch.arange(n) / ((n - 1) / div)).round().int()`: the posterize bits per bin. */
export function posterizeBits(top: number, n: number, div: number): number[] {
  const d = Math.fround((n - 1) / div);
  return Array.from({ length: n }, (_, i) => top - pyRound(Math.fround(i / d)));
}

/** @internal The fill torchvision's auto-augment transforms pass on: for a tensor, one float per channel. */
export function augmentFill(img: ImageInput, fill: number | readonly number[] | null, channels: number): number | number[] | undefined {
  if (fill === null) return undefined;
  if (isTensor(img)) return typeof fill === 'number' ? new Array<number>(channels).fill(fill) : [...fill];
  return typeof fill === 'number' ? fill : [...fill];
}

/** @internal torchvision's `_apply_op`: one augmentation with a signed magnitude. */
export function applyOp<T extends ImageInput>(img: T, op: AugmentOp, magnitude: number, interpolation: InterpolationMode, fill: number | number[] | undefined): T {
  // Python's math.degrees multiplies by the rounded 180 / pi.
  const shear = Math.atan(magnitude) * (180 / Math.PI);
  switch (op) {
    case 'ShearX':
      return affine(img, { angle: 0, translate: [0, 0], scale: 1, shear: [shear, 0], interpolation, fill, center: [0, 0] });
    case 'ShearY':
      return affine(img, { angle: 0, translate: [0, 0], scale: 1, shear: [0, shear], interpolation, fill, center: [0, 0] });
    case 'TranslateX':
      return affine(img, { angle: 0, translate: [Math.trunc(magnitude), 0], scale: 1, shear: [0, 0], interpolation, fill });
    case 'TranslateY':
      return affine(img, { angle: 0, translate: [0, Math.trunc(magnitude)], scale: 1, shear: [0, 0], interpolation, fill });
    case 'Rotate':
      return rotate(img, magnitude, { interpolation, fill });
    case 'Brightness':
      return adjustBrightness(img, 1 + magnitude);
    case 'Color':
      return adjustSaturation(img, 1 + magnitude);
    case 'Contrast':
      return adjustContrast(img, 1 + magnitude);
    case 'Sharpness':
      return adjustSharpness(img, 1 + magnitude);
    case 'Posterize':
      return posterize(img, Math.trunc(magnitude));
    case 'Solarize':
      return solarize(img, magnitude);
    case 'AutoContrast':
      return autocontrast(img);
    case 'Equalize':
      return equalize(img);
    case 'Invert':
      return invert(img);
    case 'Identity':
      return img;
    default:
      throw new ValueError(`The provided operator ${String(op)} is not recognized.`);
  }
}

import { describe, expect, it } from 'vitest';
import * as root from '../index';
import * as transforms from './index';

const exported = new Map<string, unknown>(Object.entries(transforms));
const entry = new Map<string, unknown>(Object.entries(root));

const CLASSES = [
  'Compose', 'ToTensor', 'PILToTensor', 'ToPILImage', 'ConvertImageDtype', 'Normalize', 'Resize', 'CenterCrop', 'RandomCrop',
  'RandomResizedCrop', 'FiveCrop', 'TenCrop', 'Pad', 'RandomHorizontalFlip', 'RandomVerticalFlip', 'Grayscale', 'RandomGrayscale',
  'ColorJitter', 'RandomRotation', 'RandomAffine', 'RandomPerspective', 'GaussianBlur', 'RandomErasing', 'RandomInvert',
  'RandomPosterize', 'RandomSolarize', 'RandomAdjustSharpness', 'RandomAutocontrast', 'RandomEqualize', 'AutoAugment',
  'RandAugment', 'TrivialAugmentWide', 'Lambda', 'RandomApply', 'RandomChoice', 'RandomOrder', 'LinearTransformation',
] as const;

describe('transforms index', () => {
  it("exports torchvision's transform classes, Transform, InterpolationMode, AutoAugmentPolicy and the functional layer", () => {
    for (const name of CLASSES) expect(typeof exported.get(name), name).toBe('function');
    expect(transforms.InterpolationMode.BILINEAR).toBe('bilinear');
    expect(transforms.AutoAugmentPolicy.IMAGENET).toBe('imagenet');
    expect(typeof transforms.Transform).toBe('function');
    expect(typeof transforms.functional.resize).toBe('function');
    expect(typeof transforms.functional.normalize).toBe('function');
  });

  it('every class is a flat export of the package entry under its own name, which workerSpec() names', () => {
    for (const name of CLASSES) {
      const cls = exported.get(name) as { name: string };
      expect(cls.name).toBe(name);
      expect(entry.get(name), name).toBe(cls);
    }
    const spec = new transforms.RandomHorizontalFlip().workerSpec()!;
    expect([spec.export, String(spec.module)]).toEqual(['RandomHorizontalFlip', new URL('../index.ts', import.meta.url).href]);
  });
});

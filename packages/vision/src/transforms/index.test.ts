import { eye, zeros } from '@dl/core';
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

  it('rebuilds every transform from its workerSpec to an equal one (same repr)', () => {
    const t = transforms;
    const samples = [
      new t.Compose([new t.ToTensor(), new t.Normalize([0.5], [0.25], { inplace: true })]),
      new t.ToPILImage('RGBA'),
      new t.ConvertImageDtype('int32'),
      new t.Resize([5, 6], { interpolation: 'bicubic', antialias: false }),
      new t.Resize(7, { maxSize: 9 }),
      new t.CenterCrop([3]),
      new t.RandomCrop([4, 5], { padding: [1, 2], padIfNeeded: true, fill: [1, 2, 3], paddingMode: 'edge' }),
      new t.RandomResizedCrop(6, { scale: [0.2, 0.9], ratio: [0.5, 2], interpolation: 'nearest' }),
      new t.FiveCrop(3),
      new t.TenCrop([3, 2], { verticalFlip: true }),
      new t.Pad([1, 2, 3, 4], { fill: 9, paddingMode: 'symmetric' }),
      new t.RandomHorizontalFlip(0.1),
      new t.RandomVerticalFlip(0.9),
      new t.Grayscale(3),
      new t.RandomGrayscale(0.7),
      new t.ColorJitter({ brightness: [0.5, 1], hue: 0.2 }),
      new t.RandomRotation([5, 10], { expand: true, center: [1, 1], fill: 3 }),
      new t.RandomAffine(5, { translate: [0.1, 0.1], scale: [0.9, 1], shear: [1, 2, 3, 4], fill: [1, 2, 3], center: [0, 0] }),
      new t.RandomPerspective({ distortionScale: 0.2, p: 0.3, interpolation: 'nearest', fill: [4, 5, 6] }),
      new t.GaussianBlur([3, 5], { sigma: [0.2, 0.3] }),
      new t.RandomErasing({ p: 0.2, scale: [0.1, 0.2], ratio: [1, 2], value: [1, 2, 3], inplace: true }),
      new t.RandomInvert(0.2),
      new t.RandomPosterize(3, { p: 0.4 }),
      new t.RandomSolarize(0.5, { p: 0.6 }),
      new t.RandomAdjustSharpness(0.5, { p: 0.7 }),
      new t.RandomAutocontrast(0.8),
      new t.RandomEqualize(0.9),
      new t.AutoAugment('svhn', { interpolation: 'bilinear', fill: 5 }),
      new t.RandAugment({ numOps: 1, magnitude: 3, numMagnitudeBins: 5, fill: [1, 2, 3] }),
      new t.TrivialAugmentWide({ numMagnitudeBins: 9, interpolation: 'bilinear' }),
      new t.RandomApply([new t.RandomInvert()], { p: 0.3 }),
      new t.RandomChoice([new t.RandomInvert(), new t.Grayscale()], { p: [1, 2] }),
      new t.RandomOrder([new t.RandomInvert(), new t.Grayscale()]),
      new t.LinearTransformation(eye(2), zeros([2])),
    ];
    for (const sample of samples) {
      const spec = sample.workerSpec()!;
      const Cls = entry.get(spec.export!) as new (...args: unknown[]) => object;
      expect(String(new Cls(...(spec.args ?? []))), spec.export).toBe(String(sample));
    }
  });
});

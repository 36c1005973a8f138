import { describe, expect, it } from 'vitest';
import * as F from './index';

const FUNCTIONS = [
  'resize', 'crop', 'centerCrop', 'resizedCrop', 'pad', 'hflip', 'vflip', 'rotate', 'affine', 'perspective', 'fiveCrop', 'tenCrop',
  'getImageSize', 'getImageNumChannels', 'getDimensions',
  'toTensor', 'pilToTensor', 'toPilImage', 'convertImageDtype', 'normalize', 'rgbToGrayscale', 'toGrayscale',
  'adjustBrightness', 'adjustContrast', 'adjustSaturation', 'adjustHue', 'adjustGamma', 'adjustSharpness', 'gaussianBlur',
  'invert', 'posterize', 'solarize', 'autocontrast', 'equalize', 'erase',
];

describe('transforms.functional', () => {
  it.each(FUNCTIONS)('exports %s', (name) => {
    expect(typeof (F as Record<string, unknown>)[name]).toBe('function');
  });

  it('exports InterpolationMode with torchvision values', () => {
    expect(F.InterpolationMode.BILINEAR).toBe('bilinear');
    expect(F.InterpolationMode.NEAREST_EXACT).toBe('nearest-exact');
  });
});

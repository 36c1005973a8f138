import { ShapeError, ValueError, rand, tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../../image/image';
import { colorFixture, expectResult, fixtureCases, fixtureInput, throwsExactly } from '../../../test/support/color-fixtures';
import { autocontrast } from './autocontrast';

describe('autocontrast', () => {
  const fx = colorFixture('color_autocontrast');

  it.each(fixtureCases(fx).map((c) => [c.key, c] as const))('matches torchvision for %s (narrow histograms, a flat channel)', (_, c) => {
    expectResult(autocontrast(fixtureInput(fx, c.input)), c.expected, c.input === 'f32' ? 1e-6 : 0);
  });

  it('leaves a flat channel as it is and stretches each image of a batch on its own', () => {
    expect(Array.from(autocontrast(Image.new('L', [2, 2], 77)).data)).toEqual([77, 77, 77, 77]);
    const batch = tensor(Int32Array.of(10, 20, 100, 100)).reshape([2, 1, 1, 2]);
    expect(autocontrast(batch).tolist()).toEqual([[[[0, 255]]], [[[100, 100]]]]);
  });

  it('refuses RGBA images and rank-2 tensors', () => {
    throwsExactly(() => autocontrast(Image.new('RGBA', [1, 1])), ValueError, "autocontrast: PIL's ImageOps supports mode L or RGB images, got mode RGBA (convert it first, e.g. img.convert('RGB'))");
    throwsExactly(() => autocontrast(rand([2, 2])), ShapeError, 'autocontrast: expected an image tensor [..., C, H, W] (rank >= 3), got shape [2, 2]');
  });
});

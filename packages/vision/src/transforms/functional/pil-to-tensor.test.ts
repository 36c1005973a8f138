import { ArgumentTypeError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../../image/image';
import { colorFixture, expectTensor, imageOf, throwsExactly } from '../../../test/support/color-fixtures';
import { pilToTensor } from './pil-to-tensor';

describe('pilToTensor', () => {
  it.each(['rgb', 'l', 'rgba'])('gives the uint8 CHW values of a %s image as int32', (name) => {
    const fx = colorFixture('color_to_tensor');
    expectTensor(pilToTensor(imageOf(fx.inputs[name]!)), fx.expected[`pil_${name}`]!);
  });

  it('does not rescale', () => {
    expect(pilToTensor(new Image(2, 1, 'L', Uint8Array.of(7, 255))).tolist()).toEqual([[[7, 255]]]);
  });

  it('rejects a non-Image', () => {
    throwsExactly(() => pilToTensor({} as never), ArgumentTypeError, 'pilToTensor: expected an Image, got an object (Object)');
  });
});

import { ArgumentTypeError, DTypeError, ValueError, rand, tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../../image/image';
import { colorFixture, expectTensor, fixtureInput, throwsExactly } from '../../../test/support/color-fixtures';
import { convertImageDtype } from './convert-image-dtype';

describe('convertImageDtype', () => {
  const fx = colorFixture('color_convert_image_dtype');

  it('matches torchvision both ways, bit for bit', () => {
    expectTensor(convertImageDtype(fixtureInput(fx, 'f32') as never, 'int32'), fx.expected.f32_to_u8!);
    expectTensor(convertImageDtype(fixtureInput(fx, 'u8') as never, 'float32'), fx.expected.u8_to_f32!);
  });

  it('maps only 1.0 to 255 and wraps values outside [0, 1] like .to(torch.uint8)', () => {
    expectTensor(convertImageDtype(fixtureInput(fx, 'edge') as never, 'int32'), fx.expected.edge_to_u8!);
  });

  it('returns the input when the dtype already matches and defaults to float32', () => {
    const x = rand([3, 2, 2]);
    expect(convertImageDtype(x, 'float32')).toBe(x);
    expect(convertImageDtype(tensor(Int32Array.of(0, 51, 255))).tolist()).toEqual([0, Math.fround(0.2), 1]);
  });

  it('rejects other dtypes and Images', () => {
    throwsExactly(() => convertImageDtype(rand([3, 2, 2]), 'uint8' as never), ValueError, `convertImageDtype: dtype must be 'float32' or 'int32' (the 8-bit image stand-in), got "uint8"`);
    throwsExactly(() => convertImageDtype(rand([2]).gt(0.5)), DTypeError, 'convertImageDtype: expected a float32 or int32 image tensor, got dtype bool');
    throwsExactly(() => convertImageDtype(Image.new('RGB', [1, 1]) as never), ArgumentTypeError, 'convertImageDtype: expected a Tensor, got <Image mode=RGB size=1x1> (convert an Image with toTensor() or pilToTensor() first)');
  });
});

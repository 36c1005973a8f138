import { ArgumentTypeError, tensor, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../image/image';
import { throwsExactly, torchRepr } from '../../test/support/transform-fixtures';
import { ToPILImage } from './to-pil-image';

describe('ToPILImage', () => {
  it('turns float [0, 1] and int32 8-bit tensors into Images', () => {
    const img = new ToPILImage()(tensor([[[0, 1]], [[0.5, 0.2]], [[1, 0]]]));
    expect([img.mode, img.size, [...img.data]]).toEqual(['RGB', [2, 1], [0, 127, 255, 255, 51, 0]]);
    const gray = new ToPILImage('L')(tensor([[7, 9]], { dtype: 'int32' }));
    expect([gray.mode, [...gray.data]]).toEqual(['L', [7, 9]]);
  });

  it('prints its mode as torchvision does', () => {
    expect(String(new ToPILImage())).toBe(torchRepr('ToPILImage()'));
    expect(String(new ToPILImage('RGB'))).toBe(torchRepr("ToPILImage('RGB')"));
    expect(new ToPILImage('RGB').workerSpec()).toMatchObject({ export: 'ToPILImage', args: ['RGB'] });
    expect(new ToPILImage().workerSpec()).toMatchObject({ args: [] });
  });

  it('rejects an unknown mode, a mode that does not fit, and an Image', () => {
    throwsExactly(() => new ToPILImage('P' as never), ValueError, `ToPILImage: mode should be one of 'L', 'RGB', 'RGBA' (or left out), got "P"`);
    throwsExactly(() => new ToPILImage('L')(tensor([[[0]], [[0]], [[0]]])), ValueError, 'toPilImage: mode "L" does not fit a 3-channel tensor (expected mode RGB)');
    throwsExactly(
      () => new ToPILImage()(Image.new('L', [1, 1]) as never),
      ArgumentTypeError,
      'toPilImage: expected a Tensor, got <Image mode=L size=1x1> (convert an Image with toTensor() or pilToTensor() first)',
    );
  });
});

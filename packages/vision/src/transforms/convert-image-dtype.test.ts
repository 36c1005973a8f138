import { ArgumentTypeError, tensor, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../image/image';
import { throwsExactly, torchRepr } from '../../test/support/transform-fixtures';
import { Compose } from './compose';
import { ConvertImageDtype } from './convert-image-dtype';
import { PILToTensor } from './pil-to-tensor';
import { ToTensor } from './to-tensor';

describe('ConvertImageDtype', () => {
  it('scales int32 8-bit to float32 and back; PILToTensor + ConvertImageDtype equals ToTensor', () => {
    const img = new Image(2, 1, 'RGB', Uint8Array.of(0, 51, 255, 128, 7, 200));
    const viaInt = new Compose<Image, ReturnType<typeof tensor>>([new PILToTensor(), new ConvertImageDtype('float32')])(img);
    expect(viaInt.dataSync()).toEqual(new ToTensor()(img).dataSync());
    expect(new ConvertImageDtype('int32')(tensor([[[0, 0.5, 1]]])).tolist()).toEqual([[[0, 127, 255]]]);
  });

  it("prints ConvertImageDtype() (torchvision's nn.Module repr) and keeps its dtype in the workerSpec", () => {
    expect(String(new ConvertImageDtype('float32'))).toBe(torchRepr("ConvertImageDtype('float32')"));
    expect(new ConvertImageDtype('int32').workerSpec()).toMatchObject({ export: 'ConvertImageDtype', args: ['int32'] });
  });

  it('rejects an unknown dtype and an Image', () => {
    throwsExactly(() => new ConvertImageDtype('uint8' as never), ValueError, `ConvertImageDtype: dtype should be 'float32' or 'int32', got "uint8"`);
    throwsExactly(
      () => new ConvertImageDtype('float32')(Image.new('L', [1, 1]) as never),
      ArgumentTypeError,
      'convertImageDtype: expected a Tensor, got <Image mode=L size=1x1> (convert an Image with toTensor() or pilToTensor() first)',
    );
  });
});

import { rand, type Tensor } from '@dl/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { Image } from '../image/image';
import type { ImageInput } from './functional/internal/image-input';
import { ImageTransform } from './image-transform';
import { RandomHorizontalFlip } from './random-horizontal-flip';
import { Resize } from './resize';
import { Transform } from './transform';

class Identity extends ImageTransform {
  override forward<T extends ImageInput>(img: T): T {
    return img;
  }
}

describe('ImageTransform', () => {
  it('keeps the input kind in the types: an Image gives an Image, a Tensor a Tensor', () => {
    const img = Image.new('RGB', [4, 4]);
    const x = rand([3, 4, 4]);
    expectTypeOf(new RandomHorizontalFlip()(img)).toEqualTypeOf<Image>();
    expectTypeOf(new Resize(2)(x)).toEqualTypeOf<Tensor>();
    expect(new Resize(2)(img)).toBeInstanceOf(Image);
  });

  it('is a callable Transform with the class name as its repr by default', () => {
    const t = new Identity();
    expect(t).toBeInstanceOf(Transform);
    expect(String(t)).toBe('Identity()');
    const img = Image.new('L', [1, 1]);
    expect(t(img)).toBe(img);
  });
});

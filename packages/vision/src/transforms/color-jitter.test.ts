import { ArgumentTypeError, rand, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../image/image';
import { expectImageClose, outputCase, paramsCase, paramsCases, seeded, smallImage, throwsExactly, torchRepr, valuesOf } from '../../test/support/transform-fixtures';
import { ColorJitter } from './color-jitter';

describe('ColorJitter', () => {
  it.each(paramsCases('jitter_'))('getParams draws the order and factors torchvision draws after the same seed (%s)', (name) => {
    const c = paramsCase(name);
    const a = c.args as Record<'brightness' | 'contrast' | 'saturation' | 'hue', number[] | null>;
    const got = seeded(c.seed, () => ColorJitter.getParams(a.brightness, a.contrast, a.saturation, a.hue));
    const [order, ...factors] = c.expected as [number[], ...(number | null)[]];
    expect(got[0]).toEqual(order);
    // torchvision returns float(tensor), the float32 value as a double.
    expect(got.slice(1)).toEqual(factors);
  });

  it.each([0, 1, 2])('jitters the Image as torchvision does after manualSeed(%i)', (s) => {
    const c = outputCase(`color_jitter_${s}`);
    const t = new ColorJitter({ brightness: 0.4, contrast: 0.4, saturation: 0.4, hue: 0.1 });
    // adjust_hue rounds through HSV like PIL: within one level (the reference fixture's tolerance)
    expectImageClose(seeded(c.seed, () => t(smallImage())), c.y, 1);
  });

  it('works on tensors and batches, and repeats under the same seed', () => {
    const x = rand([2, 3, 4, 4]);
    const t = new ColorJitter({ brightness: 0.5, hue: 0.2 });
    const a = seeded(1, () => valuesOf(t(x)));
    expect(seeded(1, () => valuesOf(t(x)))).toEqual(a);
    expect(seeded(2, () => valuesOf(t(x)))).not.toEqual(a);
    expect(t(x).shape).toEqual([2, 3, 4, 4]);
    const off = new ColorJitter();
    const img = smallImage();
    expect(valuesOf(off(img))).toEqual(valuesOf(img));
    expect(off(img)).toBeInstanceOf(Image);
  });

  it('prints its ranges as torchvision', () => {
    expect(String(new ColorJitter())).toBe(torchRepr('ColorJitter()'));
    expect(String(new ColorJitter({ brightness: 0.4, contrast: 0.4, saturation: 0.4, hue: 0.1 }))).toBe(
      torchRepr('ColorJitter({brightness: 0.4, contrast: 0.4, saturation: 0.4, hue: 0.1})'),
    );
    expect(String(new ColorJitter({ brightness: 1, contrast: [0.5, 1.5], hue: [-0.2, 0.1] }))).toBe(torchRepr('ColorJitter({brightness: 1, contrast: [0.5, 1.5], hue: [-0.2, 0.1]})'));
    expect(String(new ColorJitter({ brightness: 2 }))).toBe(torchRepr('ColorJitter({brightness: 2})'));
    const t = new ColorJitter({ brightness: 2 });
    expect([t.brightness, t.contrast]).toEqual([[0, 3], null]);
    expect(t.workerSpec()).toMatchObject({ export: 'ColorJitter', args: [{ brightness: 2 }] });
  });

  it('rejects negative amounts, hue outside [-0.5, 0.5], unordered pairs and other types', () => {
    throwsExactly(() => new ColorJitter({ brightness: -1 }), ValueError, 'ColorJitter: If brightness is a single number, it must be non negative, got -1');
    throwsExactly(() => new ColorJitter({ hue: [-0.6, 0.2] }), ValueError, 'ColorJitter: hue values should be between (-0.5, 0.5), got [-0.6, 0.2]');
    throwsExactly(() => new ColorJitter({ hue: 0.7 }), ValueError, 'ColorJitter: hue values should be between (-0.5, 0.5), got 0.7 (the range [-0.7, 0.7])');
    throwsExactly(() => new ColorJitter({ contrast: [1.5, 0.5] }), ValueError, 'ColorJitter: contrast values should be between (0, inf), got [1.5, 0.5]');
    throwsExactly(() => new ColorJitter({ saturation: [1, 2, 3] as never }), ArgumentTypeError, 'ColorJitter: saturation should be a single number or a list/tuple with length 2, got [1,2,3]');
  });
});

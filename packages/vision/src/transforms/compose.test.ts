import { ArgumentTypeError, type Tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../image/image';
import { maxDiff, torchRepr, throwsExactly } from '../../test/support/transform-fixtures';
import { referenceFixture, imageOf } from '../../test/support/color-fixtures';
import { Compose } from './compose';
import { Lambda } from './lambda';
import { Normalize } from './normalize';
import { PILToTensor } from './pil-to-tensor';
import { RandomHorizontalFlip } from './random-horizontal-flip';
import { ToTensor } from './to-tensor';
import { Transform } from './transform';

describe('Compose', () => {
  it("runs the seed's example: Compose([ToTensor(), Normalize(mean, std)]) gives torchvision's values", () => {
    const ref = referenceFixture('vision_normalize');
    const { mean, std } = ref.params as { mean: number[]; std: number[] };
    const t = new Compose<Image, Tensor>([new ToTensor(), new Normalize(mean, std)]);
    const y = t(imageOf(ref.inputs.image_hwc_uint8!));
    expect(y.shape).toEqual(ref.expected.y!.shape);
    // The reference prints 7 significant digits.
    expect(maxDiff(y.dataSync(), ref.expected.y!.data)).toBeLessThan(1e-6);
  });

  it('chains transforms and plain functions in order', () => {
    const t = new Compose<number, number>([(x: number) => x + 1, new Lambda((x: number) => x * 10), (x: number) => x - 3]);
    expect(t(1)).toBe(17);
    expect(t.forward(2)).toBe(27);
    expect(new Compose<number, number>([])(5)).toBe(5);
  });

  it("prints torchvision's multi-line repr, nested Composes included", () => {
    expect(String(new Compose([new ToTensor(), new Normalize([0.5], [0.5])]))).toBe(torchRepr('Compose([ToTensor(), Normalize([0.5], [0.5])])'));
    expect(String(new Compose([new Compose([new ToTensor()]), new PILToTensor()]))).toBe(torchRepr('Compose([Compose([ToTensor()]), PILToTensor()])'));
    function addOne(x: number) {
      return x + 1;
    }
    expect(String(new Compose([addOne, (x: number) => x]))).toBe('Compose(\n    <function addOne>\n    <function <lambda>>\n)');
  });

  it('is a callable Transform', () => {
    const t = new Compose([new RandomHorizontalFlip()]);
    expect(t).toBeInstanceOf(Compose);
    expect(t).toBeInstanceOf(Transform);
    expect(typeof t).toBe('function');
  });

  it('carries its transforms in its workerSpec', () => {
    const flip = new RandomHorizontalFlip(0.3);
    const spec = new Compose([flip, new ToTensor()]).workerSpec()!;
    expect(spec.export).toBe('Compose');
    expect(String(spec.module)).toMatch(/\/src\/index\.ts$/);
    expect(spec.args).toHaveLength(1);
    const [list] = spec.args as [unknown[]];
    expect(list[0]).toBe(flip);
  });

  it('rejects what is not a list of transforms', () => {
    throwsExactly(() => new Compose(new ToTensor() as never), ArgumentTypeError, 'Compose: Argument transforms should be a sequence (an array of transforms), got a function');
    throwsExactly(() => new Compose([new ToTensor(), 3 as never]), ArgumentTypeError, 'Compose: transforms[1] should be a Transform or a function, got number 3');
  });
});

describe('Compose([ToTensor(), Normalize(mean, std)]) on an Image', () => {
  const rgb = new Image(7, 5, 'RGB', Uint8Array.from({ length: 105 }, (_, i) => (i * 37 + 11) & 255));
  const gray = rgb.convert('L');
  const cases: [string, Image, number[], number[]][] = [
    ['RGB, per-channel mean and std', rgb, [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]],
    ['RGB, one mean and std', rgb, [0.5], [0.25]],
    ['L', gray, [0.1307], [0.3081]],
  ];
  for (const [name, img, mean, std] of cases) {
    it(`gives the same float32 values as ToTensor then Normalize one at a time (${name})`, () => {
      const fused = new Compose<Image, Tensor>([new ToTensor(), new Normalize(mean, std)])(img);
      const stepwise = new Normalize(mean, std)(new ToTensor()(img));
      expect(fused.shape).toEqual(stepwise.shape);
      expect(Array.from(fused.dataSync())).toEqual(Array.from(stepwise.dataSync()));
    });
  }

  it('still reports a mean that does not fit the channels as Normalize does', () => {
    const compose = new Compose([new ToTensor(), new Normalize([0.1, 0.2], [0.3, 0.4])]);
    let fusedError: unknown;
    let stepError: unknown;
    try {
      compose(rgb);
    } catch (e) {
      fusedError = e;
    }
    try {
      new Normalize([0.1, 0.2], [0.3, 0.4])(new ToTensor()(rgb));
    } catch (e) {
      stepError = e;
    }
    expect(fusedError).toBeInstanceOf(Error);
    expect(String(fusedError)).toBe(String(stepError));
  });
});

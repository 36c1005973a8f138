import { ArgumentTypeError, tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Compose } from './compose';
import { PadTrim } from './pad-trim';
import { Scale } from './scale';

describe('Compose', () => {
  it("runs the seed chapter's pipeline: Scale() then PadTrim(max_len=16000)", () => {
    const transform = new Compose([new Scale(), new PadTrim(16000)]);
    const pcm = tensor([[2 ** 30, -(2 ** 29), 0]], { dtype: 'int32' });
    const out = transform(pcm) as ReturnType<typeof tensor>;
    expect(out.shape).toEqual([1, 16000]);
    expect(out.narrow(1, 0, 4).tolist()).toEqual([[0.5, -0.25, 0, 0]]);
    expect(String(transform)).toBe('Compose(\n    Scale()\n    PadTrim(max_len=16000)\n)');
  });

  it('takes plain functions too, and prints them by name', () => {
    function double(x: number) {
      return x * 2;
    }
    const t = new Compose<number, number>([double, (x: number) => x + 1]);
    expect(t(3)).toBe(7);
    expect(String(t)).toBe('Compose(\n    <function double>\n    <function <lambda>>\n)');
  });

  it('rejects anything but an array of functions', () => {
    expect(() => new Compose('x' as never)).toThrowError(new ArgumentTypeError("Compose: expected transforms to be an array of transforms, got 'x'"));
    expect(() => new Compose([1 as never])).toThrowError(new ArgumentTypeError('Compose: transforms[0] should be a transform or a function, got 1'));
  });
});

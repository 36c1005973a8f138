import { describe, expect, expectTypeOf, it } from 'vitest';
import { tensor } from '../../ops/creation/tensor';
import { Tensor } from '../../tensor/tensor';
import { defaultConvert } from './default-convert';

describe('defaultConvert', () => {
  it('turns typed arrays into tensors inside arrays, objects and Maps, keeping the rest', () => {
    const t = tensor([1]);
    const out = defaultConvert({ x: new Float32Array([1, 2]), y: [new Int32Array([3])], n: 4, s: 's', t, m: new Map([['k', new Uint8Array([1])]]) });
    expect(out.x).toBeInstanceOf(Tensor);
    expect(out.x.tolist()).toEqual([1, 2]);
    expect(out.y[0].dtype).toBe('int32');
    expect(out.n).toBe(4);
    expect(out.s).toBe('s');
    expect(out.t).toBe(t);
    expect(out.m.get('k')?.tolist()).toEqual([1]);
    expectTypeOf(out.x).toEqualTypeOf<Tensor>();
    expectTypeOf(out.n).toEqualTypeOf<number>();
  });

  it('copies typed arrays (the tensor does not alias the item)', () => {
    const a = new Float32Array([1, 2]);
    const t = defaultConvert(a);
    a[0] = 9;
    expect(t.tolist()).toEqual([1, 2]);
  });
});

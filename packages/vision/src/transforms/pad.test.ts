import { ArgumentTypeError, rand, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { expectImage, imageOf, referenceFixture } from '../../test/support/color-fixtures';
import { throwsExactly, torchRepr } from '../../test/support/transform-fixtures';
import { Pad } from './pad';

describe('Pad', () => {
  it('gives torchvision’s PIL results exactly (constant fill, reflect)', () => {
    const c = referenceFixture('vision_pad_constant');
    expectImage(new Pad(c.params.padding as number, { fill: c.params.fill as number })(imageOf(c.inputs.image_hwc_uint8!)), c.expected.y!);
    const r = referenceFixture('vision_pad_reflect');
    expectImage(new Pad(r.params.padding as number[], { paddingMode: 'reflect' })(imageOf(r.inputs.image_hwc_uint8!)), r.expected.y!);
  });

  it('pads tensors and batches', () => {
    expect(new Pad([1, 2, 3, 4])(rand([2, 3, 5, 5])).shape).toEqual([2, 3, 11, 9]);
    expect(new Pad(1, { paddingMode: 'edge' })(rand([1, 2, 2])).shape).toEqual([1, 4, 4]);
  });

  it('prints its repr as torchvision and rebuilds from its workerSpec', () => {
    expect(String(new Pad(4))).toBe(torchRepr('Pad(4)'));
    expect(String(new Pad([1, 2], { fill: [1, 2, 3], paddingMode: 'reflect' }))).toBe(torchRepr("Pad([1, 2], {fill: [1, 2, 3], paddingMode: 'reflect'})"));
    expect(new Pad(2, { fill: 5 }).workerSpec()).toMatchObject({ export: 'Pad', args: [2, { fill: 5, paddingMode: 'constant' }] });
  });

  it('rejects bad padding, fill and modes as torchvision does', () => {
    throwsExactly(() => new Pad('2' as never), ArgumentTypeError, 'Pad: Got inappropriate padding arg: expected a number or a list of 1, 2 or 4 numbers, got "2"');
    throwsExactly(() => new Pad([1, 2, 3]), ValueError, 'Pad: Padding must be an int or a 1, 2, or 4 element tuple, not a 3 element tuple: [1,2,3]');
    throwsExactly(() => new Pad(1, { fill: 'red' as never }), ArgumentTypeError, 'Pad: Got inappropriate fill arg: expected a number or a list of numbers, got "red"');
    throwsExactly(() => new Pad(1, { paddingMode: 'wrap' as never }), ValueError, 'Pad: Padding mode should be either constant, edge, reflect or symmetric, got "wrap"');
  });
});

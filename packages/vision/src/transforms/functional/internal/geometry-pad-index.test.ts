import { describe, expect, it } from 'vitest';
import { numpyPadIndex, torchPadIndex } from './geometry-pad-index';

describe('numpyPadIndex', () => {
  it("equals numpy's np.pad, also for pads wider than the axis", () => {
    expect(Array.from(numpyPadIndex(4, 9, 6, 'symmetric'))).toEqual([0, 0, 1, 2, 3, 3, 2, 1, 0, 0, 1, 2, 3, 3, 2, 1, 0, 0, 1]);
    expect(Array.from(numpyPadIndex(4, 9, 6, 'reflect'))).toEqual([3, 2, 1, 0, 1, 2, 3, 2, 1, 0, 1, 2, 3, 2, 1, 0, 1, 2, 3]);
    expect(Array.from(numpyPadIndex(2, 5, 4, 'reflect'))).toEqual([1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
    expect(Array.from(numpyPadIndex(3, 2, 1, 'edge'))).toEqual([0, 0, 0, 1, 2, 2]);
    expect(Array.from(numpyPadIndex(1, 2, 2, 'reflect'))).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('torchPadIndex', () => {
  it('reflects, repeats the edge and mirrors with the edge as torchvision does', () => {
    expect(Array.from(torchPadIndex(4, 3, 2, 'reflect'))).toEqual([3, 2, 1, 0, 1, 2, 3, 2, 1]);
    expect(Array.from(torchPadIndex(4, 2, 2, 'symmetric'))).toEqual([1, 0, 0, 1, 2, 3, 3, 2]);
    expect(Array.from(torchPadIndex(4, 1, -1, 'edge'))).toEqual([0, 0, 1, 2]);
    expect(Array.from(torchPadIndex(4, -1, 1, 'reflect'))).toEqual([1, 2, 3, 2]);
  });
});

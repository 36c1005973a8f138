import { describe, expect, it } from 'vitest';
import '../../ops/arithmetic/index';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import { tensor } from '../../ops/creation/tensor';
import { Parameter } from '../parameter';
import { clipGradNorm_ } from './clip-grad-norm';
import { clipGradValue_ } from './clip-grad-value';
import { parametersToVector } from './parameters-to-vector';
import { vectorToParameters } from './vector-to-parameters';

function withGrads(): Parameter[] {
  const a = new Parameter(tensor([1, 1]));
  const b = new Parameter(tensor([1]));
  a.grad = tensor([3, 0]);
  b.grad = tensor([4]);
  return [a, b];
}

describe('clipGradNorm_', () => {
  it("scales gradients to the max norm and returns PyTorch's total norm", () => {
    const [a, b] = withGrads();
    const total = clipGradNorm_([a, b], 1);
    expect(total.item()).toBeCloseTo(5, 5);
    // clip_coef = 1 / (5 + 1e-6)
    expect(a.grad!.dataSync()[0]).toBeCloseTo(3 / 5, 5);
    expect(b.grad!.dataSync()[0]).toBeCloseTo(4 / 5, 5);
  });

  it('leaves small gradients alone and supports the inf and 1 norms', () => {
    const [a, b] = withGrads();
    expect(clipGradNorm_([a, b], 10).item()).toBeCloseTo(5, 5);
    expect(Array.from(a.grad!.dataSync())).toEqual([3, 0]);
    expect(clipGradNorm_([a, b], 10, { normType: Infinity }).item()).toBe(4);
    expect(clipGradNorm_([a, b], 10, { normType: 1 }).item()).toBeCloseTo(7, 5);
    expect(clipGradNorm_(new Parameter(tensor([1])), 1).item()).toBe(0);
  });

  it('throws on a non-finite norm when asked', () => {
    const p = new Parameter(tensor([1]));
    p.grad = tensor([Number.POSITIVE_INFINITY]);
    expect(() => clipGradNorm_([p], 1, { errorIfNonfinite: true })).toThrowError(ValueError);
    expect(() => clipGradNorm_([p], 1, { errorIfNonfinite: true })).toThrowError(
      'clipGradNorm_: The total norm of order 2 for gradients from `parameters` is non-finite, so it cannot be clipped. To disable this error and scale the gradients by the non-finite norm anyway, set errorIfNonfinite: false',
    );
    expect(() => clipGradNorm_([3 as unknown as Parameter], 1)).toThrowError('clipGradNorm_: expected Tensors, but parameter 0 is number');
  });
});

describe('clipGradValue_', () => {
  it('clamps every gradient', () => {
    const [a, b] = withGrads();
    clipGradValue_([a, b], 2);
    expect(Array.from(a.grad!.dataSync())).toEqual([2, 0]);
    expect(Array.from(b.grad!.dataSync())).toEqual([2]);
    expect(() => clipGradValue_([a], -1)).toThrowError('clipGradValue_: clipValue must be a non-negative number, got -1');
  });
});

describe('parametersToVector / vectorToParameters', () => {
  it('flattens and restores parameters', () => {
    const a = new Parameter(tensor([[1, 2], [3, 4]]));
    const b = new Parameter(tensor([5]));
    const v = parametersToVector([a, b]);
    expect(Array.from(v.dataSync())).toEqual([1, 2, 3, 4, 5]);
    expect(v.requiresGrad).toBe(true);
    vectorToParameters(tensor([9, 8, 7, 6, 5]), [a, b]);
    expect(a.tolist()).toEqual([[9, 8], [7, 6]]);
    expect(b.requiresGrad).toBe(true);
    expect(() => vectorToParameters(tensor([1, 2]), [a, b])).toThrowError(ShapeError);
    expect(() => vectorToParameters(tensor([1, 2]), [a, b])).toThrowError("vectorToParameters: expected a vector of 5 elements (the parameters' total), got shape [2]");
  });
});

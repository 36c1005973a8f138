import { ArgumentTypeError, rand } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../image/image';
import { throwsExactly, torchRepr } from '../../test/support/transform-fixtures';
import { PILToTensor } from './pil-to-tensor';

describe('PILToTensor', () => {
  it('keeps the 8-bit values, as int32 CHW', () => {
    const y = new PILToTensor()(new Image(2, 1, 'RGB', Uint8Array.of(1, 2, 3, 4, 5, 6)));
    expect([y.dtype, y.tolist()]).toEqual(['int32', [[[1, 4]], [[2, 5]], [[3, 6]]]]);
  });

  it('prints PILToTensor() and rebuilds from its workerSpec', () => {
    expect(String(new PILToTensor())).toBe(torchRepr('PILToTensor()'));
    expect(new PILToTensor().workerSpec()).toMatchObject({ export: 'PILToTensor', args: [] });
  });

  it('rejects a tensor', () => {
    throwsExactly(() => new PILToTensor()(rand([3, 2, 2]) as never), ArgumentTypeError, 'pilToTensor: expected an Image, got a float32 tensor of shape [3, 2, 2]');
  });
});

import { ArgumentTypeError, nn, ones, randn } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { throwsExactly } from '../../../test/support/color-fixtures';
import { torchText } from '../../../test/support/model-rule-weights';
import { Conv2dNormActivation } from './conv2d-norm-activation';

describe('Conv2dNormActivation', () => {
  it('stacks Conv2d (no bias), BatchNorm2d and the activation as children 0, 1, 2, like torchvision', () => {
    const m = new Conv2dNormActivation(3, 16, { stride: 2, activationLayer: (o) => new nn.Hardswish(o) });
    expect(torchText(m)).toBe(
      [
        'Conv2dNormActivation(',
        '  (0): Conv2d(3, 16, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), bias=False)',
        '  (1): BatchNorm2d(16, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)',
        '  (2): Hardswish()',
        ')',
      ].join('\n'),
    );
    expect(Object.keys(m.stateDict())).toEqual(['0.weight', '1.weight', '1.bias', '1.running_mean', '1.running_var', '1.num_batches_tracked']);
    expect(m.outChannels).toBe(16);
    expect(m.forward(randn([2, 3, 9, 9])).shape).toEqual([2, 16, 5, 5]);
  });

  it('pads (kernel - 1) / 2 * dilation per dim and adds the bias when there is no norm layer', () => {
    const m = new Conv2dNormActivation(8, 8, { kernelSize: [3, 5], dilation: 2, groups: 8, normLayer: null });
    expect(m.toString()).toBe(
      [
        'Conv2dNormActivation(',
        '  (0): Conv2d(8, 8, kernel_size=(3, 5), stride=(1, 1), padding=(2, 4), dilation=(2, 2), groups=8)',
        '  (1): ReLU(inplace=True)',
        ')',
      ].join('\n'),
    );
    expect(m.forward(randn([1, 8, 7, 6])).shape).toEqual([1, 8, 7, 6]);
  });

  it('passes inplace only when it is not null, and takes an explicit bias, padding and norm layer', () => {
    const m = new Conv2dNormActivation(4, 6, {
      kernelSize: 1,
      activationLayer: (o) => new nn.ReLU6(o),
      inplace: null,
      bias: true,
      normLayer: (c) => new nn.BatchNorm2d(c, { eps: 0.001, momentum: 0.01 }),
    });
    expect(m.toString()).toBe(
      [
        'Conv2dNormActivation(',
        '  (0): Conv2d(4, 6, kernel_size=(1, 1), stride=(1, 1))',
        '  (1): BatchNorm2d(6, eps=0.001, momentum=0.01, affine=True, track_running_stats=True)',
        '  (2): ReLU6()',
        ')',
      ].join('\n'),
    );
    const same = new Conv2dNormActivation(4, 6, { dilation: [1, 2], padding: 'same' });
    expect(same.toString().split('\n')[1]).toBe('  (0): Conv2d(4, 6, kernel_size=(3, 3), stride=(1, 1), padding=same, dilation=(1, 2), bias=False)');
  });

  it('is just the convolution without norm and activation layers', () => {
    const m = new Conv2dNormActivation(2, 3, { kernelSize: 1, normLayer: null, activationLayer: null });
    expect(m.length).toBe(1);
    const conv = m[0] as nn.Conv2d;
    nn.init.ones_(conv.weight);
    nn.init.zeros_(conv.bias!);
    expect(m.forward(ones([1, 2, 1, 1])).flatten().tolist()).toEqual([2, 2, 2]);
  });

  it('rejects options that are not an object', () => {
    throwsExactly(() => new Conv2dNormActivation(3, 4, 3 as never), ArgumentTypeError, 'Conv2dNormActivation: expected options to be an object such as { kernelSize: 1 }, got 3');
  });
});

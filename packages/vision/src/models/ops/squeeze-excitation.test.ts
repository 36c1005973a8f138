import { nn, noGrad, randn, sigmoid, relu } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { SqueezeExcitation } from './squeeze-excitation';

describe('SqueezeExcitation', () => {
  it("keeps torchvision's child names and text", () => {
    const se = new SqueezeExcitation(16, 4, { activation: () => new nn.SiLU({ inplace: true }) });
    expect(se.toString()).toBe(
      [
        'SqueezeExcitation(',
        '  (avgpool): AdaptiveAvgPool2d(output_size=1)',
        '  (fc1): Conv2d(16, 4, kernel_size=(1, 1), stride=(1, 1))',
        '  (fc2): Conv2d(4, 16, kernel_size=(1, 1), stride=(1, 1))',
        '  (activation): SiLU(inplace=True)',
        '  (scale_activation): Sigmoid()',
        ')',
      ].join('\n'),
    );
    expect(Object.keys(se.stateDict())).toEqual(['fc1.weight', 'fc1.bias', 'fc2.weight', 'fc2.bias']);
  });

  it('scales each channel by sigmoid(fc2(relu(fc1(mean))))', () => {
    const se = new SqueezeExcitation(3, 2);
    const x = randn([2, 3, 4, 5]);
    noGrad(() => {
      const pooled = x.mean([2, 3]); // [2, 3]
      const w1 = se.fc1.weight.reshape([2, 3]);
      const w2 = se.fc2.weight.reshape([3, 2]);
      const h = relu(pooled.matmul(w1.t()).add(se.fc1.bias!));
      const gate = sigmoid(h.matmul(w2.t()).add(se.fc2.bias!)).reshape([2, 3, 1, 1]);
      const expected = x.mul(gate).dataSync();
      const actual = se.forward(x).dataSync();
      for (let i = 0; i < expected.length; i++) expect(actual[i]).toBeCloseTo(expected[i], 6);
    });
  });
});

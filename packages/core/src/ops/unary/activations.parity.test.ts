// Parity with PyTorch 1.13 on test/fixtures/reference/act_*.json: forward `y` and `grad_x`, the
// gradient of sum(y * grad_output), within 1e-4 relative + 1e-5 absolute.
import { describe, expect, it } from 'vitest';
import { expectClose, loadReference, refTensor } from '../../../test/support/reference';
import * as dl from '../../index';
import type { Tensor } from '../../index';

const CASES: [fixture: string, op: string, fn: (x: Tensor) => Tensor][] = [
  ['act_gelu', 'gelu', (x) => dl.gelu(x)],
  // The generator (test/fixtures/generators/gen_reference.py) used F.leaky_relu(t, 0.1); the
  // fixture's params do not record the slope.
  ['act_leaky_relu', 'leaky_relu', (x) => dl.leakyRelu(x, { negativeSlope: 0.1 })],
  ['act_relu', 'relu', dl.relu],
  ['act_sigmoid', 'sigmoid', dl.sigmoid],
  ['act_tanh', 'tanh', dl.tanh],
];

describe('activation parity with PyTorch', () => {
  for (const [fixture, op, fn] of CASES) {
    it(`matches ${fixture} forward and backward`, () => {
      const ref = loadReference(fixture);
      expect(ref.op).toBe(op);
      const x = refTensor(ref.inputs.x, { requiresGrad: true });
      const y = fn(x);
      expectClose(y, ref.expected.y, 1e-4, 1e-5, `${fixture} y`);
      y.backward(refTensor(ref.inputs.grad_output));
      expectClose(x.grad!, ref.expected.grad_x, 1e-4, 1e-5, `${fixture} grad_x`);
    });

    it(`matches ${fixture} through the Tensor method`, () => {
      const ref = loadReference(fixture);
      const x = refTensor(ref.inputs.x);
      const viaMethod: Record<string, () => Tensor> = {
        gelu: () => x.gelu(),
        leaky_relu: () => x.leakyRelu({ negativeSlope: 0.1 }),
        relu: () => x.relu(),
        sigmoid: () => x.sigmoid(),
        tanh: () => x.tanh(),
      };
      expectClose(viaMethod[op](), ref.expected.y, 1e-4, 1e-5, `${fixture} method`);
    });
  }
});

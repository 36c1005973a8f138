import { describe, expect, it } from 'vitest';
import { expectClose, loadReference, refTensor } from '../../../test/support/reference';
import type { Tensor } from '../../tensor/tensor';
import type { Module } from '../module';
import { AdaptiveAvgPool2d } from './adaptive-avg-pool2d';
import { AvgPool2d } from './avg-pool2d';
import { BatchNorm1d } from './batch-norm1d';
import { BatchNorm2d } from './batch-norm2d';
import { Conv2d } from './conv2d';
import { Embedding } from './embedding';
import { Linear } from './linear';
import { LSTM } from './lstm';
import { MaxPool2d } from './max-pool2d';

// Every nn_* fixture of test/fixtures/reference: PyTorch's parameters are loaded through
// loadStateDict, then forward, backward of sum(y * grad_output), and buffers are compared.
const cases: [string, () => Module, string][] = [
  ['nn_linear', () => new Linear(5, 3), 'x'],
  ['nn_conv2d', () => new Conv2d(3, 4, 3, { stride: 2, padding: 1 }), 'x'],
  ['nn_conv2d_nobias_dil', () => new Conv2d(2, 3, [3, 2], { stride: 1, padding: [2, 1], dilation: 2, bias: false }), 'x'],
  ['nn_maxpool2d', () => new MaxPool2d(2, { stride: 2 }), 'x'],
  ['nn_avgpool2d', () => new AvgPool2d(3, { stride: 2, padding: 1 }), 'x'],
  ['nn_adaptiveavgpool2d', () => new AdaptiveAvgPool2d([1, 1]), 'x'],
  ['nn_batchnorm2d_train', () => new BatchNorm2d(3, { momentum: 0.1, eps: 1e-5 }), 'x'],
  ['nn_batchnorm1d_train', () => new BatchNorm1d(6), 'x'],
  ['nn_embedding', () => new Embedding(10, 4), 'indices'],
];

function loadParams(module: Module, inputs: Record<string, Parameters<typeof refTensor>[0]>): void {
  const sd: Record<string, Tensor> = {};
  for (const [k, v] of Object.entries(inputs)) if (k.startsWith('param.')) sd[k.slice(6)] = refTensor(v);
  const res = module.loadStateDict(sd, { strict: false });
  expect(res.unexpectedKeys).toEqual([]);
  expect(res.missingKeys.filter((k) => !k.startsWith('running_') && k !== 'num_batches_tracked')).toEqual([]);
}

describe('layers: PyTorch parity (nn_* fixtures)', () => {
  for (const [name, make, inputName] of cases) {
    it(`matches ${name}: forward, backward and buffers`, () => {
      const ref = loadReference(name);
      const module = make();
      loadParams(module, ref.inputs);
      const x = refTensor(ref.inputs[inputName], { requiresGrad: inputName === 'x' });
      const y = module.call(x) as Tensor;
      expectClose(y, ref.expected.y, 1e-4, 1e-5, `${name} y`);
      y.backward(refTensor(ref.inputs.grad_output));
      if (ref.expected.grad_x) expectClose(x.grad!, ref.expected.grad_x, 1e-4, 1e-5, `${name} grad_x`);
      const params = Object.fromEntries(module.namedParameters());
      for (const [k, v] of Object.entries(ref.expected)) {
        if (k.startsWith('grad.')) expectClose(params[k.slice(5)].grad!, v, 1e-4, 1e-5, `${name} ${k}`);
        if (k.startsWith('buffer_after.')) expectClose(module.getBuffer(k.slice(13)), v, 1e-4, 1e-5, `${name} ${k}`);
      }
    });
  }

  it('matches nn_lstm: output, final states and gradients', () => {
    const ref = loadReference('nn_lstm');
    const lstm = new LSTM(4, 3, { batchFirst: true });
    loadParams(lstm, ref.inputs);
    const x = refTensor(ref.inputs.x, { requiresGrad: true });
    const [y, [h, c]] = lstm.call(x);
    expectClose(y, ref.expected.y, 1e-4, 1e-5, 'y');
    expectClose(h, ref.expected.h_n, 1e-4, 1e-5, 'h_n');
    expectClose(c, ref.expected.c_n, 1e-4, 1e-5, 'c_n');
    y.backward(refTensor(ref.inputs.grad_output));
    expectClose(x.grad!, ref.expected.grad_x, 1e-4, 1e-5, 'grad_x');
    for (const [n, p] of lstm.namedParameters()) expectClose(p.grad!, ref.expected[`grad.${n}`], 1e-4, 1e-5, `grad.${n}`);
  });
});

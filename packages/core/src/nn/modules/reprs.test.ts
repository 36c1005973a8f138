import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Module } from '../module';
import * as nn from './index';

const reprs = (JSON.parse(readFileSync(new URL('../../../test/fixtures/nn/torch-layers.json', import.meta.url), 'utf8')) as { reprs: Record<string, string> }).reprs;

// The same modules gen_torch_layers.py prints with str(module) in PyTorch 1.13.
const modules: Record<string, () => Module> = {
  sequential: () => new nn.Sequential(new nn.Conv2d(1, 32, 3), new nn.ReLU(), new nn.MaxPool2d(2), new nn.Flatten(), new nn.Linear(32 * 13 * 13, 10)),
  lstm: () => new nn.LSTM(10, 20, { numLayers: 2, batchFirst: true, dropout: 0.5, bidirectional: true }),
  rnn_relu: () => new nn.RNN(3, 4, { nonlinearity: 'relu', bias: false }),
  gru_proj_none: () => new nn.GRU(3, 4),
  conv_transpose2d: () => new nn.ConvTranspose2d(3, 2, [3, 2], { stride: 2, padding: 1, outputPadding: 1, groups: 1, bias: false, dilation: 2 }),
  conv1d_same: () => new nn.Conv1d(2, 4, 3, { padding: 'same', paddingMode: 'reflect' }),
  embedding: () => new nn.Embedding(10, 3, { paddingIdx: -1, maxNorm: 2, normType: 1, scaleGradByFreq: true }),
  embedding_bag: () => new nn.EmbeddingBag(10, 3, { mode: 'sum', paddingIdx: 0 }),
  batch_norm_momentum_none: () => new nn.BatchNorm1d(4, { momentum: null, affine: false }),
  instance_norm1d: () => new nn.InstanceNorm1d(4),
  max_pool2d_tuple: () => new nn.MaxPool2d([2, 3], { stride: 1, padding: 1, dilation: 2, ceilMode: true }),
  avg_pool1d: () => new nn.AvgPool1d(3),
  adaptive_avg_pool2d_none: () => new nn.AdaptiveAvgPool2d([null, 7]),
  dropout2d: () => new nn.Dropout2d(0.25),
  module_list: () => new nn.ModuleList([new nn.Linear(2, 3), new nn.Tanh()]),
  module_dict: () => new nn.ModuleDict({ b: new nn.ReLU(), a: new nn.Identity() }),
  prelu: () => new nn.PReLU(),
  layer_norm_int: () => new nn.LayerNorm(8, { elementwiseAffine: false }),
  group_norm: () => new nn.GroupNorm(2, 6, { eps: 1e-3 }),
  bilinear: () => new nn.Bilinear(2, 3, 4, { bias: false }),
  softplus: () => new nn.Softplus(),
  hardtanh: () => new nn.Hardtanh(),
  elu_inplace: () => new nn.ELU({ inplace: true }),
  cross_entropy_loss: () => new nn.CrossEntropyLoss(),
  rnn_cell_relu: () => new nn.RNNCell(3, 4, { nonlinearity: 'relu' }),
  lstm_cell_nobias: () => new nn.LSTMCell(3, 4, { bias: false }),
  gru_cell: () => new nn.GRUCell(5, 2),
};

describe("toString: PyTorch's module repr", () => {
  it('covers every recorded repr', () => {
    expect(Object.keys(modules).sort()).toEqual(Object.keys(reprs).sort());
  });
  for (const [name, make] of Object.entries(modules)) {
    it(`prints ${name} as PyTorch does`, () => {
      expect(make().toString()).toBe(reprs[name]);
    });
  }
});

describe('Hardswish and Hardsigmoid reprs', () => {
  it('print no arguments, as PyTorch 1.13 does, even when inplace', () => {
    expect(String(new nn.Hardswish({ inplace: true }))).toBe('Hardswish()');
    expect(String(new nn.Hardsigmoid({ inplace: true }))).toBe('Hardsigmoid()');
  });
});

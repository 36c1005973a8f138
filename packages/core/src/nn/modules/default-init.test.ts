import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectClose } from '../../../test/support/reference';
import { manualSeed } from '../../random/generator';
import type { Module } from '../module';
import * as nn from './index';

interface Arr {
  shape: number[];
  data: number[];
}
const torchInit = JSON.parse(readFileSync(new URL('../../../test/fixtures/nn/torch-init.json', import.meta.url), 'utf8')) as {
  layers: Record<string, Record<string, Arr>>;
};

const layers: [string, () => Module][] = [
  ['Linear(4,3)', () => new nn.Linear(4, 3)],
  ['Linear(5,2,bias=False)', () => new nn.Linear(5, 2, { bias: false })],
  ['Bilinear(3,2,4)', () => new nn.Bilinear(3, 2, 4)],
  ['Conv1d(2,3,3)', () => new nn.Conv1d(2, 3, 3)],
  ['Conv2d(2,4,3,groups=2)', () => new nn.Conv2d(2, 4, 3, { groups: 2 })],
  ['ConvTranspose2d(3,2,2)', () => new nn.ConvTranspose2d(3, 2, 2)],
  ['Embedding(5,3,padding_idx=1)', () => new nn.Embedding(5, 3, { paddingIdx: 1 })],
  ['EmbeddingBag(6,3)', () => new nn.EmbeddingBag(6, 3)],
  ['BatchNorm2d(3)', () => new nn.BatchNorm2d(3)],
  ['LayerNorm([2,3])', () => new nn.LayerNorm([2, 3])],
  ['GroupNorm(2,4)', () => new nn.GroupNorm(2, 4)],
  ['RNN(3,2,num_layers=2)', () => new nn.RNN(3, 2, { numLayers: 2 })],
  ['LSTM(3,2,bidirectional=True)', () => new nn.LSTM(3, 2, { bidirectional: true })],
  ['GRU(2,3,bias=False)', () => new nn.GRU(2, 3, { bias: false })],
  ['LSTMCell(3,2)', () => new nn.LSTMCell(3, 2)],
  ['PReLU(2)', () => new nn.PReLU({ numParameters: 2 })],
  ['ConvTranspose1d(4,2,3,groups=2,bias=False)', () => new nn.ConvTranspose1d(4, 2, 3, { groups: 2, bias: false })],
];

describe("default initialisation: PyTorch's numbers after manualSeed(0)", () => {
  for (const [name, make] of layers) {
    it(`initialises ${name} as torch.manual_seed(0); nn.${name} does`, () => {
      manualSeed(0);
      const sd = make().stateDict();
      const ref = torchInit.layers[name];
      expect(Object.keys(sd)).toEqual(Object.keys(ref));
      for (const [k, v] of Object.entries(ref)) {
        expect(sd[k].shape, `${name} ${k} shape`).toEqual(v.shape);
        // Normal draws (Embedding) are a few float32 ulps from PyTorch's vectorised Box-Muller.
        expectClose(sd[k], v.data, 2e-5, 2e-6, `${name} ${k}`);
      }
    });
  }
});

function stats(values: Float32Array | Int32Array | Uint8Array) {
  const v = Array.from(values);
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const std = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1));
  return { mean, std, min: Math.min(...v), max: Math.max(...v) };
}

describe('default initialisation statistics (sampled, against PyTorch formulas)', () => {
  it('Linear: weight U(±1/sqrt(in)) by kaiming_uniform(a=√5), bias U(±1/sqrt(in))', () => {
    const fc = new nn.Linear(400, 300);
    const bound = 1 / Math.sqrt(400);
    const w = stats(fc.weight.dataSync());
    expect(w.min).toBeGreaterThanOrEqual(-bound);
    expect(w.max).toBeLessThanOrEqual(bound);
    expect(w.std / (bound / Math.sqrt(3))).toBeCloseTo(1, 1);
    expect(Math.abs(w.mean)).toBeLessThan(0.002);
    const b = stats(fc.bias!.dataSync());
    expect(b.min).toBeGreaterThanOrEqual(-bound);
    expect(b.max).toBeLessThanOrEqual(bound);
  });

  it('Conv2d: bounds from fanIn = in/groups * kH * kW', () => {
    const conv = new nn.Conv2d(64, 128, 3, { groups: 2 });
    const bound = 1 / Math.sqrt(32 * 9);
    const w = stats(conv.weight.dataSync());
    expect(w.max).toBeLessThanOrEqual(bound);
    expect(w.min).toBeGreaterThanOrEqual(-bound);
    expect(w.std / (bound / Math.sqrt(3))).toBeCloseTo(1, 1);
    const t = new nn.ConvTranspose2d(16, 32, 4);
    const tb = 1 / Math.sqrt(32 * 16);
    const tw = stats(t.weight.dataSync());
    expect(tw.max).toBeLessThanOrEqual(tb);
    expect(tw.max).toBeGreaterThan(tb * 0.98);
  });

  it('Embedding N(0, 1); recurrent layers U(±1/sqrt(hidden)); norms ones and zeros', () => {
    const e = stats(new nn.Embedding(500, 64).weight.dataSync());
    expect(Math.abs(e.mean)).toBeLessThan(0.02);
    expect(e.std).toBeCloseTo(1, 1);
    const lstm = new nn.LSTM(32, 50, { numLayers: 2 });
    const bound = 1 / Math.sqrt(50);
    for (const p of lstm.parameters()) {
      const s = stats(p.dataSync());
      expect(s.max).toBeLessThanOrEqual(bound);
      expect(s.min).toBeGreaterThanOrEqual(-bound);
    }
    const bn = new nn.BatchNorm1d(4);
    expect(Array.from(bn.weight!.dataSync())).toEqual([1, 1, 1, 1]);
    expect(Array.from(bn.bias!.dataSync())).toEqual([0, 0, 0, 0]);
    expect(Array.from(bn.runningVar!.dataSync())).toEqual([1, 1, 1, 1]);
    expect(bn.numBatchesTracked!.item()).toBe(0);
    expect(Array.from(new nn.PReLU().weight.dataSync())).toEqual([0.25]);
  });
});

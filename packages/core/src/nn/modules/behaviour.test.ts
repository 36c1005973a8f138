import { describe, expect, it } from 'vitest';
import { tf } from '../../backend/tfjs';
import { tensor } from '../../ops/creation/tensor';
import { manualSeed } from '../../random/generator';
import { Tensor } from '../../tensor/tensor';
import * as nn from './index';

const randn = (shape: number[]) => Tensor._owned(tf.randomNormal(shape, 0, 1, 'float32', 7));

describe('training and evaluation modes', () => {
  it('Dropout zeroes and rescales in training and is the identity in evaluation', () => {
    manualSeed(0);
    const drop = new nn.Dropout(0.5);
    const x = Tensor._owned(tf.ones([1000]));
    const y = Array.from(drop.forward(x).dataSync());
    expect(new Set(y)).toEqual(new Set([0, 2]));
    expect(y.filter((v) => v === 0).length).toBeGreaterThan(400);
    drop.eval();
    expect(drop.forward(x)).toBe(x);
  });

  it('BatchNorm updates running statistics only in training and uses them in evaluation', () => {
    const bn = new nn.BatchNorm1d(2);
    const x = tensor([[1, 10], [3, 20]]);
    bn.forward(x);
    expect(Array.from(bn.runningMean!.dataSync()).map((v) => +v.toFixed(5))).toEqual([0.2, 1.5]);
    expect(bn.numBatchesTracked!.item()).toBe(1);
    bn.eval();
    const before = Array.from(bn.runningMean!.dataSync());
    const y = bn.forward(x);
    expect(Array.from(bn.runningMean!.dataSync())).toEqual(before);
    expect(bn.numBatchesTracked!.item()).toBe(1);
    // (1 - 0.2) / sqrt(running_var + eps)
    const rv = bn.runningVar!.dataSync()[0];
    expect(y.dataSync()[0]).toBeCloseTo((1 - 0.2) / Math.sqrt(rv + 1e-5), 5);
    bn.resetRunningStats();
    expect(bn.numBatchesTracked!.item()).toBe(0);
    expect(Array.from(bn.runningMean!.dataSync())).toEqual([0, 0]);
  });

  it('BatchNorm loads checkpoints without num_batches_tracked, as PyTorch does', () => {
    const bn = new nn.BatchNorm2d(2);
    const res = bn.loadStateDict({ weight: tensor([2, 2]), bias: tensor([0, 0]), running_mean: tensor([1, 1]), running_var: tensor([4, 4]) });
    expect(res).toEqual({ missingKeys: [], unexpectedKeys: [] });
    expect(Array.from(bn.runningVar!.dataSync())).toEqual([4, 4]);
  });

  it('BatchNorm state dict keys are PyTorch\'s', () => {
    const model = new nn.Sequential(new nn.Conv2d(1, 2, 3), new nn.BatchNorm2d(2));
    expect(Object.keys(model.stateDict())).toEqual(['0.weight', '0.bias', '1.weight', '1.bias', '1.running_mean', '1.running_var', '1.num_batches_tracked']);
    expect(model.stateDict()['1.num_batches_tracked'].dtype).toBe('int32');
    expect(Object.keys(new nn.BatchNorm1d(2, { trackRunningStats: false, affine: false }).stateDict())).toEqual([]);
  });
});

describe('layer behaviour', () => {
  it('Linear accepts any leading dims and no bias', () => {
    const fc = new nn.Linear(3, 2, { bias: false });
    expect(fc.bias).toBeNull();
    expect(fc.forward(randn([4, 5, 3])).shape).toEqual([4, 5, 2]);
    expect(fc.parameters().length).toBe(1);
  });

  it('Embedding zeroes the padding row and fromPretrained freezes by default', () => {
    const emb = new nn.Embedding(4, 2, { paddingIdx: -1 });
    expect(emb.paddingIdx).toBe(3);
    expect(Array.from(emb.weight.dataSync()).slice(6)).toEqual([0, 0]);
    const pre = nn.Embedding.fromPretrained(tensor([[1, 2], [3, 4]]));
    expect(pre.weight.requiresGrad).toBe(false);
    expect(pre.forward(tensor([1, 0], { dtype: 'int32' })).tolist()).toEqual([[3, 4], [1, 2]]);
    expect(nn.Embedding.fromPretrained(tensor([[1, 2]]), { freeze: false }).weight.requiresGrad).toBe(true);
  });

  it('recurrent layers handle unbatched input, batchFirst and default zero states', () => {
    const gru = new nn.GRU(3, 4, { batchFirst: true, numLayers: 2 });
    const [y, h] = gru.forward(randn([2, 5, 3]));
    expect(y.shape).toEqual([2, 5, 4]);
    expect(h.shape).toEqual([2, 2, 4]);
    const [yu, hu] = gru.forward(randn([5, 3]));
    expect(yu.shape).toEqual([5, 4]);
    expect(hu.shape).toEqual([2, 4]);
    const lstm = new nn.LSTM(3, 4, { projSize: 2, bidirectional: true });
    const [out, [hn, cn]] = lstm.forward(randn([6, 2, 3]));
    expect(out.shape).toEqual([6, 2, 4]);
    expect(hn.shape).toEqual([2, 2, 2]);
    expect(cn.shape).toEqual([2, 2, 4]);
    expect(lstm.allWeights.map((ws) => ws.length)).toEqual([5, 5]);
    expect(lstm.namedParameters().map(([n]) => n)).toEqual([
      'weight_ih_l0',
      'weight_hh_l0',
      'bias_ih_l0',
      'bias_hh_l0',
      'weight_hr_l0',
      'weight_ih_l0_reverse',
      'weight_hh_l0_reverse',
      'bias_ih_l0_reverse',
      'bias_hh_l0_reverse',
      'weight_hr_l0_reverse',
    ]);
  });

  it('recurrent dropout applies between layers only in training', () => {
    manualSeed(1);
    const rnn = new nn.RNN(2, 3, { numLayers: 2, dropout: 0.5 });
    const x = randn([4, 1, 2]);
    rnn.eval();
    const a = rnn.forward(x)[0].dataSync();
    const b = rnn.forward(x)[0].dataSync();
    expect(Array.from(a)).toEqual(Array.from(b));
    rnn.train();
    const c = Array.from(rnn.forward(x)[0].dataSync());
    expect(c).not.toEqual(Array.from(a));
  });

  it('max pooling with returnIndices returns a typed pair', () => {
    const pool = new nn.MaxPool2d(2, { returnIndices: true });
    const [y, idx] = pool.forward(tensor([[[[1, 2], [4, 3]]]]));
    expect(y.tolist()).toEqual([[[[4]]]]);
    expect(idx.tolist()).toEqual([[[[2]]]]);
  });

  it('loss modules keep their weights as buffers in the state dict', () => {
    const ce = new nn.CrossEntropyLoss({ weight: tensor([1, 2, 3]) });
    expect(Object.keys(ce.stateDict())).toEqual(['weight']);
    const bce = new nn.BCEWithLogitsLoss({ posWeight: tensor([2]) });
    expect(Object.keys(bce.stateDict())).toEqual(['pos_weight']);
    expect(new nn.MSELoss().forward(tensor([1, 2]), tensor([1, 4])).item()).toBe(2);
    expect(new nn.L1Loss({ reduction: 'sum' }).forward(tensor([1, 2]), tensor([1, 4])).item()).toBe(2);
  });

  it('Flatten, Unflatten and Identity reshape as PyTorch does', () => {
    const x = randn([2, 3, 4]);
    expect(new nn.Flatten().forward(x).shape).toEqual([2, 12]);
    expect(new nn.Flatten({ startDim: 0 }).forward(x).shape).toEqual([24]);
    expect(new nn.Unflatten(1, [3, 1]).forward(x).shape).toEqual([2, 3, 1, 4]);
    expect(new nn.Identity(1, 'ignored').forward(x)).toBe(x);
  });
});

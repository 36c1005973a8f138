import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectClose, refTensor, type RefArray } from '../../../test/support/reference';
import { tensor } from '../../ops/creation/tensor';
import { Tensor } from '../../tensor/tensor';
import type { Module } from '../module';
import * as nn from './index';

interface TorchCase {
  repr: string;
  state: Record<string, RefArray>;
  inputs: RefArray[];
  outputs: RefArray[];
  grad_outputs: (RefArray | null)[];
  grad_inputs: (RefArray | null)[];
  grads: Record<string, RefArray>;
  buffers_after: Record<string, RefArray>;
}
const fixture = JSON.parse(readFileSync(new URL('../../../test/fixtures/nn/torch-layers.json', import.meta.url), 'utf8')) as {
  cases: Record<string, TorchCase>;
  reprs: Record<string, string>;
};

type Run = (m: Module, xs: Tensor[]) => unknown;
const call: Run = (m, xs) => m._callImpl(xs);

// The same modules as gen_torch_layers.py builds, and how to call them.
const builds: Record<string, [() => Module, Run?]> = {
  rnn_relu_2layer: [() => new nn.RNN(3, 4, { numLayers: 2, nonlinearity: 'relu' })],
  rnn_bidirectional_unbatched_h0: [() => new nn.RNN(3, 2, { bidirectional: true })],
  lstm_2layer_bidirectional_h0: [
    () => new nn.LSTM(3, 4, { numLayers: 2, bidirectional: true }),
    (m, [x, h0, c0]) => (m as nn.LSTM).forward(x, [h0, c0]),
  ],
  lstm_proj: [() => new nn.LSTM(3, 4, { projSize: 2 })],
  gru_2layer_bidirectional_batch_first: [() => new nn.GRU(3, 4, { numLayers: 2, batchFirst: true, bidirectional: true })],
  gru_nobias: [() => new nn.GRU(2, 3, { bias: false })],
  conv2d_reflect: [() => new nn.Conv2d(2, 3, 3, { padding: [1, 2], paddingMode: 'reflect' })],
  conv2d_replicate: [() => new nn.Conv2d(2, 3, 3, { padding: [1, 2], paddingMode: 'replicate' })],
  conv2d_circular: [() => new nn.Conv2d(2, 3, 3, { padding: [1, 2], paddingMode: 'circular' })],
  conv2d_same_even_kernel: [() => new nn.Conv2d(2, 2, 4, { padding: 'same', dilation: 2 })],
  conv2d_same_reflect: [() => new nn.Conv2d(1, 2, 3, { padding: 'same', paddingMode: 'reflect' })],
  conv2d_groups_unbatched: [() => new nn.Conv2d(4, 6, 3, { groups: 2, stride: 2 })],
  conv1d: [() => new nn.Conv1d(2, 3, 3, { stride: 2, padding: 1 })],
  conv1d_groups_circular: [() => new nn.Conv1d(4, 6, 3, { groups: 2, padding: 2, paddingMode: 'circular' })],
  conv_transpose2d: [() => new nn.ConvTranspose2d(3, 2, 3, { stride: 2, padding: 1, outputPadding: 1 })],
  conv_transpose2d_output_size: [() => new nn.ConvTranspose2d(2, 2, 3, { stride: 2, padding: 1 }), (m, [x]) => (m as nn.ConvTranspose2d).forward(x, { outputSize: [6, 6] })],
  conv_transpose1d_groups: [() => new nn.ConvTranspose1d(2, 4, 3, { stride: 2, groups: 2, bias: false })],
  bilinear: [() => new nn.Bilinear(3, 2, 4)],
  linear_3d_input: [() => new nn.Linear(4, 2)],
  layer_norm: [() => new nn.LayerNorm([2, 3])],
  group_norm: [() => new nn.GroupNorm(2, 4)],
  instance_norm2d_affine_tracked: [() => new nn.InstanceNorm2d(3, { affine: true, trackRunningStats: true })],
  batch_norm1d_3d_input: [() => new nn.BatchNorm1d(3)],
  batch_norm2d_eval: [() => new nn.BatchNorm2d(3).eval()],
  batch_norm1d_no_affine_cumulative: [() => new nn.BatchNorm1d(3, { affine: false, momentum: null })],
  batch_norm2d_untracked: [() => new nn.BatchNorm2d(2, { trackRunningStats: false })],
  prelu_channels: [() => new nn.PReLU({ numParameters: 3 })],
  embedding_padding: [() => new nn.Embedding(6, 3, { paddingIdx: 1 })],
  embedding_bag_max: [() => new nn.EmbeddingBag(8, 3, { mode: 'max' }), (m, [x, offsets]) => (m as nn.EmbeddingBag).forward(x, { offsets })],
  max_pool1d_indices: [() => new nn.MaxPool1d(3, { stride: 2, padding: 1, returnIndices: true })],
  avg_pool1d_ceil: [() => new nn.AvgPool1d(3, { stride: 2, ceilMode: true })],
  adaptive_max_pool2d: [() => new nn.AdaptiveMaxPool2d([2, 3])],
  adaptive_avg_pool1d: [() => new nn.AdaptiveAvgPool1d(4)],
  act_relu: [() => new nn.ReLU()],
  act_relu6: [() => new nn.ReLU6()],
  act_leaky_relu: [() => new nn.LeakyReLU({ negativeSlope: 0.2 })],
  act_gelu_tanh: [() => new nn.GELU({ approximate: 'tanh' })],
  act_gelu: [() => new nn.GELU()],
  act_elu: [() => new nn.ELU({ alpha: 0.5 })],
  act_celu: [() => new nn.CELU({ alpha: 2 })],
  act_selu: [() => new nn.SELU()],
  act_silu: [() => new nn.SiLU()],
  act_mish: [() => new nn.Mish()],
  act_hardswish: [() => new nn.Hardswish()],
  act_hardsigmoid: [() => new nn.Hardsigmoid()],
  act_sigmoid: [() => new nn.Sigmoid()],
  act_tanh: [() => new nn.Tanh()],
  act_softsign: [() => new nn.Softsign()],
  act_log_sigmoid: [() => new nn.LogSigmoid()],
  act_hardtanh: [() => new nn.Hardtanh({ minVal: -0.5, maxVal: 0.5 })],
  act_softplus: [() => new nn.Softplus({ beta: 2, threshold: 1 })],
  act_softmax_implicit: [() => new nn.Softmax()],
  act_softmax: [() => new nn.Softmax(1)],
  act_log_softmax: [() => new nn.LogSoftmax(-1)],
  act_softmin: [() => new nn.Softmin(0)],
  act_threshold: [() => new nn.Threshold(0.1, 20)],
  act_tanhshrink: [() => new nn.Tanhshrink()],
  act_glu: [() => new nn.GLU(-1)],
  act_flatten: [() => new nn.Flatten()],
  act_unflatten: [() => new nn.Unflatten(2, [2, 2])],
  act_identity: [() => new nn.Identity()],
  loss_cross_entropy_weighted: [() => new nn.CrossEntropyLoss({ weight: Tensor._owned(refTensor(fixture.cases.loss_cross_entropy_weighted.state.weight)._value), labelSmoothing: 0.1, ignoreIndex: 1 })],
  loss_bce_with_logits_pos_weight: [() => new nn.BCEWithLogitsLoss({ posWeight: tensor([1, 2, 3]) })],
  loss_kl_div_batchmean_log_target: [() => new nn.KLDivLoss({ reduction: 'batchmean', logTarget: true })],
  loss_huber_sum: [() => new nn.HuberLoss({ reduction: 'sum', delta: 0.5 })],
  loss_nll_none: [() => new nn.NLLLoss({ reduction: 'none' })],
  rnn_cell_relu: [() => new nn.RNNCell(3, 4, { nonlinearity: 'relu' })],
  lstm_cell: [() => new nn.LSTMCell(3, 4), (m, [x, h, c]) => (m as nn.LSTMCell).forward(x, [h, c])],
  gru_cell_unbatched: [() => new nn.GRUCell(3, 4)],
};

function flatOutputs(out: unknown): Tensor[] {
  if (out instanceof Tensor) return [out];
  return (out as unknown[]).flatMap(flatOutputs);
}

describe('layers: PyTorch 1.13 parity (fixtures/torch-layers.json)', () => {
  it('covers every generated case', () => {
    expect(Object.keys(builds).sort()).toEqual(Object.keys(fixture.cases).sort());
  });

  for (const [name, [make, run]] of Object.entries(builds)) {
    it(`matches ${name}`, () => {
      const ref = fixture.cases[name];
      const m = make();
      const sd: Record<string, Tensor> = {};
      for (const [k, v] of Object.entries(ref.state)) sd[k] = refTensor(v);
      m.loadStateDict(sd);
      const xs = ref.inputs.map((a) => refTensor(a, { requiresGrad: a.dtype === 'float32' }));
      const outs = flatOutputs((run ?? call)(m, xs));
      expect(outs.length).toBe(ref.outputs.length);
      outs.forEach((o, i) => expectClose(o, ref.outputs[i], 1e-4, 1e-5, `${name} output ${i}`));
      const seeds = outs.map((o, i) => ({ o, g: ref.grad_outputs[i] })).filter((p) => p.g !== null && p.o.requiresGrad);
      if (seeds.length > 0) {
        let total: Tensor | null = null;
        for (const { o, g } of seeds) {
          const term = o.mul(refTensor(g!)).sum();
          total = total ? total.add(term) : term;
        }
        total!.backward();
      }
      ref.grad_inputs.forEach((g, i) => {
        if (g) expectClose(xs[i].grad!, g, 1e-4, 1e-5, `${name} grad input ${i}`);
      });
      const params = Object.fromEntries(m.namedParameters());
      for (const [k, g] of Object.entries(ref.grads)) expectClose(params[k].grad!, g, 1e-4, 1e-5, `${name} grad ${k}`);
      const bufs = Object.fromEntries(m.namedBuffers());
      for (const [k, b] of Object.entries(ref.buffers_after)) expectClose(bufs[k], b, 1e-4, 1e-5, `${name} buffer ${k}`);
      expect(m.toString()).toBe(ref.repr);
    });
  }
});

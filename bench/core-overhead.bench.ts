// The cost of the @dl/core layer over raw TensorFlow.js: the same ops on the same backend,
// timed in alternating rounds so machine noise hits both sides alike. Goal: at most 15%.
import * as dl from '@dl/core';
import { tf } from '@dl/core/internal';
// The raw side's `tf.variableGrads` needs tfjs's own gradient registry, which only the
// @tensorflow/tfjs union fills (@dl/core has its own gradients and bundles tfjs-core alone); the
// registry is process-wide, so importing the union for its side effect serves the bundled engine.
import '@tensorflow/tfjs';
import { median } from './stats.ts';

interface Case {
  name: string;
  dl: () => void;
  raw: () => void;
}

function cases(): Case[] {
  dl.manualSeed(0);
  const a = dl.randn([256, 256]);
  const b = dl.randn([256, 256]);
  const x = dl.randn([64, 784]);
  const bias = dl.randn([784]);
  const ra = tf.randomNormal([256, 256]);
  const rb = tf.randomNormal([256, 256]);
  const rx = tf.randomNormal([64, 784]);
  const rbias = tf.randomNormal([784]);
  // MLP 784-128-10, forward + backward (PyTorch layout on our side: Linear weight [out, in]).
  const w1 = dl.randn([128, 784]).mul(0.05).requiresGrad_();
  const b1 = dl.zeros([128], { requiresGrad: true });
  const w2 = dl.randn([10, 128]).mul(0.05).requiresGrad_();
  const b2 = dl.zeros([10], { requiresGrad: true });
  const target = dl.randint(0, 10, [64]);
  // The same layout as the @dl side ([out, in], PyTorch's), so both run the same kernels.
  const rw1 = tf.variable(tf.randomNormal([128, 784], 0, 0.05));
  const rb1 = tf.variable(tf.zeros([128]));
  const rw2 = tf.variable(tf.randomNormal([10, 128], 0, 0.05));
  const rb2 = tf.variable(tf.zeros([10]));
  const rtarget = tf.oneHot(tf.tensor1d(Array.from(target.dataSync()), 'int32'), 10);
  const params = [w1, b1, w2, b2];
  return [
    { name: 'matmul 256x256', dl: () => dl.scope(() => void a.matmul(b).dataSync()), raw: () => tf.tidy(() => void tf.matMul(ra, rb).dataSync()) },
    {
      name: 'add+relu+sum [64,784]',
      dl: () => dl.scope(() => void x.add(bias).relu().sum(1).dataSync()),
      raw: () => tf.tidy(() => void tf.sum(tf.relu(tf.add(rx, rbias)), 1).dataSync()),
    },
    {
      name: 'MLP 784-128-10 fwd+bwd, batch 64',
      dl: () =>
        dl.scope(() => {
          for (const p of params) {
            p.grad?.dispose();
            p.grad = null;
          }
          const h = dl.linear(x, w1, b1).relu();
          const loss = dl.nn.functional.crossEntropy(dl.linear(h, w2, b2), target);
          loss.backward();
          w1.grad!.dataSync();
        }),
      raw: () =>
        tf.tidy(() => {
          const { grads } = tf.variableGrads(() => {
            const h = tf.relu(tf.add(tf.matMul(rx, tf.transpose(rw1)), rb1));
            const logits = tf.add(tf.matMul(h, tf.transpose(rw2)), rb2);
            return tf.neg(tf.mean(tf.sum(tf.mul(rtarget, tf.logSoftmax(logits)), 1))) as tf.Scalar;
          });
          grads[rw1.name].dataSync();
        }),
    },
  ];
}

export async function main(): Promise<void> {
  const backends = (process.env.DL_BENCH_BACKENDS ?? 'wasm,cpu').split(',');
  const rounds = Number(process.env.DL_BENCH_ROUNDS ?? 15);
  for (const backend of backends) {
    await dl.setBackend(backend);
    console.log(`\nbackend ${dl.getBackend()}: median ms per call over ${rounds} alternating rounds`);
    console.log('case'.padEnd(36), '@dl/core'.padStart(10), 'raw tfjs'.padStart(10), 'overhead'.padStart(9));
    for (const c of cases()) {
      const inner = backend === 'cpu' ? 5 : 20;
      const tDl: number[] = [];
      const tRaw: number[] = [];
      for (let i = 0; i < 3; i++) {
        c.dl();
        c.raw();
      }
      for (let r = 0; r < rounds; r++) {
        let t0 = performance.now();
        for (let i = 0; i < inner; i++) c.dl();
        tDl.push((performance.now() - t0) / inner);
        t0 = performance.now();
        for (let i = 0; i < inner; i++) c.raw();
        tRaw.push((performance.now() - t0) / inner);
      }
      const md = median(tDl);
      const mr = median(tRaw);
      console.log(c.name.padEnd(36), md.toFixed(3).padStart(10), mr.toFixed(3).padStart(10), `${(((md / mr) - 1) * 100).toFixed(1)}%`.padStart(9));
    }
  }
}

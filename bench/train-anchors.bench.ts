// Issue 3's anchor workloads, training samples/s per backend, PyTorch 1.13 figures measured on
// the same kind of machine beside them:
//   MLP 784-128-10, batch 64, SGD momentum 0.9 ........................ 76,800 samples/s
//   CNN conv32-conv64-fc128, batch 64, Adam ............................  1,950 samples/s
import * as dl from '@dl/core';
import { nn, optim } from '@dl/core';
import { median } from './stats.ts';

function mlp() {
  return new nn.Sequential(new nn.Linear(784, 128), new nn.ReLU(), new nn.Linear(128, 10));
}

function cnn() {
  return new nn.Sequential(
    new nn.Conv2d(1, 32, 3), new nn.ReLU(), new nn.MaxPool2d(2),
    new nn.Conv2d(32, 64, 3), new nn.ReLU(), new nn.MaxPool2d(2),
    new nn.Flatten(), new nn.Linear(1600, 128), new nn.ReLU(), new nn.Linear(128, 10),
  );
}

async function samplesPerSecond(kind: 'mlp' | 'cnn', steps: number, rounds: number): Promise<number[]> {
  dl.manualSeed(0);
  const model = kind === 'mlp' ? mlp() : cnn();
  const opt = kind === 'mlp' ? new optim.SGD(model.parameters(), { lr: 0.01, momentum: 0.9 }) : new optim.Adam(model.parameters(), { lr: 1e-3 });
  const x = kind === 'mlp' ? dl.randn([64, 784]) : dl.randn([64, 1, 28, 28]);
  const y = dl.randint(0, 10, [64]);
  const lossFn = new nn.CrossEntropyLoss();
  const step = () =>
    dl.scope(() => {
      opt.zeroGrad();
      const loss = lossFn.forward(model.forward(x), y);
      loss.backward();
      opt.step();
      return loss.item();
    });
  step();
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < steps; i++) step();
    out.push((steps * 64) / ((performance.now() - t0) / 1000));
    await dl.tick();
  }
  return out;
}

export async function main(): Promise<void> {
  const backends = (process.env.DL_BENCH_BACKENDS ?? 'wasm,cpu').split(',');
  const rounds = Number(process.env.DL_BENCH_ROUNDS ?? 5);
  for (const backend of backends) {
    await dl.setBackend(backend);
    const m = median(await samplesPerSecond('mlp', 20, rounds));
    console.log(`${backend.padEnd(5)} MLP 784-128-10 SGD momentum: ${m.toFixed(0).padStart(7)} samples/s (PyTorch 76,800: ${(m / 76800).toFixed(3)}x)`);
    const c = median(await samplesPerSecond('cnn', backend === 'cpu' ? 1 : 2, Math.min(rounds, 3)));
    console.log(`${backend.padEnd(5)} CNN conv32-conv64-fc128 Adam: ${c.toFixed(1).padStart(7)} samples/s (PyTorch 1,950: ${(c / 1950).toFixed(4)}x)`);
  }
}

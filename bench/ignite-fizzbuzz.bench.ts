// Training the FizzBuzz MLP with @dl/ignite: epochs per second per backend (923 samples,
// batch 64, Adam, 10-100-4 MLP). PyTorch anchor: about 84 epochs/s with ignite on PyTorch 1.13 on
// this kind of machine. The same training as a hand-written loop shows the Engine's share.
// Last run (2 cores shared with other jobs): wasm 20.3 epochs/s with the Engine, 20.5 as a plain
// loop (0.24x PyTorch); cpu 11.1 and 11.3 (0.13x). The Engine costs nothing measurable; the gap to
// PyTorch is TensorFlow.js's per-op cost on tiny matrices.
import * as dl from '@dl/core';
import { createSupervisedTrainer } from '@dl/ignite';
import { median } from './stats.ts';

const PYTORCH_EPOCHS_PER_SEC = 84;

function fizzBuzzData(): dl.DataLoader<[Float32Array, number], [dl.Tensor, dl.Tensor]> {
  const items: [Float32Array, number][] = [];
  for (let n = 101; n <= 1023; n++) {
    const bits = Float32Array.from({ length: 10 }, (_, i) => (n >> (9 - i)) & 1);
    items.push([bits, n % 15 === 0 ? 0 : n % 5 === 0 ? 1 : n % 3 === 0 ? 2 : 3]);
  }
  return new dl.DataLoader(items, { batchSize: 64, shuffle: true }) as dl.DataLoader<[Float32Array, number], [dl.Tensor, dl.Tensor]>;
}

function setup() {
  dl.manualSeed(0);
  const model = new dl.nn.Sequential(new dl.nn.Linear(10, 100), new dl.nn.ReLU(), new dl.nn.Linear(100, 4));
  const optimizer = new dl.optim.Adam(model.parameters(), { lr: 0.01 });
  return { model, optimizer, lossFn: new dl.nn.CrossEntropyLoss() };
}

/** One epoch each way, alternating, so machine noise hits both alike; returns ms per epoch. */
async function alternatingEpochs(rounds: number): Promise<{ engine: number[]; plain: number[] }> {
  const a = setup();
  const b = setup();
  const loaderA = fizzBuzzData();
  const loaderB = fizzBuzzData();
  const trainer = createSupervisedTrainer(a.model, a.optimizer, a.lossFn);
  const plainEpoch = async () => {
    for await (const [x, y] of loaderB) {
      dl.scope(() => {
        b.optimizer.zeroGrad();
        const loss = b.lossFn.forward(b.model.forward(x) as dl.Tensor, y);
        loss.backward();
        b.optimizer.step();
        return loss.item();
      });
    }
  };
  const engine: number[] = [];
  const plain: number[] = [];
  for (let r = 0; r < rounds + 3; r++) {
    let t0 = performance.now();
    await trainer.run(loaderA, { maxEpochs: trainer.state.epoch + 1 });
    if (r >= 3) engine.push(performance.now() - t0);
    t0 = performance.now();
    await plainEpoch();
    if (r >= 3) plain.push(performance.now() - t0);
  }
  return { engine, plain };
}

export async function main(): Promise<void> {
  const backends = (process.env.DL_BENCH_BACKENDS ?? 'wasm,cpu').split(',');
  const epochs = Number(process.env.DL_BENCH_ROUNDS ?? 15);
  console.log(`FizzBuzz MLP 10-100-4, 923 samples, batch 64, Adam: median epochs/s over ${epochs} alternating epochs (after 3 warm-up rounds)`);
  console.log('backend'.padEnd(9), 'Engine'.padStart(10), 'plain loop'.padStart(11), 'vs PyTorch+ignite'.padStart(18));
  for (const backend of backends) {
    await dl.setBackend(backend);
    const { engine: withEngine, plain } = await alternatingEpochs(epochs);
    const eps = 1000 / median(withEngine);
    console.log(dl.getBackend().padEnd(9), eps.toFixed(1).padStart(10), (1000 / median(plain)).toFixed(1).padStart(11), `${(eps / PYTORCH_EPOCHS_PER_SEC).toFixed(2)}x`.padStart(18));
  }
  console.log(`PyTorch anchor: ${PYTORCH_EPOCHS_PER_SEC} epochs/s (ignite 0.4.13, PyTorch 1.13)`);
}

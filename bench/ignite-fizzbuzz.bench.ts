// Training the FizzBuzz MLP with @dl/ignite: epochs per second per backend (923 samples,
// batch 64, Adam, 10-100-4 MLP). PyTorch anchor: about 84 epochs/s with ignite on PyTorch 1.13 on
// this kind of machine. The same training as a hand-written loop shows the Engine's share.
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

async function engineEpochs(epochs: number): Promise<number[]> {
  const { model, optimizer, lossFn } = setup();
  const loader = fizzBuzzData();
  const trainer = createSupervisedTrainer(model, optimizer, lossFn);
  const times: number[] = [];
  for (let e = 0; e < epochs; e++) {
    const t0 = performance.now();
    await trainer.run(loader, { maxEpochs: trainer.state.epoch + 1 });
    times.push(performance.now() - t0);
  }
  return times;
}

async function loopEpochs(epochs: number): Promise<number[]> {
  const { model, optimizer, lossFn } = setup();
  const loader = fizzBuzzData();
  const times: number[] = [];
  for (let e = 0; e < epochs; e++) {
    const t0 = performance.now();
    for await (const [x, y] of loader) {
      dl.scope(() => {
        optimizer.zeroGrad();
        const loss = lossFn.forward(model.forward(x) as dl.Tensor, y);
        loss.backward();
        optimizer.step();
        return loss.item();
      });
    }
    times.push(performance.now() - t0);
  }
  return times;
}

export async function main(): Promise<void> {
  const backends = (process.env.DL_BENCH_BACKENDS ?? 'wasm,cpu').split(',');
  const epochs = Number(process.env.DL_BENCH_ROUNDS ?? 15);
  console.log(`FizzBuzz MLP 10-100-4, 923 samples, batch 64, Adam: median epochs/s over ${epochs} epochs (after 3 warm-up epochs)`);
  console.log('backend'.padEnd(9), 'Engine'.padStart(10), 'plain loop'.padStart(11), 'vs PyTorch+ignite'.padStart(18));
  for (const backend of backends) {
    await dl.setBackend(backend);
    const withEngine = (await engineEpochs(epochs + 3)).slice(3);
    const plain = (await loopEpochs(epochs + 3)).slice(3);
    const eps = 1000 / median(withEngine);
    console.log(dl.getBackend().padEnd(9), eps.toFixed(1).padStart(10), (1000 / median(plain)).toFixed(1).padStart(11), `${(eps / PYTORCH_EPOCHS_PER_SEC).toFixed(2)}x`.padStart(18));
  }
  console.log(`PyTorch anchor: ${PYTORCH_EPOCHS_PER_SEC} epochs/s (ignite 0.4.13, PyTorch 1.13)`);
}

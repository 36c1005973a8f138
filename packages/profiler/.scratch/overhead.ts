import * as dl from '@dl/core';
import { profile, Profiler } from '../src/index.ts';
await dl.ready();
const { nn, optim } = dl;
dl.manualSeed(0);
const model = new nn.Sequential(new nn.Linear(784, 128), new nn.ReLU(), new nn.Linear(128, 10));
const lossFn = new nn.CrossEntropyLoss();
const opt = new optim.SGD(model.parameters(), { lr: 0.01, momentum: 0.9 });
const x = dl.randn([64, 784]);
const y = dl.randint(0, 10, [64]);
function step() {
  dl.scope(() => {
    opt.zeroGrad();
    const loss = lossFn.forward(model.forward(x), y);
    loss.backward();
    opt.step();
    loss.item();
  });
}
for (let i = 0; i < 20; i++) step();
const N = 20;
for (let r = 0; r < 5; r++) {
  let t0 = performance.now();
  for (let i = 0; i < N; i++) step();
  const base = (performance.now() - t0) / N;
  const p = new Profiler();
  t0 = performance.now();
  p.start();
  for (let i = 0; i < N; i++) step();
  p.stop();
  const prof = (performance.now() - t0) / N;
  const ev = p.events();
  console.log(`base ${base.toFixed(3)}ms  profiled ${prof.toFixed(3)}ms  ratio ${(prof / base).toFixed(3)}  events/step ${ev.length / N}`);
}
const p = profile(() => { for (let i = 0; i < 5; i++) step(); });
console.log(p.keyAverages().table({ sortBy: 'self_cpu_time_total', rowLimit: 12 }));

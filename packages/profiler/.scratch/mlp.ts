import * as dl from '@dl/core';
import { profile } from '../src/index.ts';

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
for (let i = 0; i < 5; i++) step();
const prof = profile({ recordShapes: true, profileMemory: true, withStack: true, withFlops: true }, () => step());
console.log(prof.toString().split('\n').slice(0, 60).join('\n'));
console.log(prof.keyAverages().table({ sortBy: 'cpu_time_total', rowLimit: 30 }));
console.log(prof.keyAverages({ groupByInputShape: true }).table({ sortBy: 'self_cpu_time_total', rowLimit: 10 }));

// A training process for the kill-and-resume test (crash-resume.test.ts): deterministic training
// with a checkpoint every few iterations; on start it resumes from the newest checkpoint in the
// folder. Prints `ITER n` as it goes and writes result.json (final weights and metrics) at the end.
// usage: node --import tsx train-child.ts <dir> [every=3]
import { DataLoader, TensorDataset, manualSeed, nn, optim, randint, randn, ready } from '@dl/core';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Accuracy, Checkpoint, Events, Loss, RunningAverage, createSupervisedEvaluator, createSupervisedTrainer } from '../../src/index';
import { DiskSaver, findLastCheckpoint } from '../../src/node';

const [dir, everyArg] = process.argv.slice(2);
const every = Number(everyArg ?? 3);
// tsx may resolve @dl/core to its sources (tsconfig paths), whose entry does not await the backend.
await ready();

manualSeed(2024);
const x = randn([96, 6]);
const y = randint(0, 3, [96]);
const data = new TensorDataset(x, y);
const trainLoader = new DataLoader(data, { batchSize: 8, shuffle: true });
const evalLoader = new DataLoader(data, { batchSize: 96 });
const model = new nn.Sequential(new nn.Linear(6, 16), new nn.ReLU(), new nn.Linear(16, 3));
const optimizer = new optim.Adam(model.parameters(), { lr: 0.01 });
const scheduler = new optim.lrScheduler.StepLR(optimizer, { stepSize: 2, gamma: 0.5 });
const lossFn = new nn.CrossEntropyLoss();
const trainer = createSupervisedTrainer(model, optimizer, lossFn);
const evaluator = createSupervisedEvaluator(model, { metrics: { accuracy: new Accuracy(), loss: new Loss(lossFn) } });
const runningLoss = new RunningAverage({ outputTransform: (l) => l as number });
runningLoss.attach(trainer, 'runningLoss');

// Everything that changes during training goes into the checkpoint, the metric history included.
const history = {
  rows: [] as number[][],
  stateDict: () => ({ rows: history.rows }),
  loadStateDict: (sd: { rows: number[][] }) => void (history.rows = sd.rows.map((r) => [...r])),
};
const sched = { stateDict: () => scheduler.stateDict(), loadStateDict: (sd: Record<string, unknown>) => scheduler.loadStateDict(sd) };
trainer.on(Events.EPOCH_COMPLETED, async (engine) => {
  const m = (await evaluator.run(evalLoader)).metrics;
  history.rows.push([engine.state.epoch, m.accuracy as number, m.loss as number, engine.state.metrics.runningLoss as number]);
  scheduler.step();
});
trainer.on(Events.ITERATION_COMPLETED, (engine) => void process.stdout.write(`ITER ${engine.state.iteration}\n`));

const toSave = { model, optimizer, trainer, scheduler: sched, history, runningLoss };
const last = findLastCheckpoint(dir);
if (last) {
  await Checkpoint.loadObjects(toSave, last);
  process.stdout.write(`RESUMED ${last}\n`);
}
// Registered last, so a checkpoint holds everything the iteration's other handlers did.
trainer.on(Events.ITERATION_COMPLETED({ every }), new Checkpoint(toSave, new DiskSaver(dir, { requireEmpty: false }), { nSaved: 2 }));
await trainer.run(trainLoader, { maxEpochs: 6, seed: 7 });

const weights = Object.fromEntries(Object.entries(model.stateDict()).map(([k, t]) => [k, Array.from(t.dataSync())]));
const result = { weights, history: history.rows, iteration: trainer.state.iteration, lr: optimizer.paramGroups[0].lr };
writeFileSync(join(dir, '.result.json.tmp'), JSON.stringify(result));
renameSync(join(dir, '.result.json.tmp'), join(dir, 'result.json'));
process.stdout.write('DONE\n');

import { DataLoader, Subset, argmax, manualSeed, nn, noGrad, optim, randperm, tensor, type Tensor } from '@dl/core';
import {
  CategoricalAccuracy,
  ConsoleLogger,
  EarlyStopping,
  Events,
  Loss,
  ProgressBar,
  RunningAverage,
  createSupervisedEvaluator,
  createSupervisedTrainer,
  globalStepFromEngine,
  type ProgressStream,
} from '@dl/ignite';
import { Checkpoint } from '@dl/ignite';
import { CsvLogger, ModelCheckpoint } from '@dl/ignite/node';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FizzBuzzDataset, fizzBuzzClass, fizzBuzzText } from './fizzbuzz-dataset';
import { fizzBuzzNet } from './model';

/** Options of {@link trainFizzBuzz}; every one has a default that reaches 95 % test accuracy. */
export interface TrainOptions {
  /** The most epochs to train (early stopping usually ends sooner). @default 300 */
  epochs?: number;
  /** Training batch size. @default 64 */
  batchSize?: number;
  /** Seed of weights, shuffling and the validation split. @default 0 */
  seed?: number;
  /** Where checkpoints and metrics.csv go. @default './out' */
  outputDir?: string;
  /** Adam's learning rate. @default 0.003 */
  lr?: number;
  /** Hidden units (FizzBuzz generalizes far better with a wide layer). @default 512 */
  hidden?: number;
  /** Epochs without validation-accuracy improvement before stopping. @default 30 */
  patience?: number;
  /** Where lines go (null: nowhere). @default console.log */
  log?: ((line: string) => void) | null;
  /** Where the progress bar draws (null: no bar). @default process.stderr */
  progress?: ProgressStream | null;
}

/** One epoch's evaluation. */
export interface EpochRecord {
  epoch: number;
  trainAccuracy: number;
  trainLoss: number;
  valAccuracy: number;
  valLoss: number;
}

/** What {@link trainFizzBuzz} returns. */
export interface TrainResult {
  /** Accuracy of the best checkpoint on 1..100. */
  testAccuracy: number;
  /** Its mean cross-entropy on 1..100. */
  testLoss: number;
  /** Epochs trained. */
  epochs: number;
  /** Per-epoch metrics on training and validation data. */
  history: EpochRecord[];
  /** The model's answer for each of 1..100, and whether it is right. */
  predictions: { n: number; answer: string; correct: boolean }[];
  /** The two best checkpoints kept (paths). */
  checkpoints: string[];
  /** Wall-clock seconds of the whole run. */
  seconds: number;
}

/**
 * The seed chapter's workflow end to end: FizzBuzz data (train 101..1023 minus a held-out
 * validation tenth, test 1..100), a DataLoader, an MLP, a trainer with a progress bar, evaluators
 * on training and validation data every epoch, the best two checkpoints, early stopping, and the
 * best checkpoint's predictions for 1..100.
 *
 * @example
 * ```ts
 * const result = await trainFizzBuzz({ epochs: 50 });
 * console.log(result.testAccuracy);
 * ```
 */
export async function trainFizzBuzz(options: TrainOptions = {}): Promise<TrainResult> {
  const { epochs = 300, batchSize = 64, seed = 0, lr = 0.003, hidden = 512, patience = 30 } = options;
  const log = options.log === undefined ? (l: string) => console.log(l) : (options.log ?? (() => undefined));
  const outputDir = resolve(options.outputDir ?? 'out');
  const started = performance.now();
  mkdirSync(outputDir, { recursive: true });
  for (const f of readdirSync(outputDir)) if (/^best_model_.*\.pt$/.test(f) || f === 'metrics.csv') rmSync(join(outputDir, f));

  manualSeed(seed);
  const all = new FizzBuzzDataset(101, 1023);
  const order = randperm(all.length).tolist() as number[];
  const nVal = Math.round(all.length / 10);
  const valSet = new Subset(all, order.slice(0, nVal));
  const trainSet = new Subset(all, order.slice(nVal));
  const testSet = new FizzBuzzDataset(1, 100);
  const trainLoader = new DataLoader(trainSet, { batchSize, shuffle: true });
  const trainEvalLoader = new DataLoader(trainSet, { batchSize: 1024 });
  const valLoader = new DataLoader(valSet, { batchSize: 1024 });
  const testLoader = new DataLoader(testSet, { batchSize: 1024 });

  const model = fizzBuzzNet(all.inputSize, hidden);
  const optimizer = new optim.Adam(model.parameters(), { lr });
  const lossFn = new nn.CrossEntropyLoss();
  const trainer = createSupervisedTrainer(model, optimizer, lossFn);
  const metrics = () => ({ accuracy: new CategoricalAccuracy(), loss: new Loss(lossFn) });
  const trainEvaluator = createSupervisedEvaluator(model, { metrics: metrics() });
  const valEvaluator = createSupervisedEvaluator(model, { metrics: metrics() });

  new RunningAverage({ outputTransform: (loss) => loss as number }).attach(trainer, 'loss');
  let print = log;
  if (options.progress !== null) {
    const pbar = new ProgressBar({ stream: options.progress });
    pbar.attach(trainer, { metricNames: ['loss'] });
    print = options.log === null ? print : (l: string) => pbar.logMessage(l);
  }
  const consoleLog = new ConsoleLogger({ print: (l) => print(l) });
  const csv = new CsvLogger(join(outputDir, 'metrics.csv'));
  for (const [engine, tag] of [[trainEvaluator, 'train'], [valEvaluator, 'validation']] as const) {
    consoleLog.attachOutputHandler(engine, { eventName: Events.COMPLETED, tag, metricNames: ['accuracy', 'loss'], globalStepTransform: globalStepFromEngine(trainer) });
    csv.attachOutputHandler(engine, { eventName: Events.COMPLETED, tag, metricNames: ['accuracy', 'loss'], globalStepTransform: globalStepFromEngine(trainer) });
  }

  const history: EpochRecord[] = [];
  trainer.on(Events.EPOCH_COMPLETED, async (engine) => {
    const t = (await trainEvaluator.run(trainEvalLoader)).metrics;
    const v = (await valEvaluator.run(valLoader)).metrics;
    history.push({ epoch: engine.state.epoch, trainAccuracy: t.accuracy as number, trainLoss: t.loss as number, valAccuracy: v.accuracy as number, valLoss: v.loss as number });
  });

  // Both watch validation accuracy; on equal accuracy the newer (longer trained) checkpoint wins.
  const score = (engine: { state: { metrics: Record<string, unknown> } }) => engine.state.metrics.accuracy as number;
  const best = new ModelCheckpoint(outputDir, {
    filenamePrefix: 'best',
    nSaved: 2,
    scoreFunction: score,
    scoreName: 'val_accuracy',
    greaterOrEqual: true,
    globalStepTransform: globalStepFromEngine(trainer),
    requireEmpty: false,
  });
  valEvaluator.on(Events.COMPLETED, best, { model });
  valEvaluator.on(Events.COMPLETED, new EarlyStopping(patience, score, trainer, { log: (m) => print(m) }));

  await trainer.run(trainLoader, { maxEpochs: epochs });

  const bestPath = best.lastCheckpoint;
  if (bestPath) await Checkpoint.loadObjects({ model }, bestPath);
  const testEvaluator = createSupervisedEvaluator(model, { metrics: metrics() });
  const test = (await testEvaluator.run(testLoader)).metrics;
  const x = tensor(Array.from({ length: testSet.length }, (_, i) => Array.from(testSet.encode(i + 1))));
  const classes = noGrad(() => argmax(model.forward(x) as Tensor, 1).tolist() as number[]);
  const predictions = classes.map((c, i) => ({ n: i + 1, answer: fizzBuzzText(i + 1, c), correct: c === fizzBuzzClass(i + 1) }));
  return {
    testAccuracy: test.accuracy as number,
    testLoss: test.loss as number,
    epochs: trainer.state.epoch,
    history,
    predictions,
    checkpoints: best.savedCheckpoints.map((s) => join(outputDir, s.filename)),
    seconds: (performance.now() - started) / 1000,
  };
}

import { DataLoader, Subset, getBackend, manualSeed, nn, optim, randperm } from '@dl/core';
import {
  Accuracy,
  Checkpoint,
  EarlyStopping,
  type Engine,
  Events,
  Loss,
  LRScheduler,
  ProgressBar,
  type ProgressStream,
  RunningAverage,
  createSupervisedEvaluator,
  createSupervisedTrainer,
  globalStepFromEngine,
} from '@dl/ignite';
import { ModelCheckpoint } from '@dl/ignite/node';
import { datasets, transforms } from '@dl/vision';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Misclassified, trackMisclassified } from './misclassified';
import { mnistNet } from './model';
import { saveMisclassifiedGrid } from './save-misclassified-grid';
import { writeEmbeddedMnist } from './write-embedded-mnist';

/** MNIST's mean and standard deviation of the pixel values in [0, 1] (torchvision's example's). */
export const MNIST_MEAN = 0.1307;
export const MNIST_STD = 0.3081;

/** Where the embedded digits are written by default: `apps/vision-mnist/.data`. */
export const DEFAULT_CACHE_DIR = fileURLToPath(new URL('../.data', import.meta.url));

/** Options of {@link trainMnist}; the defaults are the README's run. */
export interface TrainOptions {
  /** A folder holding a downloaded torchvision MNIST (`DIR/MNIST/raw/*-ubyte`); default: the `mnist` package's embedded digits. */
  dataDir?: string;
  /** Where the embedded digits are written as IDX files (once). @default DEFAULT_CACHE_DIR */
  cacheDir?: string;
  /** The most epochs to train (early stopping may end sooner). @default 12 */
  epochs?: number;
  /** Training batch size. @default 64 */
  batchSize?: number;
  /** DataLoader worker threads (0: load in the main thread). @default 0 */
  workers?: number;
  /** Where the best checkpoint and misclassified.png go. @default './out' */
  outDir?: string;
  /** Seed of the weights, the validation split, shuffling and augmentation. @default 0 */
  seed?: number;
  /** Adam's learning rate. @default 0.002 */
  lr?: number;
  /** Factor of the learning rate from one epoch to the next (`ExponentialLR`'s gamma; 1: constant). @default 0.8 */
  lrDecay?: number;
  /** Epochs without validation-accuracy improvement before stopping. @default 4 */
  patience?: number;
  /** Fraction of the training files held out for validation (checkpoint and early stopping). @default 0.1 */
  valFraction?: number;
  /** Train on at most this many digits of what remains (a quick run). @default all */
  trainSize?: number;
  /** Light `RandomAffine` augmentation of the training digits. @default true */
  augment?: boolean;
  /** Where lines go (null: nowhere). @default console.log */
  log?: ((line: string) => void) | null;
  /** Where the progress bar draws (null: no bar). @default process.stderr */
  progress?: ProgressStream | null;
}

/** One epoch's figures. */
export interface EpochRecord {
  epoch: number;
  /** Running average of the training loss at the end of the epoch. */
  trainLoss: number;
  valAccuracy: number;
  valLoss: number;
}

/** What {@link trainMnist} returns. */
export interface TrainResult {
  /** The @dl/core backend the run used (`dl.getBackend()`). */
  backend: string;
  /** Where the data came from: `'embedded'` or the `--data` folder. */
  source: string;
  /** Digits used for training, validation and the test. */
  sizes: { train: number; val: number; test: number };
  /** Epochs trained. */
  epochs: number;
  history: EpochRecord[];
  /** Accuracy of the best checkpoint on the test digits. */
  testAccuracy: number;
  /** Its mean cross-entropy there. */
  testLoss: number;
  /** The test digits it gets wrong. */
  misclassified: Misclassified[];
  /** The best checkpoint (path). */
  checkpoint: string;
  /** The PNG grid of misclassified digits (null when there were none). */
  gridPath: string | null;
  /** How many digits the grid shows. */
  gridCount: number;
  /** Wall-clock seconds of the whole run (data preparation included). */
  seconds: number;
  /** CPU seconds the process spent in that time (user + system, worker threads included). */
  cpuSeconds: number;
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
}

const normalize = () => new transforms.Normalize([MNIST_MEAN], [MNIST_STD]);

/**
 * Trains {@link mnistNet} on real handwritten digits: @dl/vision's `datasets.MNIST` (over the
 * `mnist` package's 10,000 digits written once as torchvision's IDX files, or a downloaded MNIST
 * with `dataDir`), `ToTensor` + `Normalize` (+ light `RandomAffine`), @dl/core's `DataLoader`
 * and Adam with an exponentially decaying learning rate, and @dl/ignite: a supervised trainer
 * with a progress bar, an evaluator with `Accuracy` and `Loss` on a validation part of the
 * training files every epoch, `ModelCheckpoint` of the best model by validation accuracy,
 * `EarlyStopping`. The best checkpoint is then tested on the test files, and its mistakes are
 * saved as `outDir/misclassified.png`.
 *
 * @example
 * ```ts
 * const r = await trainMnist({ epochs: 1, trainSize: 2000, outDir: 'tmp' });
 * console.log(r.testAccuracy, r.gridPath);
 * ```
 */
export async function trainMnist(options: TrainOptions = {}): Promise<TrainResult> {
  const { epochs = 12, batchSize = 64, workers = 0, seed = 0, lr = 0.002, lrDecay = 0.8, patience = 4, valFraction = 0.1, augment = true } = options;
  const log = options.log === undefined ? (l: string) => console.log(l) : (options.log ?? (() => undefined));
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const outDir = resolve(options.outDir ?? 'out');
  mkdirSync(outDir, { recursive: true });
  for (const f of readdirSync(outDir)) if (/^best_model_.*\.pt$/.test(f) || f === 'misclassified.png') rmSync(join(outDir, f));

  const root = options.dataDir !== undefined ? resolve(options.dataDir) : writeEmbeddedMnist(resolve(options.cacheDir ?? DEFAULT_CACHE_DIR)).root;
  const trainTransform = new transforms.Compose([
    ...(augment ? [new transforms.RandomAffine(8, { translate: [0.08, 0.08], scale: [0.92, 1.08] })] : []),
    new transforms.ToTensor(),
    normalize(),
  ]);
  const evalTransform = new transforms.Compose([new transforms.ToTensor(), normalize()]);
  // Two views of the training files: augmented for training, plain for validation.
  const trainFiles = await new datasets.MNIST(root, { train: true, transform: trainTransform }).prepare();
  const valFiles = await new datasets.MNIST(root, { train: true, transform: evalTransform }).prepare();
  const testSet = await new datasets.MNIST(root, { train: false, transform: evalTransform }).prepare();

  manualSeed(seed);
  const order = randperm(trainFiles.length).tolist() as number[];
  const nVal = Math.round(trainFiles.length * valFraction);
  const trainIdx = order.slice(nVal, options.trainSize === undefined ? undefined : nVal + options.trainSize);
  const trainSet = new Subset(trainFiles, trainIdx);
  const valSet = new Subset(valFiles, order.slice(0, nVal));
  const loaderOptions = { numWorkers: workers, persistentWorkers: workers > 0 };
  const trainLoader = new DataLoader(trainSet, { batchSize, shuffle: true, ...loaderOptions });
  const valLoader = new DataLoader(valSet, { batchSize: 500, ...loaderOptions });
  const testLoader = new DataLoader(testSet, { batchSize: 500, ...loaderOptions });
  log(`Data: ${options.dataDir !== undefined ? `MNIST in ${root}` : `the mnist package's digits as IDX files in ${root}`}: ${trainSet.length} training, ${valSet.length} validation, ${testSet.length} test digits`);

  const model = mnistNet();
  const optimizer = new optim.Adam(model.parameters(), { lr });
  const lossFn = new nn.CrossEntropyLoss();
  const trainer = createSupervisedTrainer(model, optimizer, lossFn);
  trainer.on(Events.EPOCH_STARTED, new LRScheduler(new optim.lrScheduler.ExponentialLR(optimizer, { gamma: lrDecay })));
  const metrics = () => ({ accuracy: new Accuracy(), loss: new Loss(lossFn) });
  const valEvaluator = createSupervisedEvaluator(model, { metrics: metrics() });

  new RunningAverage({ outputTransform: (loss) => loss as number }).attach(trainer, 'loss');
  let print = log;
  if (options.progress !== null) {
    const pbar = new ProgressBar({ stream: options.progress, persist: false });
    pbar.attach(trainer, { metricNames: ['loss'] });
    if (options.log !== null) print = (l: string) => pbar.logMessage(l);
  }

  const history: EpochRecord[] = [];
  trainer.on(Events.EPOCH_COMPLETED, async (engine: Engine) => {
    const v = (await valEvaluator.run(valLoader)).metrics;
    const record = { epoch: engine.state.epoch, trainLoss: engine.state.metrics.loss as number, valAccuracy: v.accuracy as number, valLoss: v.loss as number };
    history.push(record);
    const secs = (performance.now() - started) / 1000;
    print(`Epoch ${String(record.epoch).padStart(2)}: train loss ${record.trainLoss.toFixed(4)}, validation accuracy ${(record.valAccuracy * 100).toFixed(2)}%, loss ${record.valLoss.toFixed(4)} (${secs.toFixed(1)} s)`);
  });

  const score = (engine: Engine) => engine.state.metrics.accuracy as number;
  const best = new ModelCheckpoint(outDir, {
    filenamePrefix: 'best',
    nSaved: 1,
    scoreFunction: score,
    scoreName: 'val_accuracy',
    globalStepTransform: globalStepFromEngine(trainer),
    requireEmpty: false,
  });
  valEvaluator.on(Events.COMPLETED, best, { model });
  valEvaluator.on(Events.COMPLETED, new EarlyStopping(patience, score, trainer, { log: (m) => print(m) }));

  try {
    await trainer.run(trainLoader, { maxEpochs: epochs });
    const checkpoint = best.lastCheckpoint;
    if (checkpoint === null) throw new Error('trainMnist: no checkpoint was saved');
    await Checkpoint.loadObjects({ model }, checkpoint);
    const testEvaluator = createSupervisedEvaluator(model, { metrics: metrics() });
    const wrong = trackMisclassified(testEvaluator);
    const test = (await testEvaluator.run(testLoader)).metrics;
    const gridPath = join(outDir, 'misclassified.png');
    const gridCount = await saveMisclassifiedGrid(testSet.data, wrong.items, gridPath);
    return {
      backend: getBackend(),
      source: options.dataDir !== undefined ? root : 'embedded',
      sizes: { train: trainSet.length, val: valSet.length, test: testSet.length },
      epochs: trainer.state.epoch,
      history,
      testAccuracy: test.accuracy as number,
      testLoss: test.loss as number,
      misclassified: wrong.items,
      checkpoint,
      gridPath: gridCount > 0 ? gridPath : null,
      gridCount,
      seconds: (performance.now() - started) / 1000,
      cpuSeconds: cpuSecondsSince(cpuStarted),
    };
  } finally {
    await Promise.all([trainLoader.close(), valLoader.close(), testLoader.close()]);
  }
}

import { DataLoader, getBackend, manualSeed, nn, optim, type Tensor } from '@dl/core';
import {
  Accuracy,
  Average,
  ConfusionMatrix,
  type Engine,
  Events,
  Loss,
  LRScheduler,
  ProgressBar,
  type ProgressStream,
  createSupervisedEvaluator,
  createSupervisedTrainer,
  globalStepFromEngine,
} from '@dl/ignite';
import { ModelCheckpoint } from '@dl/ignite/node';
import { type Image, models, transforms } from '@dl/vision';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadResNet18 } from './load-resnet18';
import { openImageFolders } from './open-image-folders';
import { parameterChange, snapshotParameters } from './parameter-change';
import { type ShapesDatasetOptions, writeShapesDataset } from './write-shapes-dataset';

/** Where the generated shapes are written by default: `apps/vision-transfer/.data`. */
export const DEFAULT_CACHE_DIR = fileURLToPath(new URL('../.data', import.meta.url));

/** Options of {@link trainTransfer}; the defaults are the README's run. */
export interface TransferOptions {
  /** Your own images (`DIR/train` + `DIR/val`, or one ImageFolder split by `randomSplit`); default: the generated shapes. */
  dataDir?: string;
  /** Where the shapes are drawn (once). @default DEFAULT_CACHE_DIR */
  cacheDir?: string;
  /** How many shapes to draw, and how big. @default {} (120 training and 50 validation images per class, 96 px) */
  shapes?: ShapesDatasetOptions;
  /** Epochs to train. @default 6 */
  epochs?: number;
  /** Training batch size. @default 32 */
  batchSize?: number;
  /** Side of the square crops the network sees. @default 64 */
  imageSize?: number;
  /** DataLoader worker threads (0: load in the main thread). @default 0 */
  workers?: number;
  /** Seed of the random weights (and the new head), shuffling, augmentation and a `--data` split. @default 0 */
  seed?: number;
  /** Where the best checkpoint and classes.json go. @default './out' */
  outDir?: string;
  /** Adam's initial learning rate (cosine-annealed to 0 over the epochs). @default 0.001 */
  lr?: number;
  /** Fraction held out for validation when `dataDir` has no train/val sub-folders. @default 0.2 */
  valFraction?: number;
  /** Try the ImageNet weights (false: random weights, no download). @default true */
  pretrained?: boolean;
  /** Fetch the weights from here instead of torchvision's URL. @default ResNet18_Weights.IMAGENET1K_V1.url */
  weightsUrl?: string;
  /** Milliseconds without data before the weights download gives up. @default 10000 */
  weightsTimeout?: number;
  /** Where lines go (null: nowhere). @default console.log */
  log?: ((line: string) => void) | null;
  /** Where the progress bar draws (null: no bar, no download progress). @default process.stderr */
  progress?: ProgressStream | null;
}

/** One epoch's figures. */
export interface EpochRecord {
  epoch: number;
  /** Mean training loss over the epoch's batches. */
  trainLoss: number;
  valAccuracy: number;
  valLoss: number;
}

/** What {@link trainTransfer} returns. */
export interface TransferResult {
  /** The @dl/core backend of the run (`dl.getBackend()`). */
  backend: string;
  /** Whether resnet18 started from the ImageNet weights (false: seeded random weights). */
  pretrained: boolean;
  /** The fallback note that was printed (null when the weights loaded or were not asked for). */
  note: string | null;
  /** Where the weights file is cached (or should be put). */
  weightsPath: string;
  /** Where the data came from: the generated shapes' folder or `dataDir`. */
  dataRoot: string;
  classes: string[];
  sizes: { train: number; val: number };
  epochs: number;
  history: EpochRecord[];
  /** Validation accuracy after the last epoch. */
  finalValAccuracy: number;
  /** The last epoch's validation confusion matrix: rows are the true classes, columns the predicted ones. */
  confusion: number[][];
  /** The best validation accuracy of any epoch (its model is the checkpoint). */
  bestValAccuracy: number;
  /** The largest absolute change of any parameter through training, per top-level module (`conv1`, `layer1`, ..., `fc`). */
  parameterChange: Record<string, number>;
  /** Whether every layer1 weight is bit for bit what it was before training. */
  layer1Unchanged: boolean;
  /** The fine-tuned model. */
  model: models.ResNet;
  /** The best checkpoint (the model's state dict, PyTorch's zip format). */
  checkpoint: string;
  /** Wall-clock seconds of the run (data, weights and training). */
  seconds: number;
}

/** The normalization the ImageNet weights were trained with (from their own preprocessing preset). */
function imagenetNormalize(weights: models.Weights): transforms.Normalize {
  const preset = weights.transforms();
  const mean = preset instanceof models.ImageClassification ? preset.mean : [0.485, 0.456, 0.406];
  const std = preset instanceof models.ImageClassification ? preset.std : [0.229, 0.224, 0.225];
  return new transforms.Normalize(mean, std);
}

/**
 * The seed's transfer learning: torchvision's resnet18, pretrained on ImageNet when the weights
 * can be had (else seeded random weights, with a note saying how to get them), `layer1` frozen,
 * the head replaced by `nn.Linear(512, numClasses)`, fine-tuned on an `ImageFolder` (the drawn
 * shapes of {@link writeShapesDataset}, or `dataDir`) with @dl/vision transforms and @dl/ignite
 * (trainer, evaluator with `Accuracy` and `Loss`, progress bar, best-model checkpoint).
 *
 * @example
 * ```ts
 * const r = await trainTransfer({ epochs: 1, imageSize: 32, shapes: { trainPerClass: 8, valPerClass: 4 } });
 * console.log(r.finalValAccuracy, r.layer1Unchanged);
 * ```
 */
export async function trainTransfer(options: TransferOptions = {}): Promise<TransferResult> {
  const { epochs = 6, batchSize = 32, imageSize = 64, workers = 0, seed = 0, lr = 1e-3, valFraction = 0.2 } = options;
  const log = options.log === undefined ? (l: string) => console.log(l) : (options.log ?? (() => undefined));
  const started = performance.now();
  const outDir = resolve(options.outDir ?? 'out');
  mkdirSync(outDir, { recursive: true });
  for (const f of readdirSync(outDir)) if (/^best_model_.*\.pt$/.test(f)) rmSync(join(outDir, f));

  // The model first, right after seeding: its random weights (and the new head) depend on the seed only.
  manualSeed(seed);
  const loaded = await loadResNet18({ pretrained: options.pretrained, weightsUrl: options.weightsUrl, timeout: options.weightsTimeout, progress: options.progress !== null });
  if (loaded.note) log(loaded.note);
  const model = loaded.model;

  const normalize = () => imagenetNormalize(loaded.weights);
  const trainTransform = new transforms.Compose<Image, Tensor>([
    new transforms.RandomResizedCrop(imageSize, { scale: [0.85, 1] }),
    new transforms.RandomHorizontalFlip(),
    new transforms.ToTensor(),
    normalize(),
  ]);
  const evalTransform = new transforms.Compose<Image, Tensor>([new transforms.Resize(imageSize), new transforms.CenterCrop(imageSize), new transforms.ToTensor(), normalize()]);
  let dataRoot: string;
  if (options.dataDir === undefined) {
    const shapes = await writeShapesDataset(options.cacheDir ?? DEFAULT_CACHE_DIR, options.shapes);
    dataRoot = shapes.root;
    log(`${shapes.written ? 'Drew' : 'Using'} the shapes data set in ${shapes.root}`);
  } else dataRoot = resolve(options.dataDir);
  const data = await openImageFolders(dataRoot, { trainTransform, evalTransform, valFraction, seed });
  const { classes } = data;
  log(`Data: ${data.train.length} training, ${data.val.length} validation images of ${classes.length} classes (${classes.join(', ')})${data.layout === 'split' ? `, ${valFraction * 100}% held out by randomSplit` : ''}`);

  // The seed's transfer learning: freeze layer1, replace the head.
  for (const p of model.layer1.parameters()) p.requiresGrad = false;
  const imagenetHead = model.fc.outFeatures;
  model.fc = new nn.Linear(512, classes.length);
  const categories = loaded.weights.meta.categories ?? [];
  log(
    loaded.pretrained
      ? `Model: resnet18 with ${loaded.weights} (ImageNet: ${categories.slice(0, 3).join(', ')}, ... ${categories.length} categories)`
      : `Model: resnet18 with random weights (seed ${seed})`,
  );
  log(`  layer1 frozen (requiresGrad = false), head Linear(512, ${imagenetHead}) replaced by Linear(512, ${classes.length}); images ${imageSize}x${imageSize}`);
  const before = snapshotParameters(model);

  // Every parameter goes to the optimizer, as in the seed: the frozen ones never get a gradient.
  const optimizer = new optim.Adam(model.parameters(), { lr });
  const lossFn = new nn.CrossEntropyLoss();
  const trainer = createSupervisedTrainer(model, optimizer, lossFn);
  trainer.on(Events.EPOCH_STARTED, new LRScheduler(new optim.lrScheduler.CosineAnnealingLR(optimizer, { tMax: epochs })));
  const evaluator = createSupervisedEvaluator(model, {
    metrics: { accuracy: new Accuracy(), loss: new Loss(lossFn), confusion: new ConfusionMatrix(classes.length) },
  });
  new Average({ outputTransform: (loss) => loss as number }).attach(trainer, 'loss');

  // One item at a time (concurrency 1): the random transforms draw from the seeded generator as
  // each image arrives, so with several reads in flight the draws would follow the order the files
  // happen to be read in, and a run would not repeat. Reading 96 px PNGs one by one costs little.
  const loaderOptions = { numWorkers: workers, persistentWorkers: workers > 0, concurrency: 1 };
  const trainLoader = new DataLoader(data.train, { batchSize, shuffle: true, ...loaderOptions });
  const valLoader = new DataLoader(data.val, { batchSize: 64, ...loaderOptions });

  let print = log;
  if (options.progress !== null) {
    const pbar = new ProgressBar({ stream: options.progress, persist: false });
    pbar.attach(trainer, { outputTransform: (loss) => ({ loss: loss as number }) });
    if (options.log !== null) print = (l: string) => pbar.logMessage(l);
  }
  const history: EpochRecord[] = [];
  trainer.on(Events.EPOCH_COMPLETED, async (engine: Engine) => {
    const v = (await evaluator.run(valLoader)).metrics;
    const record = { epoch: engine.state.epoch, trainLoss: engine.state.metrics.loss as number, valAccuracy: v.accuracy as number, valLoss: v.loss as number };
    history.push(record);
    const secs = (performance.now() - started) / 1000;
    print(`Epoch ${String(record.epoch).padStart(2)}: train loss ${record.trainLoss.toFixed(4)}, validation accuracy ${(record.valAccuracy * 100).toFixed(2)}%, loss ${record.valLoss.toFixed(4)} (${secs.toFixed(1)} s)`);
  });
  const best = new ModelCheckpoint(outDir, {
    filenamePrefix: 'best',
    nSaved: 1,
    scoreFunction: (engine: Engine) => engine.state.metrics.accuracy as number,
    scoreName: 'val_accuracy',
    globalStepTransform: globalStepFromEngine(trainer),
    requireEmpty: false,
  });
  evaluator.on(Events.COMPLETED, best, { model });

  try {
    await trainer.run(trainLoader, { maxEpochs: epochs });
  } finally {
    // Persistent workers are unref'd between epochs, and @dl/core's close() terminates them
    // without ref'ing them again: with nothing else pending, Node may exit (status 13) before
    // their 'exit' events settle close(). A timer keeps the process alive until then.
    const keepAlive = setInterval(() => undefined, 1000);
    try {
      await Promise.all([trainLoader.close(), valLoader.close()]);
    } finally {
      clearInterval(keepAlive);
    }
  }
  const checkpoint = best.lastCheckpoint;
  if (checkpoint === null) throw new Error('trainTransfer: no checkpoint was saved');
  writeFileSync(join(outDir, 'classes.json'), `${JSON.stringify(classes)}\n`);

  const change = parameterChange(model, before);
  const confusion = (evaluator.state.metrics.confusion as number[][]).map((row) => row.map((v) => Math.round(v)));
  const last = history[history.length - 1]!;
  return {
    backend: getBackend(),
    pretrained: loaded.pretrained,
    note: loaded.note,
    weightsPath: loaded.cachePath,
    dataRoot,
    classes,
    sizes: { train: data.train.length, val: data.val.length },
    epochs: trainer.state.epoch,
    history,
    finalValAccuracy: last.valAccuracy,
    confusion,
    bestValAccuracy: Math.max(...history.map((h) => h.valAccuracy)),
    parameterChange: Object.fromEntries(change),
    layer1Unchanged: change.get('layer1') === 0,
    model,
    checkpoint,
    seconds: (performance.now() - started) / 1000,
  };
}

import { DataLoader, Generator, type Subset, getBackend, manualSeed, nn, optim, randomSplit } from '@dl/core';
import { YESNO } from '@dl/audio';
import {
  Accuracy,
  Average,
  Checkpoint,
  EarlyStopping,
  type Engine,
  Events,
  Loss,
  ProgressBar,
  type ProgressStream,
  createSupervisedEvaluator,
  createSupervisedTrainer,
  globalStepFromEngine,
} from '@dl/ignite';
import { ModelCheckpoint } from '@dl/ignite/node';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Recordings, extractWords } from './extract-words';
import { yesNoNet } from './model';
import { saveSpectrogram } from './save-spectrogram';
import { speedPerturb } from './speed-perturb';
import { listVoices } from './voices';
import { WordDataset, type Words } from './word-dataset';
import { writeYesNoSet } from './write-yesno-set';

/** Where the generated recordings go by default: `apps/audio-yesno/.data`. */
export const DEFAULT_CACHE_DIR = fileURLToPath(new URL('../.data', import.meta.url));

/** Options of {@link trainYesNo}; the defaults are the README's run. */
export interface YesNoOptions {
  /** The real YESNO corpus: a folder holding (or to download) `waves_yesno/`. Default: the app's recordings. */
  dataDir?: string;
  /** Download YESNO into `dataDir` when it is missing there. @default true */
  download?: boolean;
  /** YESNO's archive URL (a mirror). @default YESNO.url */
  url?: string;
  /** Where the app's recordings are written (once). @default DEFAULT_CACHE_DIR */
  cacheDir?: string;
  /** Recordings made from the training voices (a fifth of them for validation), and from the held-out voices for the test. @default { train: 160, test: 64 } */
  recordings?: { train: number; test: number };
  /** Epochs to train (early stopping may end sooner). @default 15 */
  epochs?: number;
  /** Training batch size (words). @default 32 */
  batchSize?: number;
  /** Seed of the weights, shuffling, augmentation and the splits. @default 0 */
  seed?: number;
  /** Adam's learning rate. @default 0.002 */
  lr?: number;
  /** Epochs without a better validation accuracy before stopping. @default 5 */
  patience?: number;
  /** Where the best checkpoint and the spectrogram image go. @default './out' */
  outDir?: string;
  /** Where lines go (null: nowhere). @default console.log */
  log?: ((line: string) => void) | null;
  /** Where the progress bar draws (null: no bar). @default process.stderr */
  progress?: ProgressStream | null;
}

/** One epoch's figures. */
export interface EpochRecord {
  epoch: number;
  trainLoss: number;
  valAccuracy: number;
  valLoss: number;
}

/** What {@link trainYesNo} returns. */
export interface YesNoResult {
  backend: string;
  /** 'app' (the espeak-ng recordings) or 'yesno' (the real corpus in `dataDir`). */
  data: 'app' | 'yesno';
  /** Recordings and words per part. */
  sizes: { train: [recordings: number, words: number]; val: [number, number]; test: [number, number] };
  history: EpochRecord[];
  /** Word accuracy on the test recordings, with the best checkpoint. */
  testAccuracy: number;
  /** Share of test recordings with all their words right. */
  testRecordingAccuracy: number;
  /** Test confusion: rows true (no, yes), columns predicted. */
  confusion: number[][];
  checkpoint: string;
  spectrogram: string;
  seconds: number;
}

function splitRecordings(all: Recordings, fractions: number[], seed: number): Subset<Awaited<ReturnType<Recordings['getItem']>>>[] {
  const n = all.length;
  const counts = fractions.map((f) => Math.floor(f * n));
  counts[0]! += n - counts.reduce((a, b) => a + b, 0);
  return randomSplit(all, counts, { generator: new Generator(seed) });
}

function sizeOf(words: Words): [number, number] {
  return [new Set(words.recording).size, words.labels.length];
}

/**
 * YESNO-style spoken-word classification: recordings of eight "yes"/"no" words (the app's, spoken
 * by espeak-ng voices, or the real YESNO corpus with `dataDir`) are read with `datasets.YESNO`,
 * cut into words, turned into log-mel spectrograms with @dl/audio (`MelSpectrogram`,
 * `AmplitudeToDB`, SpecAugment's `FrequencyMasking`/`TimeMasking` when training), and a small CNN
 * learns yes from no with @dl/ignite (trainer, evaluator with `Accuracy` and `Loss`, progress
 * bar, best checkpoint, early stopping). The test words come from voices (or recordings) never
 * trained on; one test recording's spectrogram is saved as a PNG with its words marked.
 *
 * @example
 * ```ts
 * const r = await trainYesNo({ epochs: 2, recordings: { train: 20, test: 8 } });
 * console.log(r.testAccuracy);
 * ```
 */
export async function trainYesNo(options: YesNoOptions = {}): Promise<YesNoResult> {
  const { epochs = 15, batchSize = 32, seed = 0, lr = 2e-3, patience = 5 } = options;
  const log = options.log === undefined ? (l: string) => console.log(l) : (options.log ?? (() => undefined));
  const started = performance.now();
  const outDir = resolve(options.outDir ?? 'out');
  mkdirSync(outDir, { recursive: true });
  for (const f of readdirSync(outDir)) if (/^best_model_.*\.pt$/.test(f)) rmSync(join(outDir, f));

  let train: Words;
  let val: Words;
  let test: Awaited<ReturnType<typeof extractWords>>;
  let data: 'app' | 'yesno';
  if (options.dataDir === undefined) {
    data = 'app';
    const { train: trainCount, test: testCount } = options.recordings ?? { train: 160, test: 64 };
    const voices = listVoices();
    const cache = options.cacheDir ?? DEFAULT_CACHE_DIR;
    // The recordings have fixed seeds of their own: --seed changes the training, not the data.
    const trainSet = await writeYesNoSet(join(cache, 'train'), { voices: voices.train, count: trainCount, seed: 1 });
    const testSet = await writeYesNoSet(join(cache, 'test'), { voices: voices.test, count: testCount, seed: 2 });
    log(
      `${trainSet.written ? 'Made' : 'Using'} ${trainCount} training recordings (${voices.train.length} voices) and ${testCount} test recordings (${voices.test.length} other voices) in ${cache}`,
    );
    const trainAll = await new YESNO(trainSet.root).prepare();
    const [trainPart, valPart] = splitRecordings(trainAll, [0.8, 0.2], seed);
    train = await extractWords(trainPart!);
    val = await extractWords(valPart!);
    test = await extractWords(await new YESNO(testSet.root).prepare());
  } else {
    data = 'yesno';
    const root = resolve(options.dataDir);
    const yesno = await new YESNO(root, { download: options.download ?? true, ...(options.url ? { url: options.url } : {}) }).prepare();
    log(`YESNO: ${yesno.length} recordings in ${root}`);
    const [trainPart, valPart, testPart] = splitRecordings(yesno, [0.6, 0.15, 0.25], seed);
    train = await extractWords(trainPart!);
    val = await extractWords(valPart!);
    test = await extractWords(testPart!);
  }
  speedPerturb(train, [0.85, 0.92, 1.08, 1.15]);
  const sizes = { train: sizeOf(train), val: sizeOf(val), test: sizeOf(test) };
  log(`Words: ${sizes.train[1]} training (${sizes.train[0]} recordings; each also at 0.85, 0.92, 1.08 and 1.15x speed), ${sizes.val[1]} validation (${sizes.val[0]}), ${sizes.test[1]} test (${sizes.test[0]})`);

  manualSeed(seed);
  const model = yesNoNet();
  const optimizer = new optim.Adam(model.parameters(), { lr });
  const lossFn = new nn.CrossEntropyLoss();
  const trainer = createSupervisedTrainer(model, optimizer, lossFn);
  const evaluator = createSupervisedEvaluator(model, { metrics: { accuracy: new Accuracy(), loss: new Loss(lossFn) } });
  new Average({ outputTransform: (loss) => loss as number }).attach(trainer, 'loss');
  const trainLoader = new DataLoader(new WordDataset(train, { augment: true }), { batchSize, shuffle: true });
  const valLoader = new DataLoader(new WordDataset(val), { batchSize: 128 });

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
  const score = (engine: Engine) => engine.state.metrics.accuracy as number;
  const best = new ModelCheckpoint(outDir, { filenamePrefix: 'best', nSaved: 1, scoreFunction: score, scoreName: 'val_accuracy', globalStepTransform: globalStepFromEngine(trainer), requireEmpty: false });
  evaluator.on(Events.COMPLETED, best, { model });
  evaluator.on(Events.COMPLETED, new EarlyStopping(patience, score, trainer));
  await trainer.run(trainLoader, { maxEpochs: epochs });

  const checkpoint = best.lastCheckpoint;
  if (checkpoint === null) throw new Error('trainYesNo: no checkpoint was saved');
  await Checkpoint.loadObjects({ model }, checkpoint);

  // Test: every word of the held-out recordings, then whole recordings.
  model.eval();
  const testSet = new WordDataset(test);
  const predicted: number[] = [];
  for await (const [x] of new DataLoader(testSet, { batchSize: 128 })) {
    const out = model.forward(x);
    predicted.push(...(out.argmax(1).dataSync() as Int32Array));
    out.dispose();
  }
  const confusion = [
    [0, 0],
    [0, 0],
  ];
  const wrongIn = new Set<number>();
  predicted.forEach((p, i) => {
    confusion[test.labels[i]!]![p]! += 1;
    if (p !== test.labels[i]) wrongIn.add(test.recording[i]!);
  });
  const testAccuracy = (confusion[0]![0]! + confusion[1]![1]!) / predicted.length;
  const recordings = sizes.test[0];
  const spectrogram = join(outDir, 'spectrogram.png');
  await saveSpectrogram(test.first, test.sampleRate, test.segments[0]!, spectrogram);
  return {
    backend: getBackend(),
    data,
    sizes,
    history,
    testAccuracy,
    testRecordingAccuracy: (recordings - wrongIn.size) / recordings,
    confusion,
    checkpoint,
    spectrogram,
    seconds: (performance.now() - started) / 1000,
  };
}

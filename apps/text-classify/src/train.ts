import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Tensor, argmax, getBackend, manualSeed, nn, optim, scope } from '@dl/core';
import {
  Accuracy,
  Checkpoint,
  EarlyStopping,
  type Engine,
  Events,
  Loss,
  ProgressBar,
  type ProgressStream,
  RunningAverage,
  createSupervisedEvaluator,
  createSupervisedTrainer,
  globalStepFromEngine,
} from '@dl/ignite';
import { ModelCheckpoint } from '@dl/ignite/node';
import { type Batch, BucketIterator, type Example, Field, LabelField, Vectors } from '@dl/text';
import { addBigrams } from './bigrams';
import { loadQuestions } from './load-questions';
import { QuestionClassifier } from './model';

/** Where `--vectors` files get their binary cache: `apps/text-classify/.vector_cache`. */
export const DEFAULT_VECTORS_CACHE = fileURLToPath(new URL('../.vector_cache', import.meta.url));

/** Options of {@link trainClassifier}; the defaults are the README's run. */
export interface ClassifyOptions {
  /** A folder with TREC's `train_5500.label` and `TREC_10.label`; default: the embedded questions. */
  dataDir?: string;
  /** A GloVe-format vectors file to start the word vectors from (nothing is downloaded). */
  vectorsPath?: string;
  /** Where the vectors' binary cache goes. @default DEFAULT_VECTORS_CACHE */
  vectorsCache?: string;
  /** Most epochs (early stopping may end sooner). @default 30 */
  epochs?: number;
  /** Training batch size. @default 32 */
  batchSize?: number;
  /** Seed of the weights and the batches' shuffling (the data split has its own fixed seed). @default 0 */
  seed?: number;
  /** Adam's learning rate. @default 0.02 */
  lr?: number;
  /** Size of the word vectors (without `vectorsPath`). @default 64 */
  embeddingDim?: number;
  /** Epochs without validation-accuracy improvement before stopping. @default 6 */
  patience?: number;
  /** Add bigrams to the bag of words (fastText's trick). @default true */
  bigrams?: boolean;
  /** Where the best checkpoint and its vocabularies go. @default './out' */
  outDir?: string;
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
  trainAccuracy: number;
  valAccuracy: number;
  valLoss: number;
}

/** What {@link trainClassifier} returns. */
export interface ClassifyResult {
  backend: string;
  /** `'embedded'` or the TREC folder. */
  source: string;
  sizes: { train: number; valid: number; test: number };
  /** The label vocabulary, in index order. */
  classes: string[];
  /** Examples per class in each split, in `classes` order. */
  classCounts: { train: number[]; valid: number[]; test: number[] };
  vocabSize: number;
  /** Words of the vocabulary found in the `vectorsPath` file (null without vectors). */
  vectorsFound: number | null;
  /** The seed's `print(next(iter(test_iter)))`. */
  batchRepr: string;
  epochs: number;
  history: EpochRecord[];
  /** Accuracy of always answering the most frequent training class, on the test split. */
  majorityBaseline: number;
  testAccuracy: number;
  testLoss: number;
  /** `confusion[i][j]`: test questions of class i predicted as j. */
  confusion: number[][];
  checkpoint: string;
  model: QuestionClassifier;
  text: Field;
  label: LabelField;
  seconds: number;
}

type QuestionBatch = Batch & { text: Tensor; label: Tensor };
const prepareBatch = (b: unknown): [Tensor, Tensor] => [(b as QuestionBatch).text, (b as QuestionBatch).label];

function countClasses(ds: Iterable<Example>, classes: string[]): number[] {
  const counts = classes.map(() => 0);
  for (const ex of ds) counts[classes.indexOf(ex.label as string)] += 1;
  return counts;
}

/**
 * The seed's torchtext TREC flow, trained with @dl/ignite: `Field` (spaCy-style tokenizer,
 * lowercase, plus bigrams) and `LabelField`; the questions through `datasets.TREC`
 * ({@link loadQuestions}); `buildVocab` (with a GloVe-format file's vectors when given);
 * `BucketIterator.splits`; a {@link QuestionClassifier} (EmbeddingBag + Linear) trained with Adam
 * and cross-entropy by `createSupervisedTrainer`; `Accuracy` and `Loss` on train and validation
 * every epoch; `ModelCheckpoint` of the best validation accuracy and `EarlyStopping`; the best
 * model's test accuracy and confusion matrix.
 *
 * @example
 * ```ts
 * const r = await trainClassifier({ epochs: 5, outDir: 'tmp' });
 * console.log(r.testAccuracy, r.classes);
 * ```
 */
export async function trainClassifier(options: ClassifyOptions = {}): Promise<ClassifyResult> {
  const { epochs = 30, batchSize = 32, seed = 0, lr = 0.02, embeddingDim = 64, patience = 6, bigrams = true } = options;
  const log = options.log === undefined ? (l: string) => console.log(l) : (options.log ?? (() => undefined));
  const started = performance.now();
  const outDir = resolve(options.outDir ?? 'out');
  mkdirSync(outDir, { recursive: true });
  for (const f of readdirSync(outDir)) if (/^best_model_.*\.pt$/.test(f)) rmSync(join(outDir, f));
  manualSeed(seed);

  // The seed's fields: TEXT = data.Field(sequential=True, tokenize=tokenizer, lower=True),
  // LABEL = a label field with a vocabulary.
  const TEXT = new Field({ tokenize: 'spacy', lower: true, preprocessing: bigrams ? (t: unknown) => addBigrams(t as string[]) : null });
  const LABEL = new LabelField();
  const { train, valid, test, source } = await loadQuestions(TEXT, LABEL, options.dataDir);
  log(`Data: ${source === 'embedded' ? 'the embedded questions (data/questions.label)' : `TREC in ${source}`}: ${train.length} training, ${valid.length} validation, ${test.length} test questions`);

  let vectors: Vectors | undefined;
  if (options.vectorsPath !== undefined) {
    const path = resolve(options.vectorsPath);
    vectors = await new Vectors(path, { cache: resolve(options.vectorsCache ?? DEFAULT_VECTORS_CACHE) }).load();
  }
  await TEXT.buildVocab(train, vectors ? { vectors } : {});
  await LABEL.buildVocab(train);
  const textVocab = TEXT.vocab!;
  const classes = [...LABEL.vocab!.itos];
  let vectorsFound: number | null = null;
  if (vectors) {
    vectorsFound = textVocab.itos.filter((w) => vectors.stoi.has(w)).length;
    log(`Vectors: ${basename(options.vectorsPath!)} (${vectors.dim} dimensions) has ${vectorsFound} of the ${textVocab.length} vocabulary entries; the others start at zero`);
  }
  log(`Vocabulary: ${textVocab.length} entries${bigrams ? ' (words and bigrams)' : ''}; classes ${classes.join(', ')}`);

  const sortKey = (ex: Example) => (ex.text as string[]).length;
  const [trainIter, validIter, testIter] = BucketIterator.splits([train, valid, test], { batchSizes: [batchSize, 256, 256], sortKey }) as BucketIterator<{
    text: Tensor;
    label: Tensor;
  }>[];
  // Evaluation on the training split, in big sorted batches (no shuffling).
  const trainEvalIter = new BucketIterator<{ text: Tensor; label: Tensor }>(train, { batchSize: 256, sortKey, train: false });
  const first = testIter[Symbol.iterator]().next().value as QuestionBatch;
  const batchRepr = String(first);
  first.dispose();
  log(`First test batch (the seed's print(next(iter(test_iter)))):\n${batchRepr}`);

  const padIdx = textVocab.stoi.get('<pad>');
  const model = new QuestionClassifier(textVocab.length, classes.length, { embeddingDim, paddingIdx: padIdx, vectors: textVocab.vectors ?? null });
  const optimizer = new optim.Adam(model.parameters(), { lr });
  const lossFn = new nn.CrossEntropyLoss();
  const trainer = createSupervisedTrainer(model, optimizer, lossFn, { prepareBatch });
  const metrics = () => ({ accuracy: new Accuracy(), loss: new Loss(lossFn) });
  const evaluator = (onOutput?: (yPred: Tensor, y: Tensor) => void) => {
    const e = createSupervisedEvaluator(model, { metrics: metrics(), prepareBatch });
    if (onOutput) e.on(Events.ITERATION_COMPLETED, (engine: Engine) => onOutput(...(engine.state.output as [Tensor, Tensor])));
    e.on(Events.ITERATION_COMPLETED, (engine: Engine) => {
      (engine.state.output as [Tensor, Tensor])[0].dispose();
      (engine.state.batch as QuestionBatch).dispose();
    });
    return e;
  };
  const trainEvaluator = evaluator();
  const validEvaluator = evaluator();
  // The iterators make fresh tensors for every batch: free them once the step is done.
  trainer.on(Events.ITERATION_COMPLETED, (engine: Engine) => (engine.state.batch as QuestionBatch).dispose());

  new RunningAverage({ outputTransform: (loss) => loss as number }).attach(trainer, 'loss');
  let print = log;
  if (options.progress !== null) {
    const pbar = new ProgressBar({ stream: options.progress, persist: false });
    pbar.attach(trainer, { metricNames: ['loss'] });
    if (options.log !== null) print = (l: string) => pbar.logMessage(l);
  }

  const history: EpochRecord[] = [];
  let trainMetrics: Record<string, unknown> = {};
  trainer.on(Events.EPOCH_COMPLETED, async () => {
    trainMetrics = (await trainEvaluator.run(trainEvalIter)).metrics;
    await validEvaluator.run(validIter);
  });
  // The epoch's line first, then what the checkpoint and early stopping say about it.
  validEvaluator.on(Events.COMPLETED, (engine: Engine) => {
    const v = engine.state.metrics;
    const record = {
      epoch: trainer.state.epoch,
      trainLoss: trainer.state.metrics.loss as number,
      trainAccuracy: trainMetrics.accuracy as number,
      valAccuracy: v.accuracy as number,
      valLoss: v.loss as number,
    };
    history.push(record);
    const secs = (performance.now() - started) / 1000;
    print(
      `Epoch ${String(record.epoch).padStart(2)}: train loss ${record.trainLoss.toFixed(4)}, accuracy ${(record.trainAccuracy * 100).toFixed(1)}%; ` +
        `validation accuracy ${(record.valAccuracy * 100).toFixed(1)}%, loss ${record.valLoss.toFixed(4)} (${secs.toFixed(1)} s)`,
    );
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
  validEvaluator.on(Events.COMPLETED, best, { model });
  validEvaluator.on(Events.COMPLETED, new EarlyStopping(patience, score, trainer, { log: (m) => print(m) }));

  await trainer.run(trainIter, { maxEpochs: epochs });
  const checkpoint = best.lastCheckpoint;
  if (checkpoint === null) throw new Error('trainClassifier: no checkpoint was saved');
  await Checkpoint.loadObjects({ model }, checkpoint);

  const confusion = classes.map(() => classes.map(() => 0));
  const testEvaluator = evaluator((yPred, y) => {
    const predicted = scope(() => argmax(yPred, 1).tolist() as number[]);
    for (const [i, truth] of (y.tolist() as number[]).entries()) confusion[truth][predicted[i]] += 1;
  });
  const tm = (await testEvaluator.run(testIter)).metrics;

  const classCounts = { train: countClasses(train, classes), valid: countClasses(valid, classes), test: countClasses(test, classes) };
  const majority = classCounts.train.indexOf(Math.max(...classCounts.train));
  return {
    backend: getBackend(),
    source,
    sizes: { train: train.length, valid: valid.length, test: test.length },
    classes,
    classCounts,
    vocabSize: textVocab.length,
    vectorsFound,
    batchRepr,
    epochs: trainer.state.epoch,
    history,
    majorityBaseline: classCounts.test[majority] / test.length,
    testAccuracy: tm.accuracy as number,
    testLoss: tm.loss as number,
    confusion,
    checkpoint,
    model,
    text: TEXT,
    label: LABEL,
    seconds: (performance.now() - started) / 1000,
  };
}

import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Tensor, getBackend, manualSeed, nn, noGrad, optim, scope } from '@dl/core';
import {
  Checkpoint,
  Engine,
  Events,
  Loss,
  ProgressBar,
  type ProgressStream,
  ReduceLROnPlateauScheduler,
  RunningAverage,
  globalStepFromEngine,
} from '@dl/ignite';
import { ModelCheckpoint } from '@dl/ignite/node';
import { type Batch, BPTTIterator, Field } from '@dl/text';
import { loadCorpus } from './load-corpus';
import { type Hidden, WordLanguageModel } from './model';
import { sampleContinuation } from './sample';
import { tokenizeProse } from './tokenize-prose';
import { UnigramPerplexity, countIds, unigramLogProbs } from './unigram';

/** Options of {@link trainLanguageModel}; the defaults are the README's run. */
export interface LanguageModelOptions {
  /** A folder with WikiText-2's `wiki.{train,valid,test}.tokens`; default: the embedded Moby-Dick chapters. */
  dataDir?: string;
  /** Epochs. @default 4 */
  epochs?: number;
  /** Columns the training stream is cut into (PyTorch's example: 20). @default 20 */
  batchSize?: number;
  /** Time steps per batch. @default 35 */
  bpttLen?: number;
  /** Seed of the weights and dropout (the sample has its own seed, the same by default). @default 0 */
  seed?: number;
  /** Most words in the vocabulary besides `<unk>` and `<pad>` (the rest become `<unk>`). @default 3000 */
  maxVocab?: number;
  /** Size of the word vectors and of the LSTM's state. @default 64 */
  hiddenSize?: number;
  /** Adam's learning rate (divided by 4 after two epochs without a better validation perplexity). @default 0.005 */
  lr?: number;
  /** Largest gradient norm (`clipGradNorm_`). @default 0.5 */
  clip?: number;
  /** Dropout. @default 0.3 */
  dropout?: number;
  /** Tie the decoder's weights to the embedding's. @default true */
  tieWeights?: boolean;
  /** Words to continue at the end. @default 'call me' */
  prompt?: string;
  /** Words to sample. @default 30 */
  sampleLength?: number;
  /** Sampling temperature. @default 0.8 */
  temperature?: number;
  /** Seed of the sample. @default seed */
  sampleSeed?: number;
  /** Where the best checkpoint and the vocabulary go. @default './out' */
  outDir?: string;
  /** Where lines go (null: nowhere). @default console.log */
  log?: ((line: string) => void) | null;
  /** Where the progress bar draws (null: no bar). @default process.stderr */
  progress?: ProgressStream | null;
}

/** One epoch's figures. */
export interface EpochRecord {
  epoch: number;
  trainPerplexity: number;
  validPerplexity: number;
  lr: number;
  seconds: number;
}

/** What {@link trainLanguageModel} returns. */
export interface LanguageModelResult {
  backend: string;
  source: string;
  /** Tokens of each corpus (`<eos>` included). */
  tokens: { train: number; valid: number; test: number };
  vocabSize: number;
  /** Share of the validation tokens that are `<unk>`. */
  validUnkRate: number;
  /** Batches per training epoch. */
  batchesPerEpoch: number;
  parameters: number;
  /** The unigram model's perplexity (training counts, add-one). */
  unigram: { valid: number; test: number };
  history: EpochRecord[];
  testPerplexity: number;
  /** The best validation perplexity (the checkpoint tested). */
  bestValidPerplexity: number;
  prompt: string[];
  sample: string[];
  checkpoint: string;
  model: WordLanguageModel;
  text: Field;
  seconds: number;
}

type LMBatch = Batch & { text: Tensor; target: Tensor };

/** The number of tokens of a corpus dataset (its one example's stream). */
const streamOf = (ds: { getItem(i: number): { text?: unknown } }) => ds.getItem(0).text as string[];

/**
 * A word-level LSTM language model on @dl/text and @dl/ignite, as PyTorch's
 * `examples/word_language_model`: a `Field` and a language-modeling dataset per split
 * ({@link loadCorpus}), `buildVocab` capped at `maxVocab`, `BPTTIterator.splits` (bpttLen 35), a
 * 2-layer {@link WordLanguageModel} (embeddings from U(-0.5, 0.5)), truncated backpropagation
 * through time with the state carried (detached) from batch to batch, gradient clipping, Adam
 * with the learning rate divided by 4 on a validation plateau. An ignite `Engine` runs the training step; an evaluator with
 * `Loss` (tokens weighted, padding ignored) gives the perplexity `exp(loss)`. It prints the
 * perplexities per epoch against the unigram baseline, tests the best checkpoint and samples a
 * continuation of `prompt`.
 *
 * @example
 * ```ts
 * const r = await trainLanguageModel({ epochs: 1, outDir: 'tmp' });
 * console.log(r.history[0].validPerplexity, r.unigram.valid, r.sample.join(' '));
 * ```
 */
export async function trainLanguageModel(options: LanguageModelOptions = {}): Promise<LanguageModelResult> {
  const { epochs = 4, batchSize = 20, bpttLen = 35, seed = 0, maxVocab = 3000, hiddenSize = 64, lr = 0.005, clip = 0.5, dropout = 0.3, tieWeights = true } = options;
  const { prompt = 'call me', sampleLength = 30, temperature = 0.8, sampleSeed = seed } = options;
  const log = options.log === undefined ? (l: string) => console.log(l) : (options.log ?? (() => undefined));
  const started = performance.now();
  const outDir = resolve(options.outDir ?? 'out');
  mkdirSync(outDir, { recursive: true });
  for (const f of readdirSync(outDir)) if (/^best_model_.*\.pt$/.test(f)) rmSync(join(outDir, f));
  manualSeed(seed);

  // WikiText-2 comes tokenized (split on spaces, as torchtext's Field() does); Moby-Dick is prose.
  const embedded = options.dataDir === undefined;
  const TEXT = new Field({ lower: true, tokenize: embedded ? tokenizeProse : null });
  const { train, valid, test, source } = await loadCorpus(TEXT, options.dataDir);
  const tokens = { train: streamOf(train).length, valid: streamOf(valid).length, test: streamOf(test).length };
  await TEXT.buildVocab(train, { maxSize: maxVocab });
  const vocab = TEXT.vocab!;
  const pad = vocab.stoi.get('<pad>')!;
  const unk = vocab.stoi.get('<unk>')!;
  const validIds = vocab.lookupIndices(streamOf(valid));
  const validUnkRate = validIds.filter((id) => id === unk).length / validIds.length;
  log(
    `Data: ${embedded ? 'Moby-Dick, chapters 1-22 / 23-27 / 28-31 (data/moby-dick)' : `WikiText-2 in ${source}`}: ` +
      `${tokens.train} training, ${tokens.valid} validation, ${tokens.test} test tokens; vocabulary ${vocab.length} ` +
      `(${(validUnkRate * 100).toFixed(1)}% of the validation tokens are <unk>)`,
  );

  const [trainIter, validIter, testIter] = BPTTIterator.splits<BPTTIterator<{ text: Tensor; target: Tensor }>, { batchSize: number; bpttLen: number }>(
    [train, valid, test],
    { batchSizes: [batchSize, 10, 10], bpttLen },
  );
  const logProbs = unigramLogProbs(countIds(vocab.lookupIndices(streamOf(train)), vocab.length), { exclude: [pad] });
  const unigramOn = (iter: Iterable<LMBatch>) => {
    const ppl = new UnigramPerplexity(logProbs, pad);
    for (const b of iter) {
      ppl.update(b.target.dataSync() as Int32Array);
      b.dispose();
    }
    return ppl.compute();
  };
  const unigram = { valid: unigramOn(validIter), test: unigramOn(testIter) };
  log(`Unigram baseline (training word frequencies, add-one): validation perplexity ${unigram.valid.toFixed(1)}, test ${unigram.test.toFixed(1)}`);

  const model = new WordLanguageModel(vocab.length, { embeddingDim: hiddenSize, hiddenSize, numLayers: 2, dropout, tieWeights, initRange: 0.5 });
  const parameters = model.parameters().reduce((n, p) => n + p.numel(), 0);
  log(`Model: 2-layer LSTM, ${hiddenSize} units, ${tieWeights ? 'tied' : 'untied'} embeddings, ${parameters} parameters; ${trainIter.length} batches of ${batchSize}x${bpttLen} per epoch`);
  const optimizer = new optim.Adam(model.parameters(), { lr });
  const criterion = new nn.CrossEntropyLoss({ ignoreIndex: pad });
  const countTargets = (y: Tensor) => (y.dataSync() as Int32Array).reduce((n, id) => n + (id === pad ? 0 : 1), 0);

  // Truncated BPTT: the state flows from one batch to the next, cut from the graph each time.
  let hidden: Hidden | null = null;
  const dropHidden = () => {
    if (hidden) for (const t of hidden) t.dispose();
    hidden = null;
  };
  let epochNll = 0;
  let epochTokens = 0;
  const trainer = new Engine<LMBatch, number>((_engine, batch) => {
    model.train();
    optimizer.zeroGrad();
    const [loss, next] = scope(() => {
      const [scores, state] = model.forward(batch.text, hidden);
      const l = criterion.call(scores, batch.target.reshape([-1])) as Tensor;
      l.backward();
      nn.utils.clipGradNorm_(model.parameters(), clip);
      optimizer.step();
      return [l.item(), [state[0].detach(), state[1].detach()] as Hidden] as const;
    });
    dropHidden();
    hidden = next;
    const n = countTargets(batch.target);
    epochNll += loss * n;
    epochTokens += n;
    batch.dispose();
    return loss;
  });
  trainer.on(Events.EPOCH_STARTED, () => {
    dropHidden();
    epochNll = 0;
    epochTokens = 0;
  });

  let evalHidden: Hidden | null = null;
  const evaluator = new Engine<LMBatch, [Tensor, Tensor]>((_engine, batch) => {
    model.eval();
    const { output, state } = noGrad(() =>
      scope(() => {
        const [scores, next] = model.forward(batch.text, evalHidden);
        return { output: [scores, batch.target.reshape([-1])] as [Tensor, Tensor], state: next };
      }),
    );
    if (evalHidden) for (const t of evalHidden) t.dispose();
    evalHidden = state;
    return output;
  });
  new Loss(criterion, { batchSize: countTargets }).attach(evaluator, 'nll');
  evaluator.on(Events.STARTED, () => {
    if (evalHidden) for (const t of evalHidden) t.dispose();
    evalHidden = null;
  });
  evaluator.on(Events.ITERATION_COMPLETED, (engine: Engine) => {
    for (const t of engine.state.output as [Tensor, Tensor]) t.dispose();
    (engine.state.batch as LMBatch).dispose();
  });
  const perplexity = async (iter: BPTTIterator) => Math.exp((await evaluator.run(iter)).metrics.nll as number);

  new RunningAverage({ outputTransform: (loss) => loss as number }).attach(trainer, 'loss');
  let print = log;
  if (options.progress !== null) {
    const pbar = new ProgressBar({ stream: options.progress, persist: false });
    pbar.attach(trainer, { metricNames: ['loss'] });
    if (options.log !== null) print = (l: string) => pbar.logMessage(l);
  }

  const plateau = new ReduceLROnPlateauScheduler(new optim.lrScheduler.ReduceLROnPlateau(optimizer, { mode: 'min', factor: 0.25, patience: 1 }), 'nll');
  const best = new ModelCheckpoint(outDir, {
    filenamePrefix: 'best',
    nSaved: 1,
    scoreFunction: (engine: Engine) => -(engine.state.metrics.nll as number),
    scoreName: 'neg_val_nll',
    globalStepTransform: globalStepFromEngine(trainer),
    requireEmpty: false,
  });
  const history: EpochRecord[] = [];
  trainer.on(Events.EPOCH_COMPLETED, async (engine: Engine) => {
    const trainPerplexity = Math.exp(epochNll / epochTokens);
    const currentLr = optimizer.paramGroups[0].lr as number;
    const validPerplexity = await perplexity(validIter);
    // After the evaluation: the checkpoint and the plateau read the evaluator's metrics.
    await best.call(evaluator, { model });
    plateau.call(evaluator);
    const seconds = (performance.now() - started) / 1000;
    history.push({ epoch: engine.state.epoch, trainPerplexity, validPerplexity, lr: currentLr, seconds });
    print(
      `Epoch ${String(engine.state.epoch).padStart(2)}: train perplexity ${trainPerplexity.toFixed(1)}, validation perplexity ${validPerplexity.toFixed(1)} ` +
        `(unigram ${unigram.valid.toFixed(1)}), lr ${currentLr.toPrecision(2)} (${seconds.toFixed(1)} s)`,
    );
  });

  try {
    await trainer.run(trainIter, { maxEpochs: epochs });
  } finally {
    dropHidden();
  }
  const checkpoint = best.lastCheckpoint;
  if (checkpoint === null) throw new Error('trainLanguageModel: no checkpoint was saved');
  await Checkpoint.loadObjects({ model }, checkpoint);
  writeFileSync(join(outDir, 'vocab.json'), JSON.stringify(vocab.itos));
  const testPerplexity = await perplexity(testIter);
  if (evalHidden) for (const t of evalHidden as Hidden) t.dispose();

  const promptTokens = (embedded ? tokenizeProse(prompt) : prompt.trim().split(/\s+/)).map((w) => w.toLowerCase());
  // <pad> is no word, and a sample full of <unk> says little: neither is drawn.
  const ids = sampleContinuation(model, vocab.lookupIndices(promptTokens), { length: sampleLength, temperature, seed: sampleSeed, exclude: [pad, unk] });
  return {
    backend: getBackend(),
    source,
    tokens,
    vocabSize: vocab.length,
    validUnkRate,
    batchesPerEpoch: trainIter.length,
    parameters,
    unigram,
    history,
    testPerplexity,
    bestValidPerplexity: Math.min(...history.map((h) => h.validPerplexity)),
    prompt: promptTokens,
    sample: ids.map((id) => vocab.itos[id]),
    checkpoint,
    model,
    text: TEXT,
    seconds: (performance.now() - started) / 1000,
  };
}

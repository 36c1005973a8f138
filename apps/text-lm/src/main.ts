// `pnpm --filter text-lm start`: a word-level 2-layer LSTM language model trained with @dl/text's
// BPTTIterator and @dl/ignite on Moby-Dick chapters that ship with the app (public domain), or on
// WikiText-2 (--data DIR); perplexity per epoch against the unigram baseline, and a sample.
import { getBackend } from '@dl/core';
import { parseCli, USAGE } from './cli';
import { WikiTextFolderError } from './load-corpus';
import { trainLanguageModel } from './train';

const request = parseCli(process.argv.slice(2));
if (request.kind === 'help') {
  console.log(USAGE);
  process.exit(0);
}
if (request.kind === 'error') {
  console.error(`${request.message}\n${USAGE}`);
  process.exit(2);
}
const { options } = request;

console.log(`Word-level language model with @dl/text and @dl/ignite on the '${getBackend()}' backend`);
let r: Awaited<ReturnType<typeof trainLanguageModel>>;
try {
  r = await trainLanguageModel(options);
} catch (error) {
  if (!(error instanceof WikiTextFolderError)) throw error;
  console.error(`--data ${options.dataDir}: ${error.message}`);
  process.exit(1);
}

console.log(`\nTrained ${r.history.length} epochs of ${r.batchesPerEpoch} batches on ${r.tokens.train} tokens, backend '${r.backend}'; best checkpoint ${r.checkpoint}`);
console.log(`Test perplexity: ${r.testPerplexity.toFixed(1)} (unigram baseline ${r.unigram.test.toFixed(1)}; best validation ${r.bestValidPerplexity.toFixed(1)}, unigram ${r.unigram.valid.toFixed(1)})`);
console.log(`Sample (prompt '${r.prompt.join(' ')}', temperature ${options.temperature ?? 0.8}, seed ${options.sampleSeed ?? options.seed ?? 0}):`);
console.log(`  ${r.prompt.join(' ')} | ${r.sample.join(' ').replace(/ <eos> /g, '\n  ')}`);
console.log(`Wall time: ${r.seconds.toFixed(1)} s`);

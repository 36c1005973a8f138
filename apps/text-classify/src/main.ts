// `pnpm --filter text-classify start`: the seed's torchtext TREC flow (Field, LabelField, TREC
// files, buildVocab, BucketIterator) and a question classifier trained with @dl/ignite, on the
// 534 questions that ship with the app or on the real TREC files (--data DIR).
import { getBackend } from '@dl/core';
import { parseCli, USAGE } from './cli';
import { TRECFolderError } from './load-questions';
import { trainClassifier } from './train';

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

console.log(`Question classification with @dl/text and @dl/ignite on the '${getBackend()}' backend`);
let r: Awaited<ReturnType<typeof trainClassifier>>;
try {
  r = await trainClassifier(options);
} catch (error) {
  if (!(error instanceof TRECFolderError)) throw error;
  console.error(`--data ${options.dataDir}: ${error.message}`);
  process.exit(1);
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const last = r.history[r.history.length - 1];
console.log(`\nTrained ${r.epochs} epochs on ${r.sizes.train} questions (${r.sizes.valid} for validation), backend '${r.backend}'; best checkpoint ${r.checkpoint}`);
console.log(`Final epoch: train accuracy ${pct(last.trainAccuracy)}, validation accuracy ${pct(last.valAccuracy)}; best validation ${pct(Math.max(...r.history.map((h) => h.valAccuracy)))}`);
console.log(`Test accuracy on ${r.sizes.test} held-out questions: ${pct(r.testAccuracy)} (loss ${r.testLoss.toFixed(4)}; always answering the most frequent class: ${pct(r.majorityBaseline)}, chance with ${r.classes.length} classes: ${pct(1 / r.classes.length)})`);
const width = Math.max(6, ...r.classes.map((c) => c.length + 1));
console.log('Test confusion matrix (rows: true class, columns: predicted):');
console.log(`  ${''.padEnd(width)}${r.classes.map((c) => c.padStart(width)).join('')}`);
for (const [i, row] of r.confusion.entries()) console.log(`  ${r.classes[i].padEnd(width)}${row.map((v) => String(v).padStart(width)).join('')}`);
console.log(`Wall time: ${r.seconds.toFixed(1)} s`);

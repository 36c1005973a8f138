// `npm start` at the repository root runs this: FizzBuzz trained with @dl/ignite, no arguments needed.
// Flags: --epochs N, --batch-size N, --seed N, --output DIR (also --lr, --hidden, --patience),
// --profile (print the top ops and write OUTPUT/trace.json).
import { getBackend, getNumThreads } from '@dl/core';
import { parseArgs } from 'node:util';
import { trainFizzBuzz } from './train';
import { withProfiler } from './with-profiler';

const { values } = parseArgs({
  options: {
    epochs: { type: 'string' },
    'batch-size': { type: 'string' },
    seed: { type: 'string' },
    output: { type: 'string' },
    lr: { type: 'string' },
    hidden: { type: 'string' },
    patience: { type: 'string' },
    profile: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log('usage: npm start -- [--epochs 300] [--batch-size 64] [--seed 0] [--output ./out] [--lr 0.003] [--hidden 512] [--patience 30] [--profile]');
  process.exit(0);
}

function int(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) {
    console.error(`--${name} should be a number, got '${v}'`);
    process.exit(2);
  }
  return n;
}

const backend = getBackend();
console.log(`FizzBuzz with @dl/ignite on the '${backend}' backend${backend === 'native' ? ` (${getNumThreads()} threads)` : ''}`);
const result = await withProfiler(values.profile === true, values.output ?? 'out', () => trainFizzBuzz({
  epochs: int('epochs', values.epochs),
  batchSize: int('batch-size', values['batch-size']),
  seed: int('seed', values.seed),
  outputDir: values.output,
  lr: int('lr', values.lr),
  hidden: int('hidden', values.hidden),
  patience: int('patience', values.patience),
}));

console.log('\nPredictions for 1..100 (best checkpoint; wrong answers marked with *):');
const cells = result.predictions.map((p) => `${p.answer}${p.correct ? '' : '*'}`.padEnd(10));
for (let i = 0; i < cells.length; i += 10) console.log(cells.slice(i, i + 10).join(''));
console.log(`\nTrained ${result.epochs} epochs in ${result.seconds.toFixed(1)} s; best checkpoints: ${result.checkpoints.join(', ')}`);
console.log(`Test accuracy on 1..100: ${(result.testAccuracy * 100).toFixed(1)}% (loss ${result.testLoss.toFixed(4)})`);

// `pnpm --filter vision-mnist start`: a small CNN on real MNIST digits with @dl/vision and @dl/ignite,
// no network needed. Flags: --epochs N, --batch-size N, --workers N, --out DIR, --seed N,
// --data DIR (a downloaded torchvision MNIST), also --lr, --patience, --train-size N, --no-augment.
import { getBackend } from '@dl/core';
import { DatasetError } from '@dl/core/node';
import { parseArgs } from 'node:util';
import { trainMnist } from './train';

const usage =
  'usage: pnpm --filter vision-mnist start -- [--epochs 12] [--batch-size 64] [--workers 0] [--out ./out] [--seed 0] [--data DIR] [--lr 0.002] [--patience 4] [--train-size N] [--no-augment]';

function parse() {
  // pnpm 10 passes the `--` of `pnpm --filter vision-mnist start -- --epochs 3` on to the script.
  const args = process.argv.slice(2);
  return parseArgs({
    args: args[0] === '--' ? args.slice(1) : args,
    options: {
      epochs: { type: 'string' },
      'batch-size': { type: 'string' },
      workers: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      data: { type: 'string' },
      lr: { type: 'string' },
      patience: { type: 'string' },
      'train-size': { type: 'string' },
      'no-augment': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
let parsed: ReturnType<typeof parse>;
try {
  parsed = parse();
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const { values } = parsed;

if (values.help) {
  console.log(usage);
  process.exit(0);
}

function num(name: string, v: string | undefined, kind: 'count' | 'positive' | 'rate' = 'positive'): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  const ok = v.trim() !== '' && Number.isFinite(n) && (kind === 'rate' ? n > 0 : Number.isInteger(n) && n >= (kind === 'count' ? 0 : 1));
  if (!ok) {
    const want = kind === 'rate' ? 'a positive number' : kind === 'count' ? 'an integer >= 0' : 'an integer >= 1';
    console.error(`--${name} should be ${want}, got '${v}'\n${usage}`);
    process.exit(2);
  }
  return n;
}

const options = {
  epochs: num('epochs', values.epochs),
  batchSize: num('batch-size', values['batch-size']),
  workers: num('workers', values.workers, 'count'),
  outDir: values.out,
  seed: num('seed', values.seed, 'count'),
  dataDir: values.data,
  lr: num('lr', values.lr, 'rate'),
  patience: num('patience', values.patience),
  trainSize: num('train-size', values['train-size']),
  augment: values['no-augment'] ? false : undefined,
};

console.log(`MNIST with @dl/vision and @dl/ignite on the '${getBackend()}' backend`);
let r: Awaited<ReturnType<typeof trainMnist>>;
try {
  r = await trainMnist(options);
} catch (error) {
  if (!(error instanceof DatasetError) || options.dataDir === undefined) throw error;
  console.error(`\n${error.message}`);
  console.error(`--data ${options.dataDir}: expected a downloaded torchvision MNIST there, the files ${options.dataDir}/MNIST/raw/{train,t10k}-{images-idx3,labels-idx1}-ubyte`);
  process.exit(1);
}
console.log(`\nTrained ${r.epochs} epochs on ${r.sizes.train} digits (${r.sizes.val} for validation), backend '${r.backend}'`);
console.log(`Best checkpoint: ${r.checkpoint}`);
console.log(`Test accuracy on ${r.sizes.test} held-out digits: ${(r.testAccuracy * 100).toFixed(2)}% (loss ${r.testLoss.toFixed(4)}, ${r.misclassified.length} wrong)`);
if (r.gridPath) {
  const some = r.misclassified.slice(0, 8).map((m) => `#${m.index}: ${m.label} -> ${m.predicted}`);
  console.log(`Misclassified digits (first ${r.gridCount}, row by row): ${r.gridPath}`);
  console.log(`  true -> predicted: ${some.join(', ')}${r.misclassified.length > some.length ? ', ...' : ''}`);
}
console.log(`Wall time: ${r.seconds.toFixed(1)} s (CPU time ${r.cpuSeconds.toFixed(1)} s)`);

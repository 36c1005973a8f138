// `pnpm --filter vision-transfer start`: the seed's transfer learning. A resnet18 (ImageNet
// weights when they can be downloaded, else seeded random weights), layer1 frozen, a new head,
// fine-tuned on generated shape images (or --data DIR) with @dl/vision and @dl/ignite.
import { getBackend } from '@dl/core';
import { DatasetError } from '@dl/core/node';
import { parseArgs } from 'node:util';
import { trainTransfer } from './train';

const usage =
  'usage: pnpm --filter vision-transfer start -- [--epochs 6] [--batch-size 32] [--image-size 64] [--workers 0] [--seed 0] [--data DIR] [--out ./out] [--lr 0.001] [--no-pretrained] [--weights-url URL]';

function parse() {
  // pnpm 10 passes the `--` of `pnpm --filter vision-transfer start -- --epochs 3` on to the script.
  const args = process.argv.slice(2);
  return parseArgs({
    args: args[0] === '--' ? args.slice(1) : args,
    options: {
      epochs: { type: 'string' },
      'batch-size': { type: 'string' },
      'image-size': { type: 'string' },
      workers: { type: 'string' },
      seed: { type: 'string' },
      data: { type: 'string' },
      out: { type: 'string' },
      lr: { type: 'string' },
      'no-pretrained': { type: 'boolean' },
      'weights-url': { type: 'string' },
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
  imageSize: num('image-size', values['image-size']),
  workers: num('workers', values.workers, 'count'),
  seed: num('seed', values.seed, 'count'),
  dataDir: values.data,
  outDir: values.out,
  lr: num('lr', values.lr, 'rate'),
  pretrained: values['no-pretrained'] ? false : undefined,
  weightsUrl: values['weights-url'],
};
if (options.imageSize !== undefined && options.imageSize < 32) {
  console.error(`--image-size should be at least 32 (resnet18 halves it five times), got ${options.imageSize}\n${usage}`);
  process.exit(2);
}

console.log(`Transfer learning with a resnet18, @dl/vision and @dl/ignite on the '${getBackend()}' backend`);
let r: Awaited<ReturnType<typeof trainTransfer>>;
try {
  r = await trainTransfer(options);
} catch (error) {
  if (!(error instanceof DatasetError) || options.dataDir === undefined) throw error;
  console.error(`\n${error.message}`);
  console.error(`--data ${options.dataDir}: expected DIR/train and DIR/val with one folder of images per class, or DIR itself with one folder per class`);
  process.exit(1);
}

const change = Object.entries(r.parameterChange);
const others = change.filter(([name]) => name !== 'layer1');
console.log(`\nFine-tuned ${r.epochs} epochs on ${r.sizes.train} images (${r.sizes.val} for validation), backend '${r.backend}', ${r.pretrained ? 'from the ImageNet weights' : 'from RANDOM weights (see the note above)'}`);
console.log(
  `layer1 frozen: ${r.layer1Unchanged ? 'its weights are unchanged, bit for bit' : `CHANGED by up to ${r.parameterChange.layer1}`}; largest change elsewhere: ${others.map(([n, d]) => `${n} ${d.toPrecision(2)}`).join(', ')}`,
);
console.log(`Final validation accuracy: ${(r.finalValAccuracy * 100).toFixed(2)}% (best ${(r.bestValAccuracy * 100).toFixed(2)}%, checkpoint ${r.checkpoint})`);
const width = Math.max(8, ...r.classes.map((c) => c.length + 1));
console.log(`Validation confusion matrix (rows: true class, columns: predicted):`);
console.log(`  ${''.padEnd(width)}${r.classes.map((c) => c.padStart(width)).join('')}`);
for (const [i, row] of r.confusion.entries()) console.log(`  ${r.classes[i]!.padEnd(width)}${row.map((v) => String(v).padStart(width)).join('')}`);
console.log(`Wall time: ${r.seconds.toFixed(1)} s`);
if (!r.layer1Unchanged) process.exit(1);

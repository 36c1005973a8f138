// `pnpm --filter audio-yesno start`: YESNO-style spoken-word classification. Recordings of eight
// "yes"/"no" words (spoken by espeak-ng voices for the app, or the real YESNO corpus with --data)
// are cut into words, turned into log-mel spectrograms with @dl/audio and classified by a small
// CNN trained with @dl/ignite.
import { getBackend } from '@dl/core';
import { parseArgs } from 'node:util';
import { trainYesNo } from './train';

const usage =
  'usage: pnpm --filter audio-yesno start -- [--epochs 15] [--batch-size 32] [--seed 0] [--lr 0.002] [--patience 5] [--recordings 160] [--data DIR] [--url URL] [--out ./out]';

function parse() {
  const args = process.argv.slice(2);
  return parseArgs({
    args: args[0] === '--' ? args.slice(1) : args,
    options: {
      epochs: { type: 'string' },
      'batch-size': { type: 'string' },
      seed: { type: 'string' },
      lr: { type: 'string' },
      patience: { type: 'string' },
      recordings: { type: 'string' },
      data: { type: 'string' },
      url: { type: 'string' },
      out: { type: 'string' },
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

function num(name: string, v: string | undefined, kind: 'count' | 'positive' | 'rate' = 'positive', max = Number.POSITIVE_INFINITY): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  const ok = v.trim() !== '' && Number.isFinite(n) && n <= max && (kind === 'rate' ? n > 0 : Number.isInteger(n) && n >= (kind === 'count' ? 0 : 1));
  if (!ok) {
    const want = kind === 'rate' ? 'a positive number' : kind === 'count' ? 'an integer >= 0' : `an integer >= 1${max < Number.POSITIVE_INFINITY ? ` and <= ${max}` : ''}`;
    console.error(`--${name} should be ${want}, got '${v}'\n${usage}`);
    process.exit(2);
  }
  return n;
}

const recordings = num('recordings', values.recordings, 'positive', 256);
const options = {
  epochs: num('epochs', values.epochs),
  batchSize: num('batch-size', values['batch-size']),
  seed: num('seed', values.seed, 'count'),
  lr: num('lr', values.lr, 'rate'),
  patience: num('patience', values.patience),
  recordings: recordings === undefined ? undefined : { train: recordings, test: Math.max(8, Math.round(recordings * 0.4)) },
  dataDir: values.data,
  url: values.url,
  outDir: values.out,
};
if (values.url !== undefined && values.data === undefined) {
  console.error(`--url is where the real YESNO is downloaded from; it needs --data DIR\n${usage}`);
  process.exit(2);
}

console.log(`YESNO-style word classification with @dl/audio and @dl/ignite on the '${getBackend()}' backend`);
const r = await trainYesNo(options);
const pct = (v: number) => `${(v * 100).toFixed(2)}%`;
console.log(`\nTrained ${r.history.length} epochs on ${r.sizes.train[1]} words (${r.data === 'app' ? 'the espeak-ng recordings' : 'YESNO'}), backend '${r.backend}'`);
console.log(`Test: ${pct(r.testAccuracy)} of ${r.sizes.test[1]} words right; ${pct(r.testRecordingAccuracy)} of ${r.sizes.test[0]} recordings with all ${r.sizes.test[1] / r.sizes.test[0]} words right`);
console.log('Test confusion (rows: true, columns: predicted):');
console.log(`         no   yes\n  no  ${String(r.confusion[0]![0]).padStart(5)} ${String(r.confusion[0]![1]).padStart(5)}\n  yes ${String(r.confusion[1]![0]).padStart(5)} ${String(r.confusion[1]![1]).padStart(5)}`);
console.log(`Best checkpoint: ${r.checkpoint}`);
console.log(`Spectrogram of the first test recording, words marked: ${r.spectrogram}`);
console.log(`Wall time: ${r.seconds.toFixed(1)} s`);

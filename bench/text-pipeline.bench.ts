// @dl/text's classic torchtext pipeline beside a plain Python one, in the same run: 100,000 short
// lines (made here, deterministically) through the basic_english tokenizer, a vocabulary, and
// numericalized, padded batches of 64 as [seq, batch] int tensors. @dl/text runs its Field
// (tokenize: 'basic_english') -> Example.fromList -> Dataset -> buildVocab -> Iterator; Python
// (bench/text-pipeline.py) runs torchtext's basic_english rules, a Counter vocabulary and
// torch.tensor batches by hand. Run: `npm run bench -- text-pipeline` (`--quick`: fewer epochs).
// The Python side needs Debian's python3-torch (/usr/bin/python3); otherwise the recorded
// figure is printed, marked as recorded.
import * as dl from '@dl/core';
import { Dataset, Example, Field, type FieldList, Iterator } from '@dl/text';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats.ts';

const here = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
/** The plain Python pipeline, lines/s, measured on 2026-12 on this kind of machine (the figure). */
const RECORDED_PYTHON = 96_000;
const LINES = 100_000;
const WORDS = (
  'the a of to and in is you that it he was for on are as with his they at be this have from or one had by word but not what all ' +
  'were we when your can said there use an each which she do how their if will up other about out many then them these so some her ' +
  "would make like him into time has look two more write go see number no way could people my than first water been call who oil " +
  "its now find long down day did get come made may part don't it's (really) e.g. U.S. <br />"
).split(' ');
const ENDS = ['.', '?', '!', ', ok.', '...'];

/** LINES lines of 4 to 14 words, capitalized, with an ending, from a fixed LCG. */
function makeLines(): string[] {
  let seed = 20_261_204;
  const next = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) >>> 0;
    return seed % n;
  };
  return Array.from({ length: LINES }, () => {
    const n = 4 + next(11);
    const words = Array.from({ length: n }, () => WORDS[next(WORDS.length)]!);
    const line = words.join(' ');
    return `${line[0]!.toUpperCase()}${line.slice(1)}${ENDS[next(ENDS.length)]}`;
  });
}

/** One epoch of the @dl/text pipeline: lines per second. */
async function ourEpoch(lines: readonly string[]): Promise<number> {
  const t0 = performance.now();
  const TEXT = new Field({ tokenize: 'basic_english' });
  const fields: FieldList = [['text', TEXT]];
  const ds = new Dataset(
    lines.map((line) => Example.fromList([line], fields)),
    fields,
  );
  await TEXT.buildVocab(ds);
  let n = 0;
  for (const batch of new Iterator(ds, { batchSize: 64, train: false, sort: false })) {
    const text = batch.text as dl.Tensor;
    n += text.shape[1]!;
    text.dispose();
  }
  return n / ((performance.now() - t0) / 1000);
}

function pythonRates(file: string, epochs: number): { rates: number[]; threads: number } | null {
  const r = spawnSync('/usr/bin/python3', [join(here, 'text-pipeline.py'), file, String(epochs)], { encoding: 'utf8' });
  if (r.status !== 0) {
    if (!/No module named|ENOENT/.test(`${r.stderr}${r.error ?? ''}`)) console.log(`(Python side failed: ${r.stderr.trim().split('\n').pop()})`);
    return null;
  }
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? 'null');
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export async function main(): Promise<void> {
  await dl.ready();
  const dir = mkdtempSync(join(tmpdir(), 'dl-bench-text-'));
  try {
    const lines = makeLines();
    const file = join(dir, 'lines.txt');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const epochs = quick ? 3 : 7;
    console.log(`@dl/text pipeline: backend ${dl.getBackend()}, Node ${process.version}, load average ${loadavg()[0].toFixed(2)}`);
    const py = pythonRates(file, epochs);
    await ourEpoch(lines); // warm-up, as the Python side's first epoch
    const ours: number[] = [];
    for (let e = 0; e < epochs; e++) ours.push(await ourEpoch(lines));
    const oursMedian = median(ours);
    const pyMedian = py ? median(py.rates) : RECORDED_PYTHON;
    const source = py ? `measured in this run (torch threads: ${py.threads})` : 'recorded (no PyTorch here)';
    console.log('');
    console.log(`${fmt(LINES)} lines of 4-14 words; basic_english, vocabulary, numericalize, pad, batches of 64 as [seq, batch] int tensors; median of ${epochs} epochs after a warm-up`);
    console.log('');
    console.log('| pipeline | lines/s (median) | epochs (lines/s) |');
    console.log('|---|---|---|');
    console.log(`| @dl/text Field + Iterator | ${fmt(oursMedian)} | ${ours.map(fmt).join(', ')} |`);
    console.log(`| plain Python + torch.tensor | ${fmt(pyMedian)} | ${py ? py.rates.map(fmt).join(', ') : '-'} (${source}) |`);
    console.log('');
    console.log(`ratio: ${(oursMedian / pyMedian).toFixed(2)}x; goal >= 2x the Python pipeline (${fmt(2 * pyMedian)}): ${oursMedian >= 2 * pyMedian ? 'met' : 'NOT met'}`);
    console.log(`load average at the end: ${loadavg()[0].toFixed(2)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

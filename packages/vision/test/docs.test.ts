// Runs every example of docs/vision.md: blocks marked `ts run` are programs, run one after another
// in one tsx process in a scratch folder, with '@dl/vision' pointing at these sources. The folder
// holds what the examples read, made here (no network): a full-size MNIST training split in
// torchvision's raw layout (60,000 items, as the seed's repr shows; item 1 is a 0, as in the seed)
// and the seed's ImageFolder layout. DL_DOCS_ECHO=1 prints what the examples printed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DocsRun, docsPrograms, runDocsExamples } from '../../../tooling/docs-examples.ts';

const guidePath = new URL('../../../docs/vision.md', import.meta.url);
const programs = docsPrograms(guidePath);

const dir = mkdtempSync(join(tmpdir(), 'dl-vision-docs-'));
let run: DocsRun;

/** An IDX file: magic (0, 0, uint8 code 0x08, rank), big-endian dims, then the bytes. */
function idx(dims: number[], data: Uint8Array): Buffer {
  const head = Buffer.alloc(4 + 4 * dims.length);
  head.writeUInt32BE(0x00000800 | dims.length, 0);
  dims.forEach((d, i) => head.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([head, data]);
}

async function writeData(): Promise<void> {
  const n = 60_000;
  const images = new Uint8Array(n * 28 * 28);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = (i * 7 + 5) % 10;
    // A filled square whose size depends on the label, so items differ.
    const s = 4 + labels[i]!;
    for (let y = 14 - (s >> 1); y < 14 + (s >> 1); y++) images.fill(255, i * 784 + y * 28 + 14 - (s >> 1), i * 784 + y * 28 + 14 + (s >> 1));
  }
  labels[1] = 0;
  const raw = join(dir, 'MNIST', 'raw');
  mkdirSync(raw, { recursive: true });
  writeFileSync(join(raw, 'train-images-idx3-ubyte'), idx([n, 28, 28], images));
  writeFileSync(join(raw, 'train-labels-idx1-ubyte'), idx([n], labels));
  for (const [cls, count] of [['class_a', 4], ['class_b', 3]] as const) {
    const folder = join(dir, 'path/to/image/folder', cls);
    mkdirSync(folder, { recursive: true });
    for (let i = 1; i <= count; i++) {
      const px = Buffer.alloc(40 * 30 * 3, cls === 'class_a' ? 60 + i * 20 : 200 - i * 30);
      await sharp(px, { raw: { width: 40, height: 30, channels: 3 } }).jpeg().toFile(join(folder, `img${i}.jpg`));
    }
  }
}

beforeAll(async () => {
  await writeData();
  run = runDocsExamples({ guidePath, packageName: '@dl/vision', entry: new URL('../src/index.ts', import.meta.url), testFile: import.meta.url, dir, backend: 'cpu', echo: Boolean(process.env.DL_DOCS_ECHO) });
}, 320_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('docs/vision.md', () => {
  it('has the seed examples to run (MNIST repr, getItem(1), ImageFolder, Compose([ToTensor(), Normalize(mean, std)]))', () => {
    const all = programs.map((p) => p.code).join('\n');
    expect(all).toContain("new datasets.MNIST('.', { download: true })");
    expect(all).toContain('mnist.getItem(1)');
    expect(all).toContain('new datasets.ImageFolder(');
    expect(all).toContain('new transforms.Normalize(mean, std)');
  });

  for (const p of programs) {
    const first = p.code.split('\n').find((l) => l && !l.startsWith('import')) ?? '';
    it(`runs example ${p.index} (${first.slice(0, 50)})`, () => {
      expect(run.results.get(p.index), run.output).toBe('ok');
    });
  }

  it("prints what the guide's comments say for the seed's examples", () => {
    expect(run.output).toContain(
      [
        'Dataset MNIST',
        '    Number of datapoints: 60000',
        '    Split: train',
        '    Root Location: .',
        '    Transforms (if any): None',
        '    Target Transforms (if any): None',
      ].join('\n'),
    );
    expect(run.output).toContain('<Image mode=L size=28x28> 0');
    expect(run.output).toContain('Compose(\n    ToTensor()\n    Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225])\n)');
    expect(run.output).toContain("[ 'class_a', 'class_b' ]");
  });

  it('prints nothing on stderr', () => {
    expect(run.stderr).toBe('');
  });
});


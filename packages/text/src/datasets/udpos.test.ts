import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hitsOf, localChecksums, serveDataset } from '../../test/fixtures/datasets/serve-dataset';
import { udposArchive } from '../../test/fixtures/datasets/text-archives';
import { Field } from '../data/fields/field';
import { DatasetEmptyFileError } from '../errors/dataset-empty-file-error';
import { DatasetFormatError } from '../errors/dataset-format-error';
import { UDPOS } from './udpos';

let root: string;
let server: TestServer;
let mirror: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-udpos-'));
  server = await startTestServer();
  mirror = serveDataset(server, 'udpos', udposArchive());
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

const quiet = { progress: false, retries: 0 } as const;

class LocalUDPOS extends UDPOS {
  static override readonly resources = localChecksums(UDPOS.resources, udposArchive());
}

describe('UDPOS', () => {
  it("keeps torchtext's URL, MD5, layout and file names", () => {
    expect(UDPOS.resources).toEqual([{ url: 'https://bitbucket.org/sivareddyg/public/downloads/en-ud-v2.zip', md5: 'bdcac7c52d934656bae1699541424545', extract: true, check: 'en-ud-v2' }]);
    expect([UDPOS.folder, UDPOS.dirname, UDPOS.separator]).toEqual(['udpos', 'en-ud-v2', '\t']);
    expect(UDPOS.splitFiles).toEqual({ train: 'en-ud-tag.v2.train.txt', validation: 'en-ud-tag.v2.dev.txt', test: 'en-ud-tag.v2.test.txt' });
  });

  it('extracts en-ud-v2.zip once and reads one example per sentence, a column per field', async () => {
    const TEXT = new Field({ lower: true });
    const UD = new Field({ unkToken: null });
    const PTB = new Field({ unkToken: null });
    const fields = [
      ['text', TEXT],
      ['udtags', UD],
      ['ptbtags', PTB],
    ] as const;
    const [train, val, test] = await LocalUDPOS.splits(fields, { root, mirror, downloadOptions: quiet });
    expect(train).toBeInstanceOf(UDPOS);
    expect(train.examples.map((e) => ({ ...e }))).toEqual([
      { text: ['al', '-', 'zaman'], udtags: ['PROPN', 'PUNCT', 'PROPN'], ptbtags: ['NNP', 'HYPH', 'NNP'] },
      { text: ['what', '?'], udtags: ['PRON', 'PUNCT'], ptbtags: ['WP', '.'] },
    ]);
    expect(val.getItem(0).udtags).toEqual(['ADP', 'DET', 'PROPN']);
    expect(test.getItem(0).text).toEqual(['yes']);
    expect(train.sortKey?.(train.getItem(0))).toBe(3);
    const [skipping] = await LocalUDPOS.splits(
      [
        ['text', TEXT],
        ['udtags', null],
        ['ptbtags', PTB],
      ],
      { root, mirror, validation: null, test: null },
    );
    expect({ ...skipping.getItem(1) }).toEqual({ text: ['what', '?'], ptbtags: ['WP', '.'] });
    expect(hitsOf(server, 'udpos', udposArchive())).toBe(1);
  });

  it('throws DatasetFormatError for a line with too few columns and DatasetEmptyFileError for an empty file', async () => {
    const path = await LocalUDPOS.download({ root, mirror, downloadOptions: quiet });
    const dev = join(path, 'en-ud-tag.v2.dev.txt');
    await writeFile(dev, 'From\tADP\n\n');
    const fields = [
      ['text', new Field()],
      ['udtags', new Field()],
      ['ptbtags', new Field()],
    ] as const;
    await expect(LocalUDPOS.splits(fields, { root, mirror })).rejects.toThrow(DatasetFormatError);
    await expect(LocalUDPOS.splits(fields, { root, mirror })).rejects.toThrow(`UDPOS: ${dev} line 1: expected at least 3 columns separated by "\\t" (one per field), got 2 in "From\\tADP"`);
    await writeFile(dev, '');
    await expect(LocalUDPOS.splits(fields, { root, mirror })).rejects.toThrow(DatasetEmptyFileError);
  });
});

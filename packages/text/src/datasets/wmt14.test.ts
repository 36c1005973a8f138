import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hitsOf, localChecksums, serveDataset } from '../../test/fixtures/datasets/serve-dataset';
import { wmt14Archive } from '../../test/fixtures/datasets/text-archives';
import { Field } from '../data/fields/field';
import { DatasetMissingFileError } from '../errors/dataset-missing-file-error';
import { WMT14 } from './wmt14';

let root: string;
let server: TestServer;
let mirror: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-wmt14-'));
  server = await startTestServer();
  mirror = serveDataset(server, 'wmt14', wmt14Archive());
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

const quiet = { progress: false, retries: 0 } as const;

class LocalWMT14 extends WMT14 {
  static override readonly resources = localChecksums(WMT14.resources, wmt14Archive());
}

describe('WMT14', () => {
  it("keeps torchtext's Google Drive file, its name and MD5", () => {
    expect(WMT14.resources).toEqual([
      {
        url: 'https://drive.google.com/uc?export=download&id=0B_bZck-ksdkpM25jRUN2X2UxMm8',
        filename: 'wmt16_en_de.tar.gz',
        md5: '874ab6bbfe9c21ec987ed1b9347f95ec',
        extract: true,
        check: 'train.tok.clean.bpe.32000.en',
      },
    ]);
    expect(WMT14.splitFiles).toEqual({ train: 'train.tok.clean.bpe.32000', validation: 'newstest2013.tok.bpe.32000', test: 'newstest2014.tok.bpe.32000' });
  });

  it('extracts the preprocessed archive once and reads the BPE splits', async () => {
    const EN = new Field();
    const DE = new Field();
    const [train, val, test] = await LocalWMT14.splits(['.en', '.de'], [EN, DE], { root, mirror, downloadOptions: quiet });
    expect(train).toBeInstanceOf(WMT14);
    expect(train.getItem(0)).toMatchObject({ src: ['Res@@', 'um@@', 'ption', 'of', 'the', 'session'], trg: ['Wieder@@', 'aufnahme', 'der', 'Sitzungs@@', 'periode'] });
    expect(train.length).toBe(2);
    expect(val.getItem(0)).toMatchObject({ src: ['A', 'Republican', 'strategy'], trg: ['Eine', 'republikanische', 'Strategie'] });
    expect(test.getItem(0).trg).toEqual(['Gut@@', 'ach', ':', 'Mehr', 'Sicherheit']);
    const [reverse] = await LocalWMT14.splits(['.de', '.en'], [DE, EN], { root, mirror, train: null, test: null });
    expect(reverse.getItem(0).src).toEqual(['Eine', 'republikanische', 'Strategie']);
    expect(hitsOf(server, 'wmt14', wmt14Archive())).toBe(1);
  });

  it('throws DatasetMissingFileError naming a split the archive does not hold', async () => {
    const run = () => LocalWMT14.splits(['.en', '.de'], [new Field(), new Field()], { root, mirror, downloadOptions: quiet, train: null, validation: 'newstest2013' });
    await expect(run()).rejects.toThrow(DatasetMissingFileError);
    await expect(run()).rejects.toThrow(`WMT14: the target file ${join(root, 'wmt14', 'newstest2013.de')} does not exist`);
  });
});

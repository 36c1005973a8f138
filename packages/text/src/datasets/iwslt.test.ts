import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValueError } from '@dl/core';
import { startTestServer, type TestServer } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hitsOf, localChecksums, serveDataset } from '../../test/fixtures/datasets/serve-dataset';
import { iwsltBundle } from '../../test/fixtures/datasets/text-archives';
import { Field } from '../data/fields/field';
import { DatasetFormatError } from '../errors/dataset-format-error';
import { IWSLT } from './iwslt';

let root: string;
let server: TestServer;
let mirror: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-iwslt-'));
  server = await startTestServer();
  mirror = serveDataset(server, 'iwslt', iwsltBundle());
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

const quiet = { progress: false, retries: 0 } as const;

class LocalIWSLT extends IWSLT {
  static override readonly resources = localChecksums(IWSLT.resources, iwsltBundle());
}

describe('IWSLT', () => {
  it("keeps classic torchtext's layout and the release's URL and MD5", () => {
    expect(IWSLT.baseUrl).toBe('https://wit3.fbk.eu/archive/2016-01//texts/{}/{}/{}.tgz');
    expect(IWSLT.resources).toEqual([
      { url: 'https://drive.google.com/uc?id=1l5y6Giag9aRPwGtuZHswh3w5v3qEz8D8', filename: '2016-01.tgz', md5: 'c393ed3fc2a1b0f004b3331043f615ae', extract: true, check: '2016-01' },
    ]);
    expect(IWSLT.splitFiles).toEqual({ train: 'train', validation: 'IWSLT16.TED.tst2013', test: 'IWSLT16.TED.tst2014' });
  });

  it('extracts the pair from the nested archive, cleans the XML and tagged files, and reads the splits', async () => {
    const DE = new Field();
    const EN = new Field();
    const [train, val, test] = await LocalIWSLT.splits(['.de', '.en'], [DE, EN], { root, mirror, downloadOptions: quiet });
    expect(train).toBeInstanceOf(IWSLT);
    expect(train.examples.map((e) => [e.src, e.trg])).toEqual([
      [
        ['Vielen', 'Dank,', 'Chris.'],
        ['Thank', 'you', 'so', 'much,', 'Chris.'],
      ],
      [
        ['Es', 'ist', 'mir', 'eine', 'Ehre.'],
        ["It's", 'truly', 'a', 'great', 'honor.'],
      ],
    ]);
    expect(val.examples.map((e) => [e.src, e.trg])).toEqual([
      [
        ['Guten', 'Morgen', '&', 'danke.'],
        ['Good', 'morning', '&', 'thanks.'],
      ],
    ]);
    expect(test.getItem(0)).toMatchObject({ src: ['Bis', 'bald.'], trg: ['See', 'you', 'soon.'] });
    const pairFolder = join(root, 'iwslt', 'de-en');
    expect((await readdir(pairFolder)).sort()).toContain('train.de-en.de');
    await LocalIWSLT.splits(['.de', '.en'], [DE, EN], { root, mirror, downloadOptions: quiet, validation: 'IWSLT16.TED.dev2010' });
    expect(hitsOf(server, 'iwslt', iwsltBundle())).toBe(1);
  });

  it('takes another pair from the same download', async () => {
    await LocalIWSLT.splits(['.de', '.en'], [new Field(), new Field()], { root, mirror, downloadOptions: quiet, validation: null, test: null });
    const [dev] = await LocalIWSLT.splits(['.en', '.de'], [new Field(), new Field()], { root, mirror, downloadOptions: quiet, train: null, test: null, validation: 'IWSLT16.TED.dev2010' });
    expect(dev.getItem(0)).toMatchObject({ src: ['Hallo', 'Welt.'], trg: ['Hello', 'world.'] });
    expect(hitsOf(server, 'iwslt', iwsltBundle())).toBe(1);
  });

  it('refuses a pair IWSLT 2016 does not have, and names the file and line of bad XML', async () => {
    await expect(LocalIWSLT.splits(['.de', '.fr'], [new Field(), new Field()], { root, mirror })).rejects.toThrow(ValueError);
    await expect(LocalIWSLT.splits(['.de', '.fr'], [new Field(), new Field()], { root, mirror })).rejects.toThrow(
      'IWSLT: the language pair de-fr is not in IWSLT 2016, whose pairs are en-ar, ar-en, en-cs, cs-en, en-de, de-en, en-fr, fr-en',
    );
    const path = await LocalIWSLT.downloadPair('de', 'en', { root, mirror, downloadOptions: quiet });
    const xml = join(path, 'IWSLT16.TED.tst2013.de-en.de.xml');
    await writeFile(xml, '<mteval>\n<srcset>\n<doc>\n<seg id="1">kaputt</doc>\n</srcset>\n</mteval>\n');
    await expect(LocalIWSLT.splits(['.de', '.en'], [new Field(), new Field()], { root, mirror })).rejects.toThrow(DatasetFormatError);
    await expect(LocalIWSLT.splits(['.de', '.en'], [new Field(), new Field()], { root, mirror })).rejects.toThrow(`IWSLT.clean: ${xml} line 4: expected </seg>, got "</doc>\\n</srcset>\\n</mteval>\\n"`);
  });
});

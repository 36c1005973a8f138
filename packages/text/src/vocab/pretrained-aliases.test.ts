import { rm } from 'node:fs/promises';
import { buildTar, buildZip, startTestServer, type TestServer } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { countTokens, fixtureBytes, LEGACY_VOCAB, TORCHTEXT, tempFolder, vectorsText } from '../../test/fixtures/vocab/support';
import { VectorsAliasError } from '../errors/vectors-alias-error';
import { CharNGram } from './char-ngram';
import { FastText } from './fast-text';
import { GloVe } from './glove';
import { pretrainedAliases, vectorsFromAlias } from './pretrained-aliases';
import { Vocab } from './vocab';

let dir: string;
let server: TestServer;
beforeEach(async () => {
  dir = await tempFolder('aliases');
  server = await startTestServer({
    '/glove.6B.zip': { body: buildZip([{ name: 'glove.6B.50d.txt', data: fixtureBytes('glove.6B.50d.txt') }, { name: 'glove.6B.100d.txt', data: vectorsText(['the'], 100) }]) },
    '/jmt_pre-trained_embeddings.tar.gz': { body: buildTar([{ name: 'charNgram.txt', data: fixtureBytes('charNgram.txt') }], { gzip: true }) },
  });
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const ALIASES = [
  'charngram.100d',
  'fasttext.en.300d',
  'fasttext.simple.300d',
  'glove.42B.300d',
  'glove.840B.300d',
  'glove.twitter.27B.25d',
  'glove.twitter.27B.50d',
  'glove.twitter.27B.100d',
  'glove.twitter.27B.200d',
  'glove.6B.50d',
  'glove.6B.100d',
  'glove.6B.200d',
  'glove.6B.300d',
];

describe('pretrainedAliases', () => {
  it("has torchtext's names, each making the set it names", () => {
    expect(Object.keys(pretrainedAliases)).toEqual(ALIASES);
    const made = Object.fromEntries(ALIASES.map((a) => [a, vectorsFromAlias(a)]));
    expect(made['charngram.100d']).toBeInstanceOf(CharNGram);
    expect(made['fasttext.simple.300d']).toBeInstanceOf(FastText);
    expect((made['fasttext.simple.300d'] as FastText).name).toBe('wiki.simple.vec');
    expect(ALIASES.filter((a) => a.startsWith('glove')).map((a) => made[a]!.name)).toEqual([
      'glove.42B.300d.txt',
      'glove.840B.300d.txt',
      'glove.twitter.27B.25d.txt',
      'glove.twitter.27B.50d.txt',
      'glove.twitter.27B.100d.txt',
      'glove.twitter.27B.200d.txt',
      'glove.6B.50d.txt',
      'glove.6B.100d.txt',
      'glove.6B.200d.txt',
      'glove.6B.300d.txt',
    ]);
    expect(made['glove.6B.100d']).toBeInstanceOf(GloVe);
    expect(vectorsFromAlias('glove.6B.50d', { cache: '/data/v', maxVectors: 10 })).toMatchObject({ cache: '/data/v', maxVectors: 10 });
  });

  it('throws a VectorsAliasError listing the allowed names for any other name', () => {
    expect(() => vectorsFromAlias('glove.6B.51d')).toThrow(new VectorsAliasError(`unknown pretrained vectors "glove.6B.51d": the allowed names are ${ALIASES.join(', ')}`));
    expect(() => vectorsFromAlias('toString')).toThrow(VectorsAliasError);
  });
});

describe("Vocab with aliases (the seed's TEXT.build_vocab(train, vectors='glove.6B.50d'))", () => {
  it('Vocab.create downloads and loads an alias, through $DL_TEXT_VECTORS_MIRROR', async () => {
    vi.stubEnv('DL_TEXT_VECTORS_MIRROR', server.url('/'));
    const vocab = await Vocab.create(countTokens(LEGACY_VOCAB.corpus_tokens), { vectors: 'glove.6B.50d', vectorsCache: dir, vectorsOptions: { downloadOptions: { progress: false } } });
    expect(vocab.vectors!.shape).toEqual([43, 50]);
    const rows = vocab.vectors!.tolist() as number[][];
    const the = TORCHTEXT.glove.stoi.the!;
    expect(rows[vocab.lookup('the')]).toEqual(TORCHTEXT.glove.vectors.slice(the * 50, (the + 1) * 50));
    expect(rows[vocab.lookup('<pad>')]).toEqual(new Array(50).fill(0));
  });

  it('loadVectors concatenates several aliases and passes the options to the sets they make', async () => {
    const vocab = new Vocab(new Map(Object.entries(TORCHTEXT.counter)));
    await vocab.loadVectors(['glove.6B.50d', 'charngram.100d'], { cache: dir, mirror: server.url('/'), downloadOptions: { progress: false } });
    expect(vocab.vectors!.shape).toEqual(TORCHTEXT.vocab_glove_charngram.shape);
    expect(Array.from(vocab.vectors!.dataSync())).toEqual(TORCHTEXT.vocab_glove_charngram.vectors);
    await expect(vocab.loadVectors('glove.6B.51d')).rejects.toThrow(VectorsAliasError);
    expect(vocab.vectors!.shape).toEqual([48, 60]);
  });
});

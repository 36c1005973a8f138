import { describe, expect, it } from 'vitest';
import { fixturePath, readFixture } from '../../../test/support/fixtures';
import { TokenizerError } from '../../errors/tokenizer-error';
import { loadSpModel, sentencepieceNumericalizer, sentencepieceTokenizer } from './sentencepiece';

// tiny_unigram.model and what spm_encode gave (test/fixtures/generators/data_sentencepiece.py).
const fixture = readFixture<{ cases: { input: string; pieces: string[]; ids: number[] }[] }>('data/tiny_unigram.json');
const model = fixturePath('data/tiny_unigram.model');

describe('sentencepieceTokenizer', () => {
  it("gives spm_encode's pieces and ids", async () => {
    const tokenize = await sentencepieceTokenizer(model);
    const numericalize = await sentencepieceNumericalizer(model);
    for (const c of fixture.cases) {
      expect(tokenize(c.input)).toEqual(c.pieces);
      expect(numericalize(c.input)).toEqual(c.ids);
    }
  });

  it('shares one loaded model and decodes ids back to text', async () => {
    const sp = await loadSpModel(model);
    const tokenize = await sentencepieceTokenizer(sp);
    const c = fixture.cases[0]!;
    expect(tokenize(c.input)).toEqual(c.pieces);
    expect(sp.decodeIds(c.ids)).toBe(c.input);
  });

  it('refuses a missing file and a file that is not a model with a TokenizerError', async () => {
    await expect(loadSpModel('/nonexistent/m.model')).rejects.toThrow(TokenizerError);
    await expect(loadSpModel('/nonexistent/m.model')).rejects.toThrow("loadSpModel: no SentencePiece model file at '/nonexistent/m.model'");
    const notModel = fixturePath('data/tiny_unigram.json');
    await expect(sentencepieceTokenizer(notModel)).rejects.toThrow(`loadSpModel: '${notModel}' is not a SentencePiece model (`);
  });
});

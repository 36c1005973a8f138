import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TokenizerError } from '../../errors/tokenizer-error';
import { getTokenizer } from './get-tokenizer';
import { huggingFaceTokenizer } from './huggingface';

// Small tokenizer.json files in Hugging Face's format, written here so the expected pieces
// follow from their vocabularies by hand.
const wordPiece = {
  version: '1.0',
  added_tokens: [
    { id: 0, content: '[UNK]', single_word: false, lstrip: false, rstrip: false, normalized: false, special: true },
    { id: 1, content: '[CLS]', single_word: false, lstrip: false, rstrip: false, normalized: false, special: true },
    { id: 2, content: '[SEP]', single_word: false, lstrip: false, rstrip: false, normalized: false, special: true },
  ],
  normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
  pre_tokenizer: { type: 'BertPreTokenizer' },
  post_processor: {
    type: 'TemplateProcessing',
    single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
    pair: [],
    special_tokens: { '[CLS]': { id: '[CLS]', ids: [1], tokens: ['[CLS]'] }, '[SEP]': { id: '[SEP]', ids: [2], tokens: ['[SEP]'] } },
  },
  decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
  model: {
    type: 'WordPiece',
    unk_token: '[UNK]',
    continuing_subword_prefix: '##',
    max_input_chars_per_word: 100,
    vocab: { '[UNK]': 0, '[CLS]': 1, '[SEP]': 2, una: 3, '##ff': 4, '##able': 5, '!': 6, how: 7, do: 8, you: 9, measure: 10, earth: 11, '##quake': 12, '##s': 13, '?': 14 },
  },
};

const bpe = {
  version: '1.0',
  added_tokens: [],
  normalizer: null,
  pre_tokenizer: { type: 'Whitespace' },
  post_processor: null,
  decoder: null,
  model: {
    type: 'BPE',
    dropout: null,
    unk_token: null,
    continuing_subword_prefix: null,
    end_of_word_suffix: null,
    fuse_unk: false,
    vocab: { l: 0, o: 1, w: 2, e: 3, r: 4, lo: 5, low: 6, er: 7, n: 8, s: 9, t: 10 },
    merges: ['l o', 'lo w', 'e r'],
  },
};

describe('huggingFaceTokenizer', () => {
  it('splits with a WordPiece tokenizer.json, lowercasing as its normalizer says', () => {
    const tokenize = huggingFaceTokenizer(wordPiece);
    expect(tokenize('Unaffable!')).toEqual(['una', '##ff', '##able', '!']);
    expect(tokenize('How do you measure earthquakes?')).toEqual(['how', 'do', 'you', 'measure', 'earth', '##quake', '##s', '?']);
    expect(tokenize('zebra')).toEqual(['[UNK]']);
    expect(tokenize.encodeIds('Unaffable!')).toEqual([3, 4, 5, 6]);
    expect(tokenize.decode([3, 4, 5, 6])).toBe('unaffable!');
  });

  it('adds the special tokens when asked', () => {
    const tokenize = huggingFaceTokenizer(wordPiece, { addSpecialTokens: true });
    expect(tokenize('Unaffable!')).toEqual(['[CLS]', 'una', '##ff', '##able', '!', '[SEP]']);
    expect(tokenize.encodeIds('Unaffable!')).toEqual([1, 3, 4, 5, 6, 2]);
  });

  it('merges with a BPE tokenizer.json', () => {
    const tokenize = huggingFaceTokenizer(bpe);
    expect(tokenize('lower lowest')).toEqual(['low', 'er', 'low', 'e', 's', 't']);
  });

  it('reads tokenizer.json from a path, and through getTokenizer({ tokenizerJson })', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dl-text-hf-'));
    const path = join(dir, 'tokenizer.json');
    writeFileSync(path, JSON.stringify(wordPiece));
    expect(huggingFaceTokenizer(path)('Unaffable!')).toEqual(['una', '##ff', '##able', '!']);
    expect(getTokenizer({ tokenizerJson: path })('Unaffable!')).toEqual(['una', '##ff', '##able', '!']);
    writeFileSync(join(dir, 'bad.json'), '{ not json');
    expect(() => huggingFaceTokenizer(join(dir, 'bad.json'))).toThrow(TokenizerError);
    expect(() => huggingFaceTokenizer(join(dir, 'bad.json'))).toThrow(`huggingFaceTokenizer: tokenizerJson '${join(dir, 'bad.json')}' is not valid JSON:`);
    expect(() => huggingFaceTokenizer(join(dir, 'missing.json'))).toThrow(`huggingFaceTokenizer: cannot read tokenizerJson '${join(dir, 'missing.json')}':`);
  });

  it('refuses a tokenizer.json it cannot use', () => {
    expect(() => huggingFaceTokenizer(null as never)).toThrow('huggingFaceTokenizer: expected tokenizerJson to be a parsed JSON object or a file path, got null');
    expect(() => huggingFaceTokenizer({ model: { type: 'NoSuchModel' } })).toThrow(TokenizerError);
    expect(() => huggingFaceTokenizer({ model: { type: 'NoSuchModel' } })).toThrow('huggingFaceTokenizer: not a usable tokenizer.json');
  });
});

import { readFixture } from '../../../test/support/fixtures';

/** One sentence of test/fixtures/data/tokenizers.json and what the Python tokenizers gave. */
export interface TokenizerCase {
  input: string;
  moses: string[];
  moses_no_escape: string[];
  moses_aggressive: string[];
  toktok: string[];
  revtok: string[];
  revtok_decap: string[] | null;
  revtok_roundtrip: string;
}

/** The fixture written by test/fixtures/generators/data_tokenizers.py. */
export const tokenizerFixture = readFixture<{
  cases: TokenizerCase[];
  moses_protected: { input: string; patterns: string[]; moses: string[] };
}>('data/tokenizers.json');

// The seed's torchtext walkthrough, end to end: a TREC-style question classification set in TSV
// files, a spaCy-tokenized lowercased TEXT field and a LABEL field, TabularDataset.splits,
// buildVocab with 'glove.6B.50d' (read from a local cache file: no network), Iterator.splits with
// batch sizes (32, 99, 99) and the printed test batch, then BucketIterator.splits for training.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manualSeed, type Tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { writeTrecSample } from '../../test/support/trec-sample';
import { TabularDataset } from './dataset/tabular-dataset';
import { Field } from './fields/field';
import { BucketIterator } from './iterators/bucket-iterator';
import { Iterator } from './iterators/iterator';

describe("the seed's TREC workflow", () => {
  it('loads TSV splits, builds vocabs with GloVe vectors and prints the test batch as the seed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dl-text-trec-'));
    const data = join(dir, 'data');
    const cache = join(dir, '.vector_cache');
    writeTrecSample(data, cache);

    // TEXT = data.Field(sequential=True, tokenize=tokenizer, lower=True)  (tokenizer = spaCy's)
    const TEXT = new Field({ sequential: true, tokenize: 'spacy', lower: true });
    const LABEL = new Field({ sequential: false, useVocab: true });
    const [train, val, test] = await TabularDataset.splits({
      path: data,
      train: 'TRECtrain.tsv',
      validation: 'TRECval.tsv',
      test: 'TRECtest.tsv',
      format: 'tsv',
      fields: [
        ['Text', TEXT],
        ['Label', LABEL],
      ],
    });
    expect([train!.length, val!.length, test!.length]).toEqual([48, 20, 99]);
    expect(train!.getItem(4).Text).toEqual(['what', 'does', 'nasa', 'stand', 'for', '?']);
    expect(train!.getItem(6).Text).toEqual(['who', 'wrote', 'shakespeare', "'s", 'sonnets', 'near', 'paris', 'and', 'rome', '?']);

    await TEXT.buildVocab(train!, { vectors: 'glove.6B.50d', vectorsCache: cache });
    await LABEL.buildVocab(train!, { vectors: 'glove.6B.50d', vectorsCache: cache });
    const vocab = TEXT.vocab!;
    expect(vocab.itos.slice(0, 2)).toEqual(['<unk>', '<pad>']);
    expect(vocab.vectors!.shape).toEqual([vocab.length, 50]);
    const france = vocab.vectors!.dataSync().slice(vocab.stoi.get('france')! * 50, vocab.stoi.get('france')! * 50 + 2);
    expect(Array.from(france).map((v) => Number(v.toFixed(4)))).toEqual([0.08, 0.081]);
    expect(LABEL.vocab!.itos[0]).toBe('<unk>');
    expect(LABEL.vocab!.itos.slice(1).sort()).toEqual(['ABBR', 'DESC', 'ENTY', 'HUM', 'LOC', 'NUM']);

    const [trainIter, valIter, testIter] = Iterator.splits([train!, val!, test!], {
      sortKey: (x) => (x.Text as string[]).length,
      batchSizes: [32, 99, 99],
      device: -1,
    });
    const batch = testIter![Symbol.iterator]().next().value!;
    expect(String(batch)).toBe('\n[Batch of size 99]\n\t[.Text]:[int32 tensor of size 16x99]\n\t[.Label]:[int32 tensor of size 99]');
    expect(valIter!.length).toBe(1);
    expect(trainIter!.length).toBe(2);
    // The test batch is sorted longest first; its first column is a 16-token question.
    const text = batch.Text as Tensor;
    const firstColumn = (text.tolist() as number[][]).map((row) => vocab.itos[row[0]!]);
    expect(firstColumn.includes('<pad>')).toBe(false);

    manualSeed(0);
    const [bucketTrain] = BucketIterator.splits([train!, val!], { batchSizes: [8, 20], sortKey: (x) => (x.Text as string[]).length, sortWithinBatch: true });
    let seen = 0;
    for (const b of bucketTrain!) {
      // The seed's LABEL is a plain Field (not a target), so both fields are inputs.
      const [inputs, targets] = b as Iterable<Tensor[] | null>;
      expect(targets).toBeNull();
      expect(inputs!.map((t) => t.shape)).toEqual([(b.Text as Tensor).shape, [b.batchSize]]);
      expect((b.Text as Tensor).shape[1]).toBe(b.batchSize);
      seen += b.batchSize;
    }
    expect(seen).toBe(48);
  });
});

import { describe, expect, it } from 'vitest';
import { classic } from '../../../test/support/classic';
import { ExampleError } from '../../errors/example-error';
import { Field } from '../fields/field';
import { RawField } from '../fields/raw-field';
import { Example } from './example';
import type { FieldList } from './fields-spec';

const TXT = new Field({ lower: true });
const LBL = new Field({ sequential: false });
const plain = (ex: Example) => ({ ...ex });

describe('Example', () => {
  it('reads dotted JSON keys through objects and lists, into several fields, as torchtext', () => {
    const ex = Example.fromJSON(JSON.stringify({ q: { text: 'Who IS he' }, answers: [{ t: 'A b' }, { t: 'c' }], label: 'HUM' }), {
      'q.text': ['text', TXT],
      'answers.t': ['answers', new RawField()],
      label: [
        ['label', LBL],
        ['label_raw', new RawField()],
      ],
    });
    expect(plain(ex)).toEqual(classic.examples.json);
  });

  it('reads dicts, skipping null fields, as torchtext', () => {
    expect(plain(Example.fromDict({ text: 'a B', label: 'x', skip: 1 }, { text: ['text', TXT], label: ['label', LBL], skip: null }))).toEqual(classic.examples.dict);
  });

  it('reads lists, one column into several fields, without trailing newlines', () => {
    const fields: FieldList = [
      [
        ['w', 'raw'],
        [TXT, new RawField()],
      ],
      ['label', LBL],
    ];
    expect(plain(Example.fromList(['Hello There\n', 'HUM\n'], fields))).toEqual(classic.examples.list_multi);
  });

  it('reads CSV rows by position or by header index', () => {
    expect(plain(Example.fromCSV(['A b', 'x'], [['text', TXT], ['label', LBL]]))).toEqual({ text: ['a', 'b'], label: 'x' });
    expect(plain(Example.fromCSV(['x', 'A b'], { text: ['t', TXT] }, { text: 1 }))).toEqual({ t: ['a', 'b'] });
  });

  it('reads PTB trees, and every subtree, as torchtext with NLTK', () => {
    const fields: FieldList = [
      ['text', TXT],
      ['label', LBL],
    ];
    expect(plain(Example.fromTree(classic.examples.tree, fields))).toEqual(classic.examples.tree_root);
    expect(Example.fromTree(classic.examples.tree, fields, true).map(plain)).toEqual(classic.examples.subtrees);
  });

  it('names the missing key, the short row and bad JSON with an ExampleError', () => {
    expect(() => Example.fromDict({ text: 'a' }, { label: ['label', LBL] })).toThrow(ExampleError);
    expect(() => Example.fromDict({ text: 'a' }, { label: ['label', LBL] })).toThrow("Example.fromDict: key 'label' not found in the input data (its keys: 'text')");
    expect(() => Example.fromJSON('{"q": {"x": 1}}', { 'q.text': ['text', TXT] })).toThrow("Example.fromJSON: key 'text' not found in the input data (its keys: 'x')");
    expect(() => Example.fromJSON('{"q": [{"x": 1}]}', { 'q.text': ['text', TXT] })).toThrow("Example.fromJSON: key 'text' not found");
    expect(() => Example.fromJSON('{oops', { a: ['a', TXT] })).toThrow('Example.fromJSON: not valid JSON (');
    expect(() => Example.fromJSON('[1]', { a: ['a', TXT] })).toThrow('Example.fromJSON: expected a JSON object, got an array');
    expect(() => Example.fromList(['only one'], [['text', TXT], ['label', LBL]])).toThrow('Example.fromList: expected 2 values (one per field: text, label), got 1');
    expect(() => Example.fromCSV(['a'], { text: ['t', TXT] })).toThrow('Example.fromCSV: a FieldDict needs fieldToIndex (the column of each key)');
    expect(() => Example.fromTree('(3 (2 It)', [['text', TXT]])).toThrow("Tree.fromString: expected ')' at position 9 of \"(3 (2 It)\"");
  });
});

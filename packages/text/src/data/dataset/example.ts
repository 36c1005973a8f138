import { ExampleError } from '../../errors/example-error';
import { rstripNewlines } from '../utils/python-str';
import { dictEntryPairs, type FieldDict, type FieldList } from './fields-spec';
import { Tree } from './tree';

function keyNotFound(op: string, key: string, data: unknown): ExampleError {
  const keys = data !== null && typeof data === 'object' && !Array.isArray(data) ? Object.keys(data) : [];
  return new ExampleError(`${op}: key '${key}' not found in the input data (its keys: ${keys.length ? keys.map((k) => `'${k}'`).join(', ') : 'none'})`);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/**
 * One example of a dataset (torchtext's `Example`): each field's preprocessed value as a property
 * named after the field (`ex.Text`, `ex.Label`). The static constructors read a row in its
 * format and run each field's `preprocess` (tokenizing, lowercasing, ...).
 *
 * @example
 * ```ts
 * const TEXT = new Field({ lower: true });
 * const ex = Example.fromList(['Who is Duke Ellington ?', 'HUM'], [['Text', TEXT], ['Label', new LabelField()]]);
 * ex.Text; // ['who', 'is', 'duke', 'ellington', '?']
 * ex.Label; // 'HUM'
 * ```
 */
export class Example {
  [field: string]: unknown;

  /**
   * An example from a JSON object string: each key of `fields` (a dotted path `'a.b'` reaches
   * into nested objects, and through lists element-wise) is read and preprocessed.
   *
   * @throws ExampleError when the string is not a JSON object or a key is missing.
   */
  static fromJSON(data: string, fields: FieldDict): Example {
    let obj: unknown;
    try {
      obj = JSON.parse(data);
    } catch (e) {
      throw new ExampleError(`Example.fromJSON: not valid JSON (${(e as Error).message})`, { cause: e });
    }
    if (!isRecord(obj)) throw new ExampleError(`Example.fromJSON: expected a JSON object, got ${Array.isArray(obj) ? 'an array' : JSON.stringify(obj)}`);
    return Example.fromObject(obj, fields, 'Example.fromJSON', true);
  }

  /**
   * An example from an object: each key of `fields` is read from `data` and preprocessed.
   *
   * @throws ExampleError when a key of `fields` is missing from `data`.
   */
  static fromDict(data: Readonly<Record<string, unknown>>, fields: FieldDict): Example {
    return Example.fromObject(data, fields, 'Example.fromDict', false);
  }

  private static fromObject(data: Readonly<Record<string, unknown>>, fields: FieldDict, op: string, dotted: boolean): Example {
    const ex = new Example();
    for (const [key, entry] of Object.entries(fields)) {
      if (!dotted && !(key in data)) throw keyNotFound(op, key, data);
      for (const [name, field] of dictEntryPairs(entry)) {
        const value = dotted ? Example.readPath(data, key, op) : data[key];
        if (field) ex[name] = field.preprocess(value);
      }
    }
    return ex;
  }

  /** Follows a dotted key through objects, and through lists element by element. */
  private static readPath(data: unknown, path: string, op: string): unknown {
    let cur: unknown = data;
    for (const k of path.split('.')) {
      if (Array.isArray(cur)) {
        cur = cur.map((item) => {
          if (!isRecord(item) || !(k in item)) throw keyNotFound(op, k, item);
          return item[k];
        });
      } else {
        if (!isRecord(cur) || !(k in cur)) throw keyNotFound(op, k, cur);
        cur = cur[k];
      }
    }
    return cur;
  }

  /**
   * An example from a CSV/TSV row: by position with a {@link FieldList}, or by header with a
   * {@link FieldDict} and `fieldToIndex` (column name to index).
   */
  static fromCSV(data: readonly string[], fields: FieldList | FieldDict, fieldToIndex?: Readonly<Record<string, number>>): Example {
    if (fieldToIndex === undefined) {
      if (!Array.isArray(fields)) throw new ExampleError('Example.fromCSV: a FieldDict needs fieldToIndex (the column of each key)');
      return Example.fromList(data, fields as FieldList);
    }
    const dict: Record<string, unknown> = {};
    for (const [key, index] of Object.entries(fieldToIndex)) dict[key] = data[index];
    return Example.fromDict(dict, fields as FieldDict);
  }

  /**
   * An example from values in the order of `fields` (strings lose trailing newlines first).
   *
   * @throws ExampleError when there are fewer values than fields.
   */
  static fromList(data: readonly unknown[], fields: FieldList): Example {
    if (data.length < fields.length) {
      throw new ExampleError(`Example.fromList: expected ${fields.length} values (one per field: ${fields.map(([n]) => (Array.isArray(n) ? `(${n.join(', ')})` : n)).join(', ')}), got ${data.length}`);
    }
    const ex = new Example();
    for (let i = 0; i < fields.length; i++) {
      const [name, field] = fields[i]!;
      let value = data[i];
      if (typeof value === 'string') value = rstripNewlines(value);
      if (typeof name === 'string') {
        if (field) ex[name] = (field as { preprocess(x: unknown): unknown }).preprocess(value);
      } else {
        const fs = field as readonly ({ preprocess(x: unknown): unknown } | null)[];
        (name as readonly string[]).forEach((n, j) => {
          const f = fs[j];
          if (f) ex[n] = f.preprocess(value);
        });
      }
    }
    return ex;
  }

  /**
   * An example from a bracketed (PTB) tree such as SST's lines: `[leaves joined by spaces,
   * root label]` read through `fields`; with `subtrees`, one example per subtree (pre-order).
   *
   * @throws ExampleError when the tree is malformed.
   * @example
   * ```ts
   * Example.fromTree('(3 (2 It) (4 works))', [['text', TEXT], ['label', LABEL]]).label; // '3'
   * Example.fromTree('(3 (2 It) (4 works))', fields, true).length; // 3
   * ```
   */
  static fromTree(data: string, fields: FieldList, subtrees: true): Example[];
  static fromTree(data: string, fields: FieldList, subtrees?: false): Example;
  static fromTree(data: string, fields: FieldList, subtrees = false): Example | Example[] {
    const tree = Tree.fromString(data);
    const one = (t: Tree) => Example.fromList([t.leaves().join(' '), t.label], fields);
    return subtrees ? Array.from(tree.subtrees(), one) : one(tree);
  }
}

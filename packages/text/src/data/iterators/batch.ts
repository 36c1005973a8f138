import { Tensor } from '@dl/core';
import type { Dataset } from '../dataset/dataset';
import type { Example } from '../dataset/example';
import type { Device } from '../fields/device';
import { pyRepr } from '../utils/python-str';

/** torchtext's `_short_str`: a tensor as `[dtype tensor of size AxB]`, a tuple of them, or the value. */
function shortStr(value: unknown): string {
  if (value instanceof Tensor) return `[${value.dtype} tensor of size ${value.shape.join('x')}]`;
  if (Array.isArray(value) && value.length > 0 && value.every((v) => v instanceof Tensor)) {
    return `(${value.map((v) => pyRepr(shortStr(v))).join(', ')}${value.length === 1 ? ',' : ''})`;
  }
  return pyStr(value);
}

/** Python's str() of a value, as torchtext's repr falls back to. */
function pyStr(value: unknown, nested = false): string {
  if (typeof value === 'string') return nested ? pyRepr(value) : value;
  if (Array.isArray(value)) return `[${value.map((v) => pyStr(v, true)).join(', ')}]`;
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return String(value);
}

/**
 * A batch of examples (torchtext's `Batch`): each field's processed batch as a property named
 * after the field (`batch.Text`, `batch.Label`: tensors from `Field.process`), with
 * `batchSize`, the `dataset`, and the input and target field names. Iterating a batch yields
 * the inputs, then the targets (each a value, a tuple of values, or null), so
 * `const [x, y] = batch` works. Its string form is torchtext's:
 *
 * ```
 * [Batch of size 99]
 * 	[.Text]:[int32 tensor of size 16x99]
 * 	[.Label]:[int32 tensor of size 99]
 * ```
 *
 * (after a newline, as torchtext prints it; `from TREC` follows the size when the dataset has a
 * `name`.)
 *
 * @example
 * ```ts
 * for (const batch of trainIter) {
 *   const [text, label] = batch as Iterable<Tensor>;
 *   console.log(String(batch));
 * }
 * ```
 */
export class Batch implements Iterable<unknown> {
  [field: string]: unknown;

  /** The number of examples. */
  batchSize = 0;
  /** The dataset the examples come from. */
  dataset: Dataset | undefined;
  /** The dataset's field names, in order. */
  fields: string[] = [];
  /** The fields that are inputs (`isTarget` false). */
  inputFields: string[] = [];
  /** The fields that are targets (`isTarget` true). */
  targetFields: string[] = [];

  /** A batch of `data` from `dataset`: each field's `process` of the examples' values. */
  constructor(data?: readonly Example[] | null, dataset?: Dataset | null, device?: Device) {
    if (data === undefined || data === null || !dataset) return;
    this.batchSize = data.length;
    this.dataset = dataset;
    this.fields = Object.keys(dataset.fields);
    for (const [name, field] of Object.entries(dataset.fields)) {
      if (field === null) continue;
      (field.isTarget ? this.targetFields : this.inputFields).push(name);
      this[name] = field.process(
        data.map((ex) => ex[name]),
        device,
      );
    }
  }

  /**
   * A batch of values made elsewhere (torchtext's `Batch.fromvars`), e.g. BPTT streams.
   *
   * @example
   * ```ts
   * const b = Batch.fromVars(dataset, 32, { text, target });
   * ```
   */
  static fromVars(dataset: Dataset, batchSize: number, vars: Readonly<Record<string, unknown>>): Batch {
    const b = new Batch();
    b.batchSize = batchSize;
    b.dataset = dataset;
    b.fields = Object.keys(dataset.fields);
    for (const [name, field] of Object.entries(dataset.fields)) {
      if (field === null) continue;
      (field.isTarget ? b.targetFields : b.inputFields).push(name);
    }
    Object.assign(b, vars);
    return b;
  }

  /** The number of examples (torchtext's `len(batch)`). */
  get length(): number {
    return this.batchSize;
  }

  private fieldValues(names: readonly string[]): unknown {
    if (names.length === 0) return null;
    if (names.length === 1) return this[names[0]!];
    return names.map((n) => this[n]);
  }

  /** Yields the input field values, then the target field values. */
  *[Symbol.iterator](): Generator<unknown> {
    yield this.fieldValues(this.inputFields);
    yield this.fieldValues(this.targetFields);
  }

  /** torchtext's `str(batch)`: a newline, `[Batch of size N]`, then a line per field. */
  toString(): string {
    if (this.dataset === undefined && this.fields.length === 0 && this.batchSize === 0) return `Empty ${this.constructor.name} instance`;
    const lines = this.fields.filter((name) => Object.hasOwn(this, name)).map((name) => `\t[.${name}]:${shortStr(this[name])}`);
    const dsName = (this.dataset as { name?: unknown } | undefined)?.name;
    const from = typeof dsName === 'string' ? ` from ${dsName.toUpperCase()}` : '';
    return `\n[${this.constructor.name} of size ${this.batchSize}${from}]\n${lines.join('\n')}`;
  }

  /** Disposes the tensors the batch holds (its fields' values), to free memory without waiting for GC. */
  dispose(): void {
    const free = (v: unknown) => {
      if (v instanceof Tensor) v.dispose();
      else if (Array.isArray(v)) v.forEach(free);
    };
    for (const name of this.fields) if (Object.hasOwn(this, name)) free(this[name]);
  }
}

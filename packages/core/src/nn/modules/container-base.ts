import { IndexError } from '../../errors/index-error';
import { ValueError } from '../../errors/value-error';
import { Tensor } from '../../tensor/tensor';
import { Module } from '../module';
import { Parameter } from '../parameter';

/**
 * @internal Storage shared by the containers: members live in parallel key/value arrays (so
 * keys never shadow methods and any key order is kept) and are listed by `_memberNames` before
 * ordinary attributes. List-like containers also expose `container[i]` getters.
 */
export class ItemStore<T> {
  keys: string[] = [];
  values: T[] = [];
  private getters = 0;

  constructor(private readonly owner: object) {}

  get size(): number {
    return this.keys.length;
  }

  get(key: string): T | undefined {
    const i = this.keys.indexOf(key);
    return i < 0 ? undefined : this.values[i];
  }

  set(key: string, value: T): void {
    const i = this.keys.indexOf(key);
    if (i >= 0) this.values[i] = value;
    else {
      this.keys.push(key);
      this.values.push(value);
    }
    this.syncGetters();
  }

  removeAt(i: number): T {
    const [v] = this.values.splice(i, 1);
    this.keys.splice(i, 1);
    this.syncGetters();
    return v;
  }

  clear(): void {
    this.keys = [];
    this.values = [];
    this.syncGetters();
  }

  /** Renames every key to its position (`'0'`, `'1'`, ...), as PyTorch's lists keep them. */
  renumber(): void {
    this.keys = this.keys.map((_, i) => String(i));
  }

  /** Numeric getters `owner[0..n-1]`, non-enumerable so attribute discovery skips them. */
  private syncGetters(): void {
    const n = this.values.length;
    for (let i = this.getters; i < n; i++) {
      Object.defineProperty(this.owner, i, { configurable: true, enumerable: false, get: () => this.values[i] });
    }
    for (let i = n; i < this.getters; i++) delete (this.owner as Record<number, unknown>)[i];
    this.getters = n;
  }

  /** Resolves a possibly negative index into a container named `what`. */
  index(idx: number, what: string, forInsert = false): number {
    const n = this.values.length + (forInsert ? 1 : 0);
    if (!Number.isInteger(idx) || idx < -n || idx >= n) throw new IndexError(`${what}: index ${idx} is out of range (length ${this.values.length})`);
    return idx < 0 ? idx + n : idx;
  }
}

/** @internal Checks a container member. */
export function checkModule(m: unknown, what: string): asserts m is Module {
  if (!(m instanceof Module)) throw new ValueError(`${what}: ${describe(m)} is not a Module subclass`);
}

/** @internal Checks a container key. */
export function checkKey(key: unknown, what: string): asserts key is string {
  if (typeof key !== 'string' || key === '' || key.includes('.')) {
    throw new ValueError(`${what}: keys must be non-empty strings without ".", got ${JSON.stringify(key)}`);
  }
}

/** @internal A short description of a value for messages. */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'object') return (v as object).constructor?.name ?? 'Object';
  return typeof v;
}

/** @internal Defines a non-enumerable property (container internals stay out of discovery). */
export function hidden<T>(owner: object, name: string, value: T): T {
  Object.defineProperty(owner, name, { configurable: true, enumerable: false, writable: true, value });
  return value;
}

/** @internal Wraps a tensor in a Parameter (Parameters pass through). */
export function asParameter(v: unknown, what: string): Parameter {
  if (v instanceof Parameter) return v;
  if (v instanceof Tensor) return new Parameter(v);
  throw new ValueError(`${what}: expected a Parameter or Tensor, got ${v === null ? 'null' : typeof v}`);
}

/** @internal PyTorch's one-line description of a parameter in container reprs. */
export function describeParameter(p: Parameter): string {
  return `Parameter containing: [${p.dtype} of size ${p.shape.join('x')}]`;
}

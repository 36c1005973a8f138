import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { Module } from '../module';
import type { Parameter } from '../parameter';
import { asParameter, describeParameter, hidden, ItemStore } from './container-base';

/**
 * Holds parameters by name so they are registered (PyTorch's `nn.ParameterDict`), in insertion
 * order. Tensors are wrapped in `Parameter`s.
 *
 * @example
 * ```ts
 * this.gains = new nn.ParameterDict({ left: dl.ones([3]), right: dl.ones([3]) });
 * ```
 */
export class ParameterDict extends Module {
  /** @internal */
  declare _items: ItemStore<Parameter>;

  constructor(values: Record<string, Parameter | Tensor> | Map<string, Parameter | Tensor> = {}) {
    super();
    hidden(this, '_items', new ItemStore<Parameter>(this));
    const entries = values instanceof Map ? [...values.entries()] : Object.entries(values);
    for (const [k, v] of entries) this.set(k, v);
  }

  /** @internal */
  override _memberNames(): string[] {
    return [...this._items.keys, ...Object.keys(this)];
  }

  /** @internal */
  override _member(name: string): unknown {
    return this._items.get(name) ?? super._member(name);
  }

  /** The parameter under `key`, or undefined. */
  get(key: string): Parameter | undefined {
    return this._items.get(key);
  }

  /** Adds or replaces the parameter under `key`. */
  set(key: string, value: Parameter | Tensor): this {
    if (typeof key !== 'string' || key === '' || key.includes('.')) throw new ValueError(`ParameterDict.set: keys must be non-empty strings without ".", got ${JSON.stringify(key)}`);
    this._items.set(key, asParameter(value, 'ParameterDict.set'));
    return this;
  }

  /** Whether a parameter is stored under `key`. */
  has(key: string): boolean {
    return this._items.keys.includes(key);
  }

  /** The keys, in insertion order. */
  keys(): string[] {
    return this._items.keys.slice();
  }

  /** The parameters, in insertion order. */
  values(): Parameter[] {
    return this._items.values.slice();
  }

  /** The `[key, parameter]` pairs, in insertion order. */
  items(): [string, Parameter][] {
    return this._items.keys.map((k, i) => [k, this._items.values[i]]);
  }

  /** The number of parameters. */
  get size(): number {
    return this._items.size;
  }

  override extraRepr(): string {
    return this.items().map(([k, p]) => `(${k}): ${describeParameter(p)}`).join('\n');
  }
}

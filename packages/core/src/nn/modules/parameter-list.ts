import type { Tensor } from '../../tensor/tensor';
import { Module } from '../module';
import type { Parameter } from '../parameter';
import { asParameter, describeParameter, hidden, ItemStore } from './container-base';
import { assertIterable } from '../../ops/arg-checks';

/**
 * Holds parameters in a list so they are registered (PyTorch's `nn.ParameterList`), named
 * `'0'`, `'1'`, ... Tensors are wrapped in `Parameter`s.
 *
 * @example
 * ```ts
 * this.scales = new nn.ParameterList([dl.ones([4]), dl.ones([4])]);
 * ```
 */
export class ParameterList extends Module {
  readonly [index: number]: Parameter;
  /** @internal */
  declare _items: ItemStore<Parameter>;

  constructor(values: Iterable<Parameter | Tensor> = []) {
    super();
    hidden(this, '_items', new ItemStore<Parameter>(this));
    this.extend(values);
  }

  /** @internal */
  override _memberNames(): string[] {
    return [...this._items.keys, ...Object.keys(this)];
  }

  /** @internal */
  override _member(name: string): unknown {
    return this._items.get(name) ?? super._member(name);
  }

  /** The number of parameters. */
  get length(): number {
    return this._items.size;
  }

  /** The parameter at `index` (negative counts from the end). */
  at(index: number): Parameter {
    return this._items.values[this._items.index(index, 'ParameterList.at')];
  }

  /** Adds a parameter at the end; returns this. */
  append(value: Parameter | Tensor): this {
    this._items.set(String(this._items.size), asParameter(value, 'ParameterList.append'));
    return this;
  }

  /** Adds parameters at the end; returns this. */
  extend(values: Iterable<Parameter | Tensor>): this {
    assertIterable(values, 'ParameterList', 'values');
    for (const v of values) this.append(v);
    return this;
  }

  [Symbol.iterator](): Iterator<Parameter> {
    return this._items.values.slice()[Symbol.iterator]();
  }

  override extraRepr(): string {
    return this._items.values.map((p, i) => `(${i}): ${describeParameter(p)}`).join('\n');
  }
}

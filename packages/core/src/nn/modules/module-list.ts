import { Module } from '../module';
import { checkModule, hidden, ItemStore } from './container-base';
import { assertIterable } from '../../ops/arg-checks';

/**
 * Holds submodules in a list so they are registered (PyTorch's `nn.ModuleList`): their
 * parameters are the owner's, named `'0'`, `'1'`, ... It has no `forward`; iterate it.
 *
 * @example
 * ```ts
 * this.layers = new nn.ModuleList(Array.from({ length: 4 }, () => new nn.Linear(64, 64)));
 * for (const layer of this.layers) x = layer.forward(x);
 * ```
 */
export class ModuleList<T extends Module = Module> extends Module {
  readonly [index: number]: T;
  /** @internal */
  declare _items: ItemStore<T>;

  constructor(modules: Iterable<T> = []) {
    super();
    hidden(this, '_items', new ItemStore<T>(this));
    this.extend(modules);
  }

  /** @internal */
  override _memberNames(): string[] {
    return [...this._items.keys, ...Object.keys(this)];
  }

  /** @internal */
  override _member(name: string): unknown {
    return this._items.get(name) ?? super._member(name);
  }

  /** The number of modules. */
  get length(): number {
    return this._items.size;
  }

  /** The module at `index` (negative counts from the end). */
  at(index: number): T {
    return this._items.values[this._items.index(index, 'ModuleList.at')];
  }

  /** Replaces the module at `index`. */
  set(index: number, module: T): void {
    checkModule(module, 'ModuleList.set');
    this._items.values[this._items.index(index, 'ModuleList.set')] = module;
  }

  /** Adds a module at the end; returns this. */
  append(module: T): this {
    checkModule(module, 'ModuleList.append');
    this._items.set(String(this._items.size), module);
    return this;
  }

  /** Adds modules at the end; returns this. */
  extend(modules: Iterable<T>): this {
    assertIterable(modules, 'ModuleList', 'modules');
    for (const m of modules) this.append(m);
    return this;
  }

  /** Inserts a module before `index`. */
  insert(index: number, module: T): void {
    checkModule(module, 'ModuleList.insert');
    const i = this._items.index(index, 'ModuleList.insert', true);
    const vals = this._items.values.slice();
    vals.splice(i, 0, module);
    this._items.clear();
    vals.forEach((m, j) => { this._items.set(String(j), m); });
  }

  /** Removes and returns the module at `index` (default the last). */
  pop(index = -1): T {
    const m = this._items.removeAt(this._items.index(index, 'ModuleList.pop'));
    this._items.renumber();
    return m;
  }

  /** A new ModuleList of the modules in `[start, end)`. */
  slice(start?: number, end?: number): ModuleList<T> {
    return new ModuleList(this._items.values.slice(start, end));
  }

  [Symbol.iterator](): Iterator<T> {
    return this._items.values.slice()[Symbol.iterator]();
  }
}

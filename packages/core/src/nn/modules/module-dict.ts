import { ValueError } from '../../errors/value-error';
import { Module } from '../module';
import { checkKey, checkModule, hidden, ItemStore } from './container-base';

/**
 * Holds submodules by name so they are registered (PyTorch's `nn.ModuleDict`), in insertion
 * order. Keys never clash with methods: use `get(key)`.
 *
 * @example
 * ```ts
 * this.heads = new nn.ModuleDict({ cls: new nn.Linear(64, 10), box: new nn.Linear(64, 4) });
 * const logits = this.heads.get('cls')!.forward(x);
 * ```
 */
export class ModuleDict<T extends Module = Module> extends Module {
  /** @internal */
  declare _items: ItemStore<T>;

  constructor(modules: Record<string, T> | Map<string, T> | Iterable<[string, T]> = {}) {
    super();
    hidden(this, '_items', new ItemStore<T>(this));
    this.update(modules);
  }

  /** @internal */
  override _memberNames(): string[] {
    return [...this._items.keys, ...Object.keys(this)];
  }

  /** @internal */
  override _member(name: string): unknown {
    return this._items.get(name) ?? super._member(name);
  }

  /** The module under `key`, or undefined. */
  get(key: string): T | undefined {
    return this._items.get(key);
  }

  /** Adds or replaces the module under `key`. */
  set(key: string, module: T): this {
    checkKey(key, 'ModuleDict.set');
    checkModule(module, 'ModuleDict.set');
    this._items.set(key, module);
    return this;
  }

  /** Whether a module is stored under `key`. */
  has(key: string): boolean {
    return this._items.keys.includes(key);
  }

  /** Removes and returns the module under `key` (PyTorch's `pop`). */
  pop(key: string): T {
    const i = this._items.keys.indexOf(key);
    if (i < 0) throw new ValueError(`ModuleDict.pop: no module under key '${key}'`);
    return this._items.removeAt(i);
  }

  /** Removes every module. */
  clear(): void {
    this._items.clear();
  }

  /** Adds the entries of an object, Map or list of pairs (replacing equal keys). */
  update(modules: Record<string, T> | Map<string, T> | Iterable<[string, T]>): this {
    if (modules === null || typeof modules !== 'object') throw new ValueError(`ModuleDict.update: expected an object, Map or pairs, got ${modules === null ? 'null' : typeof modules}`);
    const entries = modules instanceof Map || Symbol.iterator in modules ? [...(modules as Iterable<[string, T]>)] : Object.entries(modules as Record<string, T>);
    for (const entry of entries) {
      if (!Array.isArray(entry) || entry.length !== 2) throw new ValueError('ModuleDict.update: pairs must be [key, module]');
      this.set(entry[0], entry[1]);
    }
    return this;
  }

  /** The number of modules. */
  get size(): number {
    return this._items.size;
  }

  /** The keys, in insertion order. */
  keys(): string[] {
    return this._items.keys.slice();
  }

  /** The modules, in insertion order. */
  values(): T[] {
    return this._items.values.slice();
  }

  /** The `[key, module]` pairs, in insertion order (PyTorch's `items()`). */
  items(): [string, T][] {
    return this._items.keys.map((k, i) => [k, this._items.values[i]]);
  }

  /** Iterates the keys, as PyTorch does. */
  [Symbol.iterator](): Iterator<string> {
    return this.keys()[Symbol.iterator]();
  }
}

import type { Tensor } from '../../tensor/tensor';
import { Module } from '../module';
import { checkKey, checkModule, hidden, ItemStore } from './container-base';

/**
 * A chain of modules applied in order (PyTorch's `nn.Sequential`). Children are named `'0'`,
 * `'1'`, ... or by the keys of an object/Map; `seq[0]`, `at(-1)`, `length` and iteration
 * work as in PyTorch.
 *
 * @example
 * ```ts
 * const model = new nn.Sequential(new nn.Linear(10, 100), new nn.ReLU(), new nn.Linear(100, 2));
 * const named = new nn.Sequential({ conv: new nn.Conv2d(1, 20, 5), relu: new nn.ReLU() });
 * ```
 */
export class Sequential extends Module {
  readonly [index: number]: Module;
  /** @internal */
  declare _items: ItemStore<Module>;

  constructor(...modules: Module[] | [Record<string, Module> | Map<string, Module>]) {
    super();
    hidden(this, '_items', new ItemStore<Module>(this));
    const first = modules[0] as unknown;
    if (modules.length === 1 && first !== null && typeof first === 'object' && !(first instanceof Module)) {
      const entries = first instanceof Map ? [...first.entries()] : Object.entries(first as Record<string, Module>);
      for (const [k, m] of entries) {
        checkKey(k, 'Sequential');
        checkModule(m, 'Sequential');
        this._items.set(k, m);
      }
    } else {
      (modules as Module[]).forEach((m, i) => {
        checkModule(m, 'Sequential');
        this._items.set(String(i), m);
      });
    }
  }

  /** @internal */
  override _memberNames(): string[] {
    return [...this._items.keys, ...Object.keys(this)];
  }

  /** @internal */
  override _member(name: string): unknown {
    return this._items.get(name) ?? super._member(name);
  }

  /** Passes `input` through every module in order (each through `call`, so hooks run). */
  override forward(input: Tensor): Tensor {
    let x: unknown = input;
    for (const m of this._items.values) x = m._callImpl([x]);
    return x as Tensor;
  }

  /** The number of modules. */
  get length(): number {
    return this._items.size;
  }

  /** The module at `index` (negative counts from the end). */
  at(index: number): Module {
    return this._items.values[this._items.index(index, 'Sequential.at')];
  }

  /** A new Sequential of the modules in `[start, end)` (keys kept). */
  slice(start?: number, end?: number): Sequential {
    const keys = this._items.keys.slice(start, end);
    return new Sequential(new Map(keys.map((k) => [k, this._items.get(k) as Module])));
  }

  /** Adds a module at the end; returns this. */
  append(module: Module): this {
    checkModule(module, 'Sequential.append');
    this._items.set(String(this._items.size), module);
    return this;
  }

  /** Adds modules at the end; returns this. */
  extend(modules: Iterable<Module>): this {
    for (const m of modules) this.append(m);
    return this;
  }

  /** Inserts a module before `index`; keys are renumbered. Returns this. */
  insert(index: number, module: Module): this {
    checkModule(module, 'Sequential.insert');
    const i = this._items.index(index, 'Sequential.insert', true);
    const vals = this._items.values.slice();
    vals.splice(i, 0, module);
    this._items.clear();
    vals.forEach((m, j) => { this._items.set(String(j), m); });
    return this;
  }

  /** Removes and returns the module at `index` (default the last); keys are renumbered. */
  pop(index = -1): Module {
    const m = this._items.removeAt(this._items.index(index, 'Sequential.pop'));
    this._items.renumber();
    return m;
  }

  [Symbol.iterator](): Iterator<Module> {
    return this._items.values.slice()[Symbol.iterator]();
  }
}

import { tf } from '../backend/tfjs';
import { ValueError } from '../errors/value-error';
import { Tensor } from '../tensor/tensor';
import { loadModuleState, type LoadErrors, type LoadStateDictResult } from './load-state-dict';
import { Parameter } from './parameter';
import { RemovableHandle } from './removable-handle';
import { describeArg } from '../tensor/describe-arg';
import { ArgumentTypeError } from '../errors/argument-type-error';

/** A module's state: parameter and buffer tensors under PyTorch's dotted names (`layer1.0.conv1.weight`). */
export type StateDict = Record<string, Tensor>;

/** Runs before `forward` with its arguments; may return replacement arguments. */
// biome-ignore lint/suspicious/noConfusingVoidType: a hook that returns nothing (`() => void`) must be assignable.
export type ForwardPreHook<M extends Module = Module> = (module: M, args: unknown[]) => unknown[] | void;
/** Runs after `forward` with its arguments and output; may return a replacement output. */
export type ForwardHook<M extends Module = Module> = (module: M, args: unknown[], output: unknown) => unknown;

/** Options of `namedParameters`, `namedBuffers` and `namedModules`. */
export interface NamedMembersOptions {
  /** Prepended (with a dot) to every name. @default '' */
  prefix?: string;
  /** Include members of submodules. @default true */
  recurse?: boolean;
  /** List a member shared by several modules once. @default true */
  removeDuplicate?: boolean;
}

/** Options of `Module.stateDict`. */
export interface StateDictOptions {
  /** Prepended to every key. @default '' */
  prefix?: string;
  /** Return the parameters themselves instead of detached copies. @default false */
  keepVars?: boolean;
}

/** Options of `Module.loadStateDict`. */
export interface LoadStateDictOptions {
  /** Require the keys to match the module's exactly. @default true */
  strict?: boolean;
}

/** Options of `Module.registerBuffer`. */
export interface RegisterBufferOptions {
  /** Whether the buffer is part of `stateDict()`. @default true */
  persistent?: boolean;
}

const INTERNAL = { enumerable: false, writable: true, configurable: true } as const;

/**
 * Base class of every layer and model (PyTorch's `nn.Module`). Subclasses assign parameters and
 * submodules as properties (`this.fc = new nn.Linear(4, 2)`) and define `forward`; assignment
 * order is registration order, so `parameters()` and `stateDict()` list them as PyTorch does.
 * Buffers (running statistics) are declared with `registerBuffer`. `call()` runs `forward` with
 * the registered hooks.
 *
 * Names are the property names, so a module ported from Python keeps its state-dict keys when
 * its attributes keep their Python names.
 *
 * @example
 * ```ts
 * class Net extends nn.Module {
 *   fc1 = new nn.Linear(784, 128);
 *   fc2 = new nn.Linear(128, 10);
 *   forward(x: Tensor): Tensor { return this.fc2.forward(dl.relu(this.fc1.forward(x))); }
 * }
 * const net = new Net();
 * Object.keys(net.stateDict()); // ['fc1.weight', 'fc1.bias', 'fc2.weight', 'fc2.bias']
 * ```
 */
export class Module {
  /** Whether the module is in training mode (`train()`) or evaluation mode (`eval()`). */
  declare training: boolean;
  /** @internal Buffer names, with whether each is persistent. */
  declare _bufferNames: Map<string, boolean>;
  /** @internal */
  declare _forwardHooks: Map<number, ForwardHook>;
  /** @internal */
  declare _forwardPreHooks: Map<number, ForwardPreHook>;

  constructor() {
    // Internal state is non-enumerable so that own enumerable properties are exactly the
    // user's attributes, which is how parameters and submodules are found.
    Object.defineProperty(this, 'training', { ...INTERNAL, value: true });
    Object.defineProperty(this, '_bufferNames', { ...INTERNAL, value: new Map() });
    Object.defineProperty(this, '_forwardHooks', { ...INTERNAL, value: new Map() });
    Object.defineProperty(this, '_forwardPreHooks', { ...INTERNAL, value: new Map() });
  }

  /**
   * The computation of the module. Every subclass defines it; call it directly
   * (`model.forward(x)`) or through `call()` to run hooks.
   */
  forward(..._args: unknown[]): unknown {
    throw new ValueError(`Module [${this._getName()}] is missing the required "forward" function`);
  }

  /**
   * Runs `forward` with the forward pre-hooks and hooks (PyTorch's `module(x)`). Containers
   * call their children this way.
   *
   * @example
   * ```ts
   * const y = model.call(x);
   * ```
   */
  call(...args: Parameters<this['forward']>): ReturnType<this['forward']> {
    return this._callImpl(args as unknown[]) as ReturnType<this['forward']>;
  }

  /** @internal `call` without static argument types (containers). */
  _callImpl(args: unknown[]): unknown {
    let a = args;
    if (this._forwardPreHooks.size > 0) {
      for (const hook of [...this._forwardPreHooks.values()]) {
        const r = hook(this, a);
        if (r !== undefined) a = Array.isArray(r) ? r : [r];
      }
    }
    let out = (this.forward as (...xs: unknown[]) => unknown)(...a);
    if (this._forwardHooks.size > 0) {
      for (const hook of [...this._forwardHooks.values()]) {
        const r = hook(this, a, out);
        if (r !== undefined) out = r;
      }
    }
    return out;
  }

  /** Registers a hook run after every `call()`; it may return a replacement output. */
  registerForwardHook(hook: ForwardHook<this>): RemovableHandle {
    const h = new RemovableHandle(this._forwardHooks as Map<number, unknown>);
    this._forwardHooks.set(h.id, hook as ForwardHook);
    return h;
  }

  /** Registers a hook run before every `call()`; it may return replacement arguments. */
  registerForwardPreHook(hook: ForwardPreHook<this>): RemovableHandle {
    const h = new RemovableHandle(this._forwardPreHooks as Map<number, unknown>);
    this._forwardPreHooks.set(h.id, hook as ForwardPreHook);
    return h;
  }

  // ---- registration -------------------------------------------------------------------------

  private checkName(name: string, what: string): void {
    if (typeof name !== 'string') throw new ValueError(`${what} name should be a string. Got ${typeof name}`);
    if (name === '') throw new ValueError(`${what} name can't be empty string ""`);
    if (name.includes('.')) throw new ValueError(`${what} name can't contain ".", got "${name}"`);
  }

  /**
   * Adds a parameter under `name` (same as assigning it). `null` records a missing optional
   * parameter (PyTorch's `register_parameter(name, None)`).
   */
  registerParameter(name: string, param: Parameter | null): void {
    this.checkName(name, 'parameter');
    if (param !== null && !(param instanceof Parameter)) {
      throw new ValueError(`cannot assign '${describe(param)}' object to parameter '${name}' (nn.Parameter or null required)`);
    }
    if (this._bufferNames.has(name)) throw new ValueError(`attribute '${name}' already exists as a buffer`);
    (this as Record<string, unknown>)[name] = param;
  }

  /**
   * Adds a buffer: a tensor that is state but not trained (BatchNorm's running statistics).
   * Persistent buffers are part of `stateDict()`. The tensor is kept from `scope()`.
   *
   * @param options.persistent include it in the state dict. @default true
   * @example
   * ```ts
   * this.registerBuffer('running_mean', dl.zeros([numFeatures]));
   * ```
   */
  registerBuffer(name: string, tensor: Tensor | null, options: RegisterBufferOptions = {}): void {
    this.checkName(name, 'buffer');
    if (tensor !== null && !(tensor instanceof Tensor)) throw new ValueError(`cannot assign '${describe(tensor)}' object to buffer '${name}' (Tensor or null required)`);
    const cur = (this as Record<string, unknown>)[name];
    if (!this._bufferNames.has(name) && cur !== undefined) throw new ValueError(`attribute '${name}' already exists`);
    if (tensor) tensor._kept = true;
    this._bufferNames.set(name, options.persistent ?? true);
    (this as Record<string, unknown>)[name] = tensor;
  }

  /** Adds a submodule under `name` (same as assigning it; PyTorch's `add_module`). */
  registerModule(name: string, module: Module | null): void {
    this.checkName(name, 'module');
    if (module !== null && !(module instanceof Module)) throw new ValueError(`${describe(module)} is not a Module subclass`);
    if (this._bufferNames.has(name)) throw new ValueError(`attribute '${name}' already exists as a buffer`);
    (this as Record<string, unknown>)[name] = module;
  }

  /** Alias of `registerModule` (PyTorch's `add_module`). */
  addModule(name: string, module: Module | null): void {
    this.registerModule(name, module);
  }

  // ---- own members ---------------------------------------------------------------------------

  /** @internal Attribute names in registration order; containers with string keys override it. */
  _memberNames(): string[] {
    return Object.keys(this);
  }

  /** @internal The member called `name` (containers keep some members outside properties). */
  _member(name: string): unknown {
    return (this as Record<string, unknown>)[name];
  }

  /** @internal This module's own parameters, in registration order. */
  _ownParameters(): [string, Parameter][] {
    const out: [string, Parameter][] = [];
    for (const k of this._memberNames()) {
      const v = this._member(k);
      if (v instanceof Parameter && !this._bufferNames.has(k)) out.push([k, v]);
    }
    return out;
  }

  /** @internal This module's own buffers (non-null), with whether each is persistent. */
  _ownBuffers(): [string, Tensor, boolean][] {
    const out: [string, Tensor, boolean][] = [];
    const self = this as Record<string, unknown>;
    for (const [k, persistent] of this._bufferNames) {
      const v = self[k];
      if (v instanceof Tensor) out.push([k, v, persistent]);
    }
    return out;
  }

  /** @internal This module's direct submodules, in registration order. */
  _ownChildren(): [string, Module][] {
    const out: [string, Module][] = [];
    for (const k of this._memberNames()) {
      const v = this._member(k);
      if (v instanceof Module) out.push([k, v]);
    }
    return out;
  }

  // ---- traversal -----------------------------------------------------------------------------

  /**
   * This module and all below it with their dotted names (`''` for this one), depth first as
   * PyTorch orders them.
   */
  namedModules(options: NamedMembersOptions = {}): [string, Module][] {
    const out: [string, Module][] = [];
    const removeDuplicate = options.removeDuplicate ?? true;
    const memo = new Set<Module>();
    const path = new Set<Module>();
    const visit = (m: Module, prefix: string) => {
      if (path.has(m)) throw new ValueError(`namedModules: the module tree has a cycle at '${prefix}' (${m._getName()} contains itself)`);
      if (removeDuplicate) {
        if (memo.has(m)) return;
        memo.add(m);
      }
      out.push([prefix, m]);
      path.add(m);
      for (const [name, child] of m._ownChildren()) visit(child, prefix ? `${prefix}.${name}` : name);
      path.delete(m);
    };
    visit(this, options.prefix ?? '');
    return out;
  }

  /** This module and all below it. */
  modules(): Module[] {
    return this.namedModules().map(([, m]) => m);
  }

  /** The direct submodules with their names. */
  namedChildren(): [string, Module][] {
    const seen = new Set<Module>();
    return this._ownChildren().filter(([, m]) => {
      if (seen.has(m)) return false;
      seen.add(m);
      return true;
    });
  }

  /** The direct submodules. */
  children(): Module[] {
    return this.namedChildren().map(([, m]) => m);
  }

  private namedMembers<T>(get: (m: Module) => [string, T][], options: NamedMembersOptions): [string, T][] {
    const removeDuplicate = options.removeDuplicate ?? true;
    const prefix = options.prefix ?? '';
    const mods: [string, Module][] = (options.recurse ?? true) ? this.namedModules({ prefix, removeDuplicate }) : [[prefix, this]];
    const memo = new Set<T>();
    const out: [string, T][] = [];
    for (const [modPrefix, m] of mods) {
      for (const [k, v] of get(m)) {
        if (memo.has(v)) continue;
        if (removeDuplicate) memo.add(v);
        out.push([modPrefix ? `${modPrefix}.${k}` : k, v]);
      }
    }
    return out;
  }

  /**
   * The parameters with their dotted names (`['fc.weight', p]`), each listed once.
   *
   * @example
   * ```ts
   * for (const [name, p] of model.namedParameters()) console.log(name, p.shape);
   * ```
   */
  namedParameters(options: NamedMembersOptions = {}): [string, Parameter][] {
    return this.namedMembers((m) => m._ownParameters(), options);
  }

  /**
   * The parameters, for an optimizer.
   *
   * @param options.recurse include submodules' parameters. @default true
   * @example
   * ```ts
   * const opt = new optim.SGD(model.parameters(), { lr: 0.1 });
   * ```
   */
  parameters(options: { recurse?: boolean } = {}): Parameter[] {
    return this.namedParameters(options).map(([, p]) => p);
  }

  /** The buffers with their dotted names (`['bn.running_mean', t]`). */
  namedBuffers(options: NamedMembersOptions = {}): [string, Tensor][] {
    return this.namedMembers((m) => m._ownBuffers().map(([k, v]) => [k, v] as [string, Tensor]), options);
  }

  /** The buffers (running statistics and other non-trained state). */
  buffers(options: { recurse?: boolean } = {}): Tensor[] {
    return this.namedBuffers(options).map(([, b]) => b);
  }

  /**
   * The submodule at a dotted path (`'layer1.0.conv1'`); `''` is this module.
   *
   * @example
   * ```ts
   * const conv = model.getSubmodule('layer1.0.conv1') as nn.Conv2d;
   * ```
   */
  getSubmodule(target: string): Module {
    if (target === '') return this;
    let mod: Module = this;
    for (const item of target.split('.')) {
      const next = mod._member(item);
      if (next === undefined || next === null || !mod._memberNames().includes(item)) {
        throw new ValueError(`getSubmodule: ${mod._getName()} has no attribute '${item}' (in '${target}')`);
      }
      if (!(next instanceof Module)) throw new ValueError(`getSubmodule: '${item}' is not an nn.Module (in '${target}')`);
      mod = next;
    }
    return mod;
  }

  /** The parameter at a dotted path (`'layer1.0.conv1.weight'`). */
  getParameter(target: string): Parameter {
    const i = target.lastIndexOf('.');
    const mod = this.getSubmodule(i < 0 ? '' : target.slice(0, i));
    const name = target.slice(i + 1);
    const p = mod._member(name);
    if (!(p instanceof Parameter)) throw new ValueError(`getParameter: '${name}' is not an nn.Parameter (in '${target}')`);
    return p;
  }

  /** The buffer at a dotted path (`'bn.running_mean'`). */
  getBuffer(target: string): Tensor {
    const i = target.lastIndexOf('.');
    const mod = this.getSubmodule(i < 0 ? '' : target.slice(0, i));
    const name = target.slice(i + 1);
    const b = (mod as unknown as Record<string, unknown>)[name];
    if (!mod._bufferNames.has(name) || !(b instanceof Tensor)) throw new ValueError(`getBuffer: '${name}' is not a buffer (in '${target}')`);
    return b;
  }

  // ---- modes and bulk changes ------------------------------------------------------------------

  /**
   * Sets training mode (`true`) or evaluation mode (`false`) on this module and all below it;
   * Dropout and BatchNorm behave differently in each. Returns this module.
   */
  train(mode = true): this {
    if (typeof mode !== 'boolean') throw new ArgumentTypeError(`train: training mode is expected to be boolean, got ${describeArg(mode)}`);
    this.training = mode;
    for (const child of this.children()) child.train(mode);
    return this;
  }

  /** Sets evaluation mode (`train(false)`); returns this module. */
  eval(): this {
    return this.train(false);
  }

  /**
   * Calls `fn` on every submodule (children first) and then on this module, e.g. to initialise
   * weights. Returns this module.
   *
   * @example
   * ```ts
   * model.apply((m) => { if (m instanceof nn.Linear) nn.init.xavierUniform_(m.weight); });
   * ```
   */
  apply(fn: (module: Module) => void): this {
    for (const child of this.children()) child.apply(fn);
    fn(this);
    return this;
  }

  /** Resets the gradients of all parameters: drops them (default) or fills them with zeros. */
  zeroGrad(options: { setToNone?: boolean } = {}): void {
    const setToNone = options.setToNone ?? true;
    for (const p of this.parameters()) {
      if (p.grad === null) continue;
      if (setToNone) {
        // Freed now rather than at garbage collection, so synchronous loops stay flat.
        p.grad.dispose();
        p.grad = null;
      } else p.grad._replaceValue(tf.keep(tf.zerosLike(p.grad._value)));
    }
  }

  /**
   * PyTorch's `module.to(device or dtype)`, for ported code: @dl/core computes in float32 on the
   * process-wide backend (`setBackend`), so `'cpu'`, `'float32'` and `'float'` return this module
   * unchanged and anything else is a ValueError.
   *
   * @example
   * ```ts
   * model.to('cpu');
   * ```
   */
  to(target: 'cpu' | 'float32' | 'float'): this {
    if (target === 'cpu' || target === 'float32' || target === 'float') return this;
    throw new ValueError(
      `to: cannot move ${this._getName()} to '${String(target)}': @dl/core computes in float32 on the backend chosen with setBackend() ('tensorflow', 'wasm' or 'cpu'); use 'cpu' or 'float32'`,
    );
  }

  /** Sets `requiresGrad` on every parameter (`false` freezes the module); returns this module. */
  requiresGrad_(requiresGrad = true): this {
    for (const p of this.parameters()) p.requiresGrad_(requiresGrad);
    return this;
  }

  // ---- state dict ---------------------------------------------------------------------------

  /**
   * The parameters and persistent buffers under PyTorch's dotted keys (`layer1.0.conv1.weight`,
   * `bn.running_mean`, `bn.num_batches_tracked`), in PyTorch's order. Values are detached
   * snapshots (or the live tensors with `keepVars`).
   *
   * @example
   * ```ts
   * await save(model.stateDict(), 'model.safetensors');
   * ```
   */
  stateDict(options: StateDictOptions = {}): StateDict {
    const dest: StateDict = {};
    const keepVars = options.keepVars ?? false;
    const path = new Set<Module>();
    const visit = (m: Module, prefix: string) => {
      if (path.has(m)) throw new ValueError(`stateDict: the module tree has a cycle at '${prefix}'`);
      path.add(m);
      for (const [k, p] of m._ownParameters()) dest[prefix + k] = keepVars ? p : p.detach();
      for (const [k, b, persistent] of m._ownBuffers()) if (persistent) dest[prefix + k] = keepVars ? b : b.detach();
      for (const [name, child] of m._ownChildren()) visit(child, `${prefix}${name}.`);
      path.delete(m);
    };
    visit(this, options.prefix ?? '');
    return dest;
  }

  /**
   * Copies parameters and buffers from a state dict (ours, or PyTorch's as read by `load`).
   * With `strict` (default) missing or unexpected keys throw a `StateDictError` listing them;
   * shape mismatches always throw. Returns the missing and unexpected keys.
   *
   * @example
   * ```ts
   * const { missingKeys, unexpectedKeys } = model.loadStateDict(await load('resnet18.pth'), { strict: false });
   * ```
   */
  loadStateDict(stateDict: StateDict | Map<string, Tensor>, options: LoadStateDictOptions = {}): LoadStateDictResult {
    return loadModuleState(this, stateDict, options.strict ?? true);
  }

  /**
   * @internal Loads this module's own entries (`prefix + name`), recording missing keys and
   * errors. BatchNorm overrides it to accept checkpoints without `num_batches_tracked`.
   */
  _loadFromStateDict(dict: Map<string, unknown>, prefix: string, missing: string[], errors: LoadErrors): void {
    const entries: [string, Tensor][] = [...this._ownParameters(), ...this._ownBuffers().filter(([, , p]) => p).map(([k, v]) => [k, v] as [string, Tensor])];
    for (const [name, target] of entries) {
      const key = prefix + name;
      if (!dict.has(key)) {
        missing.push(key);
        continue;
      }
      errors.copy(key, dict.get(key), target);
    }
  }

  // ---- printing -----------------------------------------------------------------------------

  /**
   * The name `toString()` prints for this module (PyTorch's `_get_name()`): the class name. A
   * subclass overrides it to print another name, e.g. torchvision's `_DenseLayer` for a class
   * exported as `DenseLayer`.
   *
   * @example
   * ```ts
   * new nn.Linear(2, 3)._getName(); // 'Linear'
   * ```
   */
  _getName(): string {
    return this.constructor.name;
  }

  /** The module's settings shown inside its `toString()` (e.g. `in_features=10, ...`). */
  extraRepr(): string {
    return '';
  }

  /**
   * PyTorch's module text: the class, its settings and its children, indented.
   *
   * @example
   * ```ts
   * new nn.Sequential(new nn.Linear(10, 100), new nn.ReLU()).toString();
   * // Sequential(
   * //   (0): Linear(in_features=10, out_features=100, bias=True)
   * //   (1): ReLU()
   * // )
   * ```
   */
  toString(): string {
    const extra = this.extraRepr();
    const lines: string[] = extra ? extra.split('\n') : [];
    for (const [name, child] of this._ownChildren()) {
      const text = child.toString().split('\n').join('\n  ');
      lines.push(`(${name}): ${text}`);
    }
    let body = `${this._getName()}(`;
    if (lines.length > 0) {
      if (lines.length === 1 && extra && this._ownChildren().length === 0) body += lines[0];
      else body += `\n  ${lines.join('\n  ')}\n`;
    }
    return `${body})`;
  }

  /** @internal Node's util.inspect (console.log) shows the PyTorch-style text. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'object') return (v as object).constructor?.name ?? 'Object';
  return typeof v;
}

import { tf, type TfTensor } from '../backend/tfjs';
import { enableGrad, noGrad } from '../autograd/grad-mode';
import { hasOptionalKernel, OPTIONAL_KERNELS, runOptionalKernel } from '../backend/optional-kernels';
import { ShapeError } from '../errors/shape-error';
import { ValueError } from '../errors/value-error';
import { RemovableHandle } from '../nn/removable-handle';
import { Tensor } from '../tensor/tensor';
import { checkNonNegative } from './checks';
import { toCamel, toSnake } from './py-names';

/** Per-parameter optimizer state: tensors (moment estimates, buffers) and numbers (`step`). */
export type ParamState = Record<string, Tensor | number>;

/**
 * One parameter group: its parameters and the options that apply to them (`lr`, `momentum`,
 * ...). Schedulers and users may change the options between steps (`group.lr = 0.01`).
 */
export interface ParamGroup {
  /** The parameters this group's options apply to. */
  params: Tensor[];
  /** The learning rate. */
  lr: number;
  /** Other options (per optimizer) and values schedulers store (`initialLr`, `maxLr`, ...). */
  [option: string]: unknown;
}

/** A parameter group as passed to an optimizer: parameters plus any options to override. */
export type ParamGroupInput<O> = { params: Iterable<Tensor> } & Partial<O> & Record<string, unknown>;

/** What an optimizer takes: parameters, or parameter groups with their own options. */
export type ParamsInput<O> = Iterable<Tensor> | Iterable<ParamGroupInput<O>>;

/**
 * An optimizer's state in PyTorch's layout: per-parameter state keyed by the parameter's index
 * across groups, and the groups' options (snake_case, as `torch.optim` writes them) with the
 * indices of their parameters.
 */
export interface OptimizerStateDict {
  state: Record<number, Record<string, Tensor | number>>;
  param_groups: (Record<string, unknown> & { params: number[] })[];
}

/** Options of `Optimizer.zeroGrad`. */
export interface ZeroGradOptions {
  /**
   * Drop the gradients (`grad = null`, freeing their memory at once) instead of filling them
   * with zeros. @default true
   */
  setToNone?: boolean;
}

/**
 * @internal The fused optimizer steps a backend may register (@dl/backend-native's
 * `DL_KERNELS.sgdStep` and `adamStep`): a parameter's whole update in one pass.
 */
export const FUSED_STEP_KERNELS = {
  sgd: OPTIONAL_KERNELS.sgdStep,
  adam: OPTIONAL_KERNELS.adamStep,
} as const;

/** @internal One of the fused optimizer steps' names. */
export type FusedStepKernel = (typeof FUSED_STEP_KERNELS)[keyof typeof FUSED_STEP_KERNELS];

/** A hook run before or after each `step()`. */
export type OptimizerStepHook = (optimizer: Optimizer) => void;

/**
 * Base class of all optimizers (PyTorch's `torch.optim.Optimizer`): parameter groups with
 * per-group options, per-parameter state, `zeroGrad`, `step` and PyTorch-compatible state dicts.
 * Subclasses implement `_updateGroup`; updates run on raw TensorFlow.js values outside autograd.
 *
 * @example
 * ```ts
 * const opt = new optim.SGD([
 *   { params: model.backbone.parameters() },
 *   { params: model.head.parameters(), lr: 0.01 },
 * ], { lr: 0.1, momentum: 0.9 });
 * ```
 */
export abstract class Optimizer<O extends object = Record<string, unknown>> {
  /** The options each group starts from. */
  readonly defaults: Required<O>;
  /** The parameter groups, in order. */
  paramGroups: (ParamGroup & Required<O>)[] = [];
  /** Per-parameter state (moment buffers, step counts). */
  state = new Map<Tensor, ParamState>();
  /** @internal Incremented by each `step()` (schedulers check it). */
  _stepCount = 0;
  private readonly preHooks = new Map<number, OptimizerStepHook>();
  private readonly postHooks = new Map<number, OptimizerStepHook>();

  /** The optimizer's name in messages, e.g. `SGD` (a getter: the base constructor needs it). */
  protected abstract get name(): string;

  constructor(params: ParamsInput<O>, defaults: Required<O>) {
    this.defaults = defaults;
    const list = Array.from(params as Iterable<Tensor | ParamGroupInput<O>>);
    if (list.length === 0) throw new ValueError('optimizer got an empty parameter list');
    const groups: ParamGroupInput<O>[] = list[0] instanceof Tensor ? [{ params: list as Tensor[] } as unknown as ParamGroupInput<O>] : (list as ParamGroupInput<O>[]);
    for (const g of groups) this.addParamGroup(g);
  }

  /**
   * Adds a parameter group (for example layers unfrozen during fine-tuning); options it leaves
   * out come from the defaults.
   *
   * @example
   * ```ts
   * opt.addParamGroup({ params: model.layer4.parameters(), lr: 1e-4 });
   * ```
   */
  addParamGroup(group: ParamGroupInput<O>): void {
    if (group === null || typeof group !== 'object' || !('params' in group)) {
      throw new ValueError(`${this.name}: a parameter group must be an object with a 'params' entry`);
    }
    const raw = group.params as unknown;
    const params: unknown[] = raw instanceof Tensor ? [raw] : Array.from(raw as Iterable<unknown>);
    params.forEach((p, i) => {
      if (!(p instanceof Tensor)) throw new ValueError(`${this.name}: optimizer can only optimize Tensors, but parameter ${i} of the group is ${p === null ? 'null' : typeof p}`);
      if (!p.isLeaf) throw new ValueError(`${this.name}: can't optimize a non-leaf Tensor (parameter ${i} of the group)`);
      if (p.dtype !== 'float32') throw new ValueError(`${this.name}: can only optimize float32 tensors, but parameter ${i} of the group has dtype ${p.dtype}`);
    });
    const tensors = params as Tensor[];
    if (new Set(tensors).size !== tensors.length) throw new ValueError(`${this.name}: a parameter group contains the same parameter more than once`);
    const seen = new Set<Tensor>();
    for (const g of this.paramGroups) for (const p of g.params) seen.add(p);
    if (tensors.some((p) => seen.has(p))) throw new ValueError(`${this.name}: some parameters appear in more than one parameter group`);
    const full = { ...this.defaults, ...group, params: tensors } as ParamGroup & Required<O>;
    for (const key of Object.keys(this.defaults) as (keyof O & string)[]) {
      if (full[key] === undefined) throw new ValueError(`${this.name}: parameter group didn't specify a value of required optimization parameter ${key}`);
    }
    this.validateGroup(full);
    this.paramGroups.push(full);
  }

  /** Checks a group's options; throws ValueError naming the bad option and its value. */
  protected validateGroup(group: ParamGroup & Required<O>): void {
    checkNonNegative(this.name, 'learning rate', group.lr);
  }

  /**
   * Resets the gradients of all optimized parameters: drops them (default) or fills them with
   * zeros.
   *
   * @param options.setToNone drop the gradients instead of zeroing them. @default true
   * @example
   * ```ts
   * opt.zeroGrad();
   * loss.backward();
   * opt.step();
   * ```
   */
  zeroGrad(options: ZeroGradOptions = {}): void {
    const setToNone = options.setToNone ?? true;
    for (const group of this.paramGroups) {
      for (const p of group.params) {
        if (p.grad === null) continue;
        if (setToNone) {
          // Freed now rather than at garbage collection, so synchronous loops stay flat.
          p.grad.dispose();
          p.grad = null;
        } else {
          p.grad.detach_();
          p.grad._replaceValue(tf.keep(tf.zerosLike(p.grad._value)));
        }
      }
    }
  }

  /**
   * Performs one optimization step on every parameter that has a gradient. A `closure` that
   * re-evaluates the model and returns the loss is run first (with autograd on) and its result
   * returned.
   *
   * @example
   * ```ts
   * opt.step();
   * const loss = opt.step(() => { opt.zeroGrad(); const l = lossFn(model.forward(x), y); l.backward(); return l; });
   * ```
   */
  step<T = unknown>(closure?: () => T): T | undefined {
    let loss: T | undefined;
    if (closure) loss = enableGrad(closure);
    for (const hook of [...this.preHooks.values()]) hook(this as unknown as Optimizer);
    noGrad(() => {
      for (const group of this.paramGroups) this._updateGroup(group);
    });
    this._stepCount++;
    for (const hook of [...this.postHooks.values()]) hook(this as unknown as Optimizer);
    return loss;
  }

  /** @internal Applies one step of the update rule to every parameter of `group` that has a grad. */
  protected abstract _updateGroup(group: ParamGroup & Required<O>): void;

  /** Registers a hook run before each `step()`; returns a handle to remove it. */
  registerStepPreHook(hook: OptimizerStepHook): RemovableHandle {
    const h = new RemovableHandle(this.preHooks as Map<number, unknown>);
    this.preHooks.set(h.id, hook);
    return h;
  }

  /** Registers a hook run after each `step()`; returns a handle to remove it. */
  registerStepPostHook(hook: OptimizerStepHook): RemovableHandle {
    const h = new RemovableHandle(this.postHooks as Map<number, unknown>);
    this.postHooks.set(h.id, hook);
    return h;
  }

  /** @internal The state of `p`, created empty on first use. */
  protected stateOf(p: Tensor): ParamState {
    let s = this.state.get(p);
    if (s === undefined) {
      s = {};
      this.state.set(p, s);
    }
    return s;
  }

  /**
   * @internal Runs `compute` (raw tfjs, in a tidy) and writes the returned values into the
   * parameter and state tensors in place. Missing state tensors are created (kept from scopes).
   */
  protected _apply(p: Tensor, state: ParamState, compute: () => Record<string, TfTensor>): void {
    const out = tf.tidy(compute);
    for (const key of Object.keys(out)) {
      const v = tf.keep(out[key]);
      if (key === 'param') {
        p._replaceValue(v);
        continue;
      }
      const cur = state[key];
      if (cur instanceof Tensor) cur._replaceValue(v);
      else state[key] = Tensor._owned(v, true);
    }
  }

  /**
   * @internal Whether the active backend registers the fused step `name` (and optional kernels
   * are on, see `setOptionalKernelsEnabled`); the portable path runs otherwise.
   */
  protected _hasFusedStep(name: FusedStepKernel): boolean {
    return hasOptionalKernel(name);
  }

  /**
   * @internal Whether a fused step can take parameter `p` with these tensors (its gradient and
   * state; undefined ones are absent): all float32 with exactly the parameter's shape. Anything
   * else (a scalar state loaded from a checkpoint, say) keeps the portable path's broadcasting.
   */
  protected _fusable(p: Tensor, tensors: (Tensor | undefined)[]): boolean {
    for (const t of tensors) {
      if (t === undefined) continue;
      if (t.dtype !== 'float32' || !sameShape(t.shape, p.shape)) return false;
    }
    return true;
  }

  /**
   * @internal Runs the fused step `name` (check `_hasFusedStep` and `_fusable` first) inside
   * `_apply`: its outputs, in order, become `keys` (the first is `param`); a missing output
   * leaves its key out.
   */
  protected _applyFused(p: Tensor, state: ParamState, name: FusedStepKernel, inputs: Record<string, Tensor | undefined>, attrs: object, keys: readonly string[]): void {
    this._apply(p, state, () => {
      const raw: Record<string, TfTensor> = {};
      for (const [k, t] of Object.entries(inputs)) if (t !== undefined) raw[k] = t._value;
      // In place: the kernel may write into the parameter's and the state's own storage (only
      // arrays an earlier fused step made, that nothing else shares), as torch.optim does.
      const outs = runOptionalKernel(name, raw, { ...attrs, inPlace: true });
      const result: Record<string, TfTensor> = {};
      outs.forEach((t, i) => {
        if (i < keys.length) result[keys[i]] = t;
      });
      return result;
    });
  }

  /**
   * The optimizer's state in PyTorch's layout (`{state: {0: {...}}, param_groups: [{lr, ...,
   * params: [0, 1]}]}`), holding references to the state tensors. Save it with the model's.
   *
   * @example
   * ```ts
   * await save({ model: model.stateDict(), optimizer: opt.stateDict() }, 'ckpt.safetensors');
   * ```
   */
  stateDict(): OptimizerStateDict {
    const index = new Map<Tensor, number>();
    let next = 0;
    const paramGroups = this.paramGroups.map((g) => {
      const packed: Record<string, unknown> & { params: number[] } = { params: [] };
      for (const [k, v] of Object.entries(g)) {
        if (k === 'params' || typeof v === 'function') continue;
        packed[toSnake(k)] = Array.isArray(v) ? v.slice() : v;
      }
      packed.params = g.params.map((p) => {
        let i = index.get(p);
        if (i === undefined) {
          i = next++;
          index.set(p, i);
        }
        return i;
      });
      return packed;
    });
    const state: Record<number, Record<string, Tensor | number>> = {};
    for (const [p, s] of this.state) {
      const i = index.get(p);
      if (i === undefined) continue;
      const out: Record<string, Tensor | number> = {};
      for (const [k, v] of Object.entries(s)) out[toSnake(k)] = v;
      state[i] = out;
    }
    return { state, param_groups: paramGroups };
  }

  /**
   * Loads a state from `stateDict()` (or from PyTorch's `optimizer.state_dict()`); the groups
   * must match this optimizer's in number and size. State tensors are copied.
   *
   * @example
   * ```ts
   * opt.loadStateDict(checkpoint.optimizer);
   * ```
   */
  loadStateDict(stateDict: OptimizerStateDict): void {
    if (!stateDict || typeof stateDict !== 'object' || !Array.isArray(stateDict.param_groups) || typeof stateDict.state !== 'object' || stateDict.state === null) {
      throw new ValueError(`${this.name}.loadStateDict: expected an object with 'state' and 'param_groups' (as stateDict() returns)`);
    }
    const saved = stateDict.param_groups;
    if (saved.length !== this.paramGroups.length) {
      throw new ValueError(`${this.name}.loadStateDict: loaded state dict has a different number of parameter groups (expected ${this.paramGroups.length}, got ${saved.length})`);
    }
    const idMap = new Map<number, Tensor>();
    saved.forEach((sg, gi) => {
      const mine = this.paramGroups[gi].params;
      if (!Array.isArray(sg.params) || sg.params.length !== mine.length) {
        throw new ValueError(
          `${this.name}.loadStateDict: loaded state dict contains a parameter group that doesn't match the size of optimizer's group (group ${gi}: expected ${mine.length} parameters, got ${Array.isArray(sg.params) ? sg.params.length : 'none'})`,
        );
      }
      sg.params.forEach((id, i) => { idMap.set(Number(id), mine[i]); });
    });
    const newState = new Map<Tensor, ParamState>();
    for (const [key, value] of Object.entries(stateDict.state)) {
      const p = idMap.get(Number(key));
      if (p === undefined || value === null || typeof value !== 'object') continue;
      const s: ParamState = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const name = toCamel(k);
        if (v instanceof Tensor) {
          if (name === 'step') {
            s.step = v.item();
            continue;
          }
          if (v.numel() > 1 && !sameShape(v.shape, p.shape)) {
            throw new ShapeError(`${this.name}.loadStateDict: state '${k}' of parameter ${key} has shape [${v.shape.join(', ')}] but the parameter has shape [${p.shape.join(', ')}]`);
          }
          const value = v.dtype === 'float32' ? tf.clone(v._value) : tf.cast(v._value, 'float32');
          s[name] = Tensor._owned(value, true);
        } else if (typeof v === 'number') s[name] = v;
      }
      newState.set(p, s);
    }
    this.state = newState;
    this.paramGroups = saved.map((sg, gi) => {
      const group: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(sg)) if (k !== 'params') group[toCamel(k)] = Array.isArray(v) ? v.slice() : v;
      group.params = this.paramGroups[gi].params;
      return group as ParamGroup & Required<O>;
    });
  }

  /** PyTorch-style summary: the class and each group's options. */
  toString(): string {
    const lines = [`${this.name} (`];
    this.paramGroups.forEach((g, i) => {
      lines.push(`Parameter Group ${i}`);
      for (const k of Object.keys(g).sort()) {
        if (k === 'params') continue;
        const v = g[k];
        if (typeof v === 'function') continue;
        lines.push(`    ${k}: ${Array.isArray(v) ? `[${v.join(', ')}]` : String(v)}`);
      }
    });
    lines.push(')');
    return lines.join('\n');
  }
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

import { assertBackendReady } from '../backend/backend';
import { tf, type TfTensor } from '../backend/tfjs';
import { AccumulateGrad } from '../autograd/accumulate-grad';
import { runBackward } from '../autograd/backward';
import type { GradHook, Node } from '../autograd/node';
import { setTensorClass } from '../autograd/tensor-class';
import { ArgumentTypeError } from '../errors/argument-type-error';
import { AutogradError } from '../errors/autograd-error';
import { DTypeError } from '../errors/dtype-error';
import { IndexError } from '../errors/index-error';
import { ValueError } from '../errors/value-error';
import { disown, own, ownHost, registerValue, reown } from '../memory/ownership';
import type { HostArray } from './host-value';
import { describeArg } from './describe-arg';
import type { DType } from './dtype';
import { formatTensor } from './format';
import { copyOfStorage, readCopy } from './storage-copy';
import type { TensorArithmeticMethods } from '../ops/arithmetic/methods';
import type { TensorComparisonMethods } from '../ops/comparison/methods';
import type { TensorCreationMethods } from '../ops/creation/methods';
import type { TensorFunctionalMethods } from '../ops/functional/methods';
import type { TensorIndexingMethods } from '../ops/indexing/methods';
import type { TensorInplaceMethods } from '../ops/inplace/methods';
import type { TensorReductionMethods } from '../ops/reduction/methods';
import type { TensorShapeMethods } from '../ops/shape/methods';
import type { TensorUnaryMethods } from '../ops/unary/methods';

/** Nested arrays of numbers or booleans, as `tolist()` returns and `tensor()` accepts. */
export type NestedArray<T> = T | NestedArray<T>[];

/** Options of `Tensor.backward`. */
export interface BackwardOptions {
  /** Keep the graph so backward can run through it again. @default false */
  retainGraph?: boolean;
}

// The op methods are declared per op folder (ops/<area>/methods.ts, which also installs them on
// the prototype) and merged here, so bundled declaration files keep them.
export interface Tensor extends TensorArithmeticMethods, TensorComparisonMethods, TensorCreationMethods, TensorFunctionalMethods, TensorIndexingMethods, TensorInplaceMethods, TensorReductionMethods, TensorShapeMethods, TensorUnaryMethods {}

/**
 * A multi-dimensional array with autograd, mirroring `torch.Tensor`. Values live in a
 * TensorFlow.js tensor on the active backend; the wrapper owns it and frees it when it is
 * garbage collected (or on `dispose()`). Ops are methods (`x.add(y)`) and functions
 * (`dl.add(x, y)`).
 *
 * @example
 * ```ts
 * const x = dl.tensor([[1, 2], [3, 4]], { requiresGrad: true });
 * const y = x.mul(x).sum();
 * y.backward();
 * x.grad!.tolist(); // [[2, 4], [6, 8]]
 * ```
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface above only adds the op methods, which ops/<area>/methods.ts installs on the prototype.
export class Tensor {
  /**
   * @internal The owned TensorFlow.js value, or null while the values live only in `_h` (small
   * tensors made from JavaScript data and the ops on them: see `tensor/host-value.ts`).
   */
  _tf: TfTensor | null;
  /**
   * @internal The values on the JavaScript heap, for small tensors: never mutated (in-place ops
   * replace the whole value through `_replaceValue`, which drops it). Kept beside `_tf` once the
   * tensor is handed to the backend, so reads stay free.
   */
  _h: HostArray | null = null;
  /** @internal The shape (shared, never mutated: `shape` returns a copy). */
  _shape: number[];
  /** @internal */
  _dtype: DType;
  /** @internal */
  _disposed = false;
  /** @internal */
  _requiresGrad = false;
  /** @internal The node that made this tensor (null for leaves). */
  _gradFn: Node | null = null;
  /** @internal Bumped by every in-place change; saved tensors check it at backward time. */
  _version = 0;
  /** @internal */
  _accumulator: AccumulateGrad | null = null;
  /** @internal Survives `scope()` (parameters, grads, optimizer state). */
  _kept = false;
  /** The gradient accumulated by `backward()` (leaves, and tensors that called `retainGrad()`). */
  grad: Tensor | null = null;

  /** @internal Use `dl.tensor()` and the other creation functions. */
  constructor(value: TfTensor | null, host?: HostArray, shape?: number[], dtype?: DType) {
    if (value === null) {
      this._tf = null;
      this._h = host!;
      this._shape = shape!;
      this._dtype = dtype!;
      ownHost(this);
    } else {
      this._tf = value;
      this._shape = value.shape;
      this._dtype = value.dtype as DType;
      own(this, value);
    }
  }

  /** @internal Wraps a tfjs value this wrapper will own. */
  static _owned(value: TfTensor, kept = false): Tensor {
    const t = new Tensor(value);
    if (kept) t._kept = true;
    return t;
  }

  /**
   * @internal Wraps values on the JavaScript heap (the array is taken over and must not be
   * changed afterwards). The backend gets a copy only when an op needs it.
   */
  static _fromHost(data: HostArray, shape: number[], dtype: DType): Tensor {
    return new Tensor(null, data, shape, dtype);
  }

  /** @internal The TensorFlow.js value (made on the backend on first use for host tensors). */
  get _value(): TfTensor {
    const v = this._tf;
    if (v !== null) return v;
    return this._materialize();
  }

  /** @internal */
  set _value(value: TfTensor) {
    this._tf = value;
    this._h = null;
    this._shape = value.shape;
    this._dtype = value.dtype as DType;
  }

  /** @internal */
  _materialize(): TfTensor {
    const h = this._h;
    if (h === null || this._disposed) {
      throw new ValueError('this tensor was disposed (by dispose() or by the end of the scope() that made it); use keep() to let a tensor outlive its scope');
    }
    assertBackendReady();
    // keep(): a host tensor first used inside a tf.tidy (a backward rule) outlives that tidy.
    const v = tf.keep(tf.tensor(h, this._shape, this._dtype));
    this._tf = v;
    registerValue(this, v);
    return v;
  }

  /** The size of each dimension. */
  get shape(): number[] {
    return this._shape.slice();
  }

  /** The element type. */
  get dtype(): DType {
    return this._dtype;
  }

  /** The number of dimensions (PyTorch's `ndim`). */
  get ndim(): number {
    return this._shape.length;
  }

  /** The number of dimensions. */
  dim(): number {
    return this._shape.length;
  }

  /** The number of elements. */
  numel(): number {
    const h = this._h;
    if (h !== null) return h.length;
    return this._value.size;
  }

  /** The whole shape, or the size of one dimension (negative counts from the end). */
  size(): number[];
  size(dim: number): number;
  size(dim?: number): number[] | number {
    if (dim === undefined) return this.shape;
    return this._shape[this._normDim(dim, 'size')];
  }

  /** @internal Resolves a possibly negative dim, with a typed error when out of range. */
  _normDim(dim: number, op: string, rank = this._shape.length): number {
    const lo = -Math.max(rank, 1);
    const hi = Math.max(rank, 1) - 1;
    if (typeof dim !== 'number') throw new ArgumentTypeError(`${op}: expected dim to be an integer, got ${describeArg(dim)}`);
    if (!Number.isInteger(dim) || dim < lo || dim > hi) {
      throw new IndexError(`${op}: dimension out of range (expected to be in range of [${lo}, ${hi}], but got ${dim})`);
    }
    return dim < 0 ? dim + Math.max(rank, 1) : dim;
  }

  /** Whether autograd records operations on this tensor. */
  get requiresGrad(): boolean {
    return this._requiresGrad;
  }

  set requiresGrad(value: boolean) {
    this.requiresGrad_(value);
  }

  /**
   * Sets `requiresGrad` in place and returns this tensor. `requiresGrad_(false)` freezes a
   * parameter. Only leaves can change it; only float tensors can require grad.
   */
  requiresGrad_(requiresGrad = true): this {
    if (typeof requiresGrad !== 'boolean') throw new ArgumentTypeError(`requiresGrad_: expected requiresGrad to be a boolean, got ${describeArg(requiresGrad)}`);
    if (!this.isLeaf) {
      if (!requiresGrad) {
        throw new AutogradError('you can only change requiresGrad flags of leaf variables. If you want to use a computed variable in a subgraph that does not require differentiation use detach()');
      }
      return this;
    }
    if (requiresGrad && this.dtype !== 'float32') {
      throw new DTypeError(`only Tensors of floating point dtype can require gradients (got dtype ${this.dtype})`);
    }
    this._requiresGrad = requiresGrad;
    return this;
  }

  /** True for tensors made by the user (not by an op that recorded history). */
  get isLeaf(): boolean {
    return this._gradFn === null;
  }

  /** The backward node that made this tensor, or null for leaves (PyTorch's `grad_fn`). */
  get gradFn(): Node | null {
    return this._gradFn;
  }

  /** @internal The leaf's gradient accumulator, made on first use. */
  _getAccumulator(): AccumulateGrad {
    if (this._accumulator === null) this._accumulator = new AccumulateGrad(this);
    return this._accumulator;
  }

  /** Keeps `.grad` for this non-leaf tensor after `backward()`. */
  retainGrad(): void {
    if (this.isLeaf) return;
    if (!this._requiresGrad) throw new AutogradError("can't retain_grad on Tensor that has requires_grad=False");
    this._gradFn!.retained = this;
  }

  /**
   * Registers a hook called with this tensor's gradient during backward; it may return a
   * replacement gradient. Returns a function that removes the hook.
   */
  registerHook(hook: GradHook): () => void {
    if (!this._requiresGrad) throw new AutogradError("cannot register a hook on a tensor that doesn't require gradient");
    const node: Node = this._gradFn ?? this._getAccumulator();
    node.hooks ??= [];
    node.hooks.push(hook);
    return () => {
      const i = node.hooks?.indexOf(hook) ?? -1;
      if (i >= 0) node.hooks!.splice(i, 1);
    };
  }

  /**
   * Computes the gradient of this tensor with respect to the graph leaves and accumulates it in
   * their `.grad`. A non-scalar tensor needs `gradient` (same shape).
   *
   * @example
   * ```ts
   * const loss = model.forward(x).sum();
   * loss.backward();
   * ```
   */
  backward(gradient?: Tensor | null, options: BackwardOptions = {}): void {
    runBackward([this], gradient ? [gradient] : [null], options.retainGraph ?? false, null);
  }

  /** A new tensor sharing this value, cut from the graph (`requiresGrad` false). */
  detach(): Tensor {
    const h = this._h;
    if (h !== null) {
      this._assertAlive('detach');
      return Tensor._fromHost(h, this._shape, this._dtype);
    }
    return Tensor._owned(tf.clone(this._value));
  }

  /** Cuts this tensor from the graph in place, making it a leaf. */
  detach_(): this {
    this._gradFn = null;
    this._requiresGrad = false;
    return this;
  }

  /** The single value of a one-element tensor, as a JavaScript number (or boolean for bool). */
  item(): number {
    this._assertAlive('item');
    const n = this.numel();
    if (n !== 1) {
      throw new ValueError(`a Tensor with ${n} elements cannot be converted to Scalar`);
    }
    const h = this._h;
    const v = h !== null ? h[0] : this._value.dataSync()[0];
    return v as number;
  }

  /** The values as nested arrays (booleans for bool tensors). */
  tolist(): NestedArray<number> | NestedArray<boolean> {
    this._assertAlive('tolist');
    const flat = this._h ?? this._value.dataSync();
    const shape = this._shape;
    const isBool = this.dtype === 'bool';
    let pos = 0;
    const build = (d: number): NestedArray<number> | NestedArray<boolean> => {
      if (d === shape.length) {
        const v = flat[pos++] as number;
        return isBool ? v !== 0 : v;
      }
      const out: (NestedArray<number> | NestedArray<boolean>)[] = [];
      for (let i = 0; i < shape[d]; i++) out.push(build(d + 1));
      return out as NestedArray<number>;
    };
    return build(0);
  }

  /** The values as a flat typed array (a copy), synchronously. */
  dataSync(): Float32Array | Int32Array | Uint8Array {
    this._assertAlive('dataSync');
    const h = this._h;
    if (h !== null) return h.slice();
    return copyOfStorage(this._value, this._value.dataSync() as Float32Array | Int32Array | Uint8Array);
  }

  /** The values as a flat typed array (a copy), without blocking on async backends. */
  async data(): Promise<Float32Array | Int32Array | Uint8Array> {
    this._assertAlive('data');
    const h = this._h;
    if (h !== null) return h.slice();
    return readCopy(this._value);
  }

  /** Frees the values now instead of at garbage collection. Using the tensor later throws. */
  dispose(): void {
    const v = this._tf;
    if (v !== null) {
      if (!v.isDisposed) v.dispose();
      disown(this);
    }
    this._h = null;
    this._disposed = true;
  }

  /** Whether `dispose()` ran (or a scope ended that owned this tensor). */
  get isDisposed(): boolean {
    const v = this._tf;
    return this._disposed || v?.isDisposed === true;
  }

  /** @internal */
  _assertAlive(op: string): void {
    if (this.isDisposed) {
      throw new ValueError(`${op}: this tensor was disposed (by dispose() or by the end of the scope() that made it); use keep() to let a tensor outlive its scope`);
    }
  }

  /**
   * @internal Replaces the value in place (the old one is freed) and bumps the version, as an
   * in-place op does.
   */
  _replaceValue(value: TfTensor): void {
    const old = this._tf;
    this._value = value;
    this._disposed = false;
    this._version++;
    reown(this, value);
    if (old !== null && old !== value && !old.isDisposed) old.dispose();
  }

  /** @internal `_replaceValue` for a host result of the same shape and dtype. */
  _replaceHost(data: HostArray): void {
    const old = this._tf;
    if (old !== null) {
      disown(this);
      if (!old.isDisposed) old.dispose();
    }
    this._tf = null;
    this._h = data;
    this._disposed = false;
    this._version++;
  }

  /** PyTorch-style text: `tensor([[1., 2.]], requiresGrad=true)`. */
  toString(): string {
    if (this.isDisposed) return 'tensor(<disposed>)';
    const extras: string[] = [];
    if (this.dtype === 'int32' && this.numel() > 0) extras.push('dtype=int32');
    if (this._gradFn) extras.push(`gradFn=<${this._gradFn.name}>`);
    else if (this._requiresGrad) extras.push('requiresGrad=true');
    return formatTensor(this._shape, this.dtype, this._h ?? this._value.dataSync(), extras);
  }

  /** @internal Node's util.inspect (console.log) shows the PyTorch-style text. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

// The autograd engine makes Tensors through this (see autograd/tensor-class.ts).
setTensorClass(Tensor);

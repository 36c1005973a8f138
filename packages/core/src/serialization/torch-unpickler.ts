import { CheckpointError } from './checkpoint-error';
import { isPlainObject } from './checkpoint-value';
import { ELEMENT_SIZE, type FileDType } from './element-types';
import { PyGlobal, setKey, type UnpicklerHooks } from './pickle-reader';
import type { StorageData } from './tensor-view';
import { UnpicklingError } from './unpickling-error';

/**
 * @internal A storage a persistent id named. Root storages get `data` when their bytes are known
 * (legacy files: only after the pickle); views of another storage (`base`, from byte
 * `byteOffset`) read through it, possibly as another dtype.
 */
export class StorageRef {
  data: StorageData | null = null;
  constructor(
    readonly key: string,
    readonly dtype: FileDType,
    readonly numel: number,
    readonly base: StorageRef | null = null,
    readonly byteOffset = 0,
  ) {}

  /** The readable data, or null while the bytes are still unknown. */
  resolve(): StorageData | null {
    if (!this.base) return this.data;
    const b = this.base.resolve();
    if (!b) return null;
    const size = ELEMENT_SIZE[this.dtype];
    const baseSize = ELEMENT_SIZE[b.dtype];
    const at = this.byteOffset;
    if (at + this.numel * size > b.numel * baseSize) {
      throw new CheckpointError(`storage '${this.key}' (${this.numel} x ${this.dtype} at byte ${at}) does not fit in storage '${this.base.key}' of ${b.numel * baseSize} bytes`);
    }
    return {
      dtype: this.dtype,
      numel: this.numel,
      littleEndian: b.littleEndian,
      read: (start, count) => {
        const first = at + start * size;
        const bytes = b.read(Math.floor(first / baseSize), Math.ceil((first + count * size) / baseSize) - Math.floor(first / baseSize));
        const skip = first % baseSize;
        return bytes.subarray(skip, skip + count * size);
      },
    };
  }
}

/** @internal A tensor described by the pickle, made into a `Tensor` once every storage is readable. */
export class PendingTensor {
  constructor(
    readonly storage: StorageRef,
    readonly offset: unknown,
    readonly size: unknown,
    readonly stride: unknown,
    public requiresGrad: boolean,
  ) {}
}

const STORAGE_TYPES: Record<string, FileDType | 'untyped'> = {
  FloatStorage: 'float32',
  DoubleStorage: 'float64',
  HalfStorage: 'float16',
  BFloat16Storage: 'bfloat16',
  LongStorage: 'int64',
  IntStorage: 'int32',
  ShortStorage: 'int16',
  CharStorage: 'int8',
  ByteStorage: 'uint8',
  BoolStorage: 'bool',
  UntypedStorage: 'untyped',
};

const UNSUPPORTED_STORAGES = ['ComplexFloatStorage', 'ComplexDoubleStorage', 'QInt8Storage', 'QUInt8Storage', 'QInt32Storage', 'QUInt4x2Storage', 'QUInt2x4Storage'];

const DTYPES: Record<string, FileDType> = {
  float32: 'float32',
  float: 'float32',
  float64: 'float64',
  double: 'float64',
  float16: 'float16',
  half: 'float16',
  bfloat16: 'bfloat16',
  float8_e4m3fn: 'float8_e4m3fn',
  float8_e5m2: 'float8_e5m2',
  int64: 'int64',
  long: 'int64',
  int32: 'int32',
  int: 'int32',
  int16: 'int16',
  short: 'int16',
  int8: 'int8',
  uint8: 'uint8',
  uint16: 'uint16',
  uint32: 'uint32',
  uint64: 'uint64',
  bool: 'bool',
};

const NUMPY_TYPES: Record<string, FileDType> = {
  f8: 'float64',
  f4: 'float32',
  f2: 'float16',
  i8: 'int64',
  i4: 'int32',
  i2: 'int16',
  i1: 'int8',
  u8: 'uint64',
  u4: 'uint32',
  u2: 'uint16',
  u1: 'uint8',
  b1: 'bool',
};

/** A global that only marks a type (storage class, dtype, tensor class); it cannot be called. */
class TypeMarker extends PyGlobal {
  constructor(
    qualname: string,
    readonly fileDType: FileDType | 'untyped' | null,
  ) {
    super(qualname, null);
  }
}

/** numpy.dtype(...) before and after its BUILD (which carries the byte order). */
class NumpyDType {
  littleEndian = true;
  constructor(readonly dtype: FileDType | null, readonly code: string) {}
}

/** numpy.core.multiarray._reconstruct(ndarray, ...) before its BUILD fills it. */
class NumpyArray {
  pending: PendingTensor | null = null;
}

function expectStorage(v: unknown, fn: string): StorageRef {
  if (!(v instanceof StorageRef)) throw new UnpicklingError(`${fn}: expected a storage as the first argument (got ${typeof v})`);
  return v;
}

function expectTensor(v: unknown, fn: string): PendingTensor {
  if (v instanceof PendingTensor) return v;
  if (v instanceof NumpyArray && v.pending) return v.pending;
  throw new UnpicklingError(`${fn}: expected a tensor argument (got ${typeof v})`);
}

/** @internal What the torch hooks need from the file format: how to resolve a storage's bytes. */
export interface TorchHookOptions {
  /** Called for each `('storage', type, key, location, numel, ...)` persistent id; returns the storage. */
  storage(key: string, dtype: FileDType, numel: number, rest: unknown[]): StorageRef;
  /** Where storages made inline (numpy arrays) get unique keys. */
  name: string;
}

function latin1Bytes(s: string, fn: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 255) throw new UnpicklingError(`${fn}: character U+${c.toString(16)} is not latin-1`);
    out[i] = c;
  }
  return out;
}

function inlineStorage(bytes: Uint8Array, dtype: FileDType, littleEndian: boolean, key: string): StorageRef {
  const size = ELEMENT_SIZE[dtype];
  const ref = new StorageRef(key, dtype, Math.floor(bytes.length / size));
  ref.data = { dtype, numel: ref.numel, littleEndian, read: (start, count) => bytes.subarray(start * size, (start + count) * size) };
  return ref;
}

/**
 * @internal The allow-list PyTorch checkpoints need, as unpickler hooks: tensor rebuild
 * functions, storage types and dtypes, `collections.OrderedDict`, `torch.Size`, sets, bytes,
 * and numpy scalars/arrays (as training scripts save them). Anything else, such as
 * `os.system`, `builtins.eval` or `subprocess.Popen`, is an `UnpicklingError` naming it.
 */
export function torchHooks(options: TorchHookOptions): UnpicklerHooks {
  const orderedDicts = new WeakSet<object>();
  let inline = 0;

  const rebuildV2 = (fn: string) =>
    new PyGlobal(fn, (args) => {
      if (args.length < 4) throw new UnpicklingError(`${fn}: expected at least 4 arguments (got ${args.length})`);
      const requiresGrad = args[4] === true;
      return new PendingTensor(expectStorage(args[0], fn), args[1], args[2], args[3], requiresGrad);
    });

  const table: Record<string, () => PyGlobal> = {
    'collections.OrderedDict': () =>
      new PyGlobal('collections.OrderedDict', (args) => {
        const d: Record<string, unknown> = {};
        orderedDicts.add(d);
        if (args.length > 0 && args[0] !== null) {
          if (!Array.isArray(args[0])) throw new UnpicklingError('collections.OrderedDict: expected a list of (key, value) pairs');
          for (const pair of args[0]) {
            if (!Array.isArray(pair) || pair.length !== 2) throw new UnpicklingError('collections.OrderedDict: expected (key, value) pairs');
            if (typeof pair[0] !== 'string') throw new UnpicklingError('collections.OrderedDict: keys must be strings');
            setKey(d, pair[0], pair[1]);
          }
        }
        return d;
      }),
    'torch._utils._rebuild_tensor': () => rebuildV2('torch._utils._rebuild_tensor'),
    'torch._utils._rebuild_tensor_v2': () => rebuildV2('torch._utils._rebuild_tensor_v2'),
    'torch._utils._rebuild_tensor_v3': () =>
      new PyGlobal('torch._utils._rebuild_tensor_v3', (args) => {
        const fn = 'torch._utils._rebuild_tensor_v3';
        if (args.length < 7) throw new UnpicklingError(`${fn}: expected at least 7 arguments (got ${args.length})`);
        const raw = expectStorage(args[0], fn);
        const marker = args[6];
        if (!(marker instanceof TypeMarker) || marker.fileDType === null || marker.fileDType === 'untyped') {
          throw new UnpicklingError(`${fn}: expected a dtype as the 7th argument`);
        }
        const dtype = marker.fileDType;
        const typed = raw.dtype === dtype ? raw : new StorageRef(raw.key, dtype, Math.floor((raw.numel * ELEMENT_SIZE[raw.dtype]) / ELEMENT_SIZE[dtype]), raw);
        return new PendingTensor(typed, args[1], args[2], args[3], args[4] === true);
      }),
    'torch._utils._rebuild_parameter': () =>
      new PyGlobal('torch._utils._rebuild_parameter', (args) => {
        const t = expectTensor(args[0], 'torch._utils._rebuild_parameter');
        t.requiresGrad = args[1] !== false;
        return t;
      }),
    'torch._utils._rebuild_parameter_with_state': () =>
      new PyGlobal('torch._utils._rebuild_parameter_with_state', (args) => {
        const t = expectTensor(args[0], 'torch._utils._rebuild_parameter_with_state');
        t.requiresGrad = args[1] !== false;
        return t;
      }),
    'torch.nn.parameter.Parameter': () =>
      new PyGlobal('torch.nn.parameter.Parameter', (args) => {
        const t = expectTensor(args[0], 'torch.nn.parameter.Parameter');
        t.requiresGrad = args.length < 2 || args[1] !== false;
        return t;
      }),
    'torch._tensor._rebuild_from_type_v2': () =>
      new PyGlobal('torch._tensor._rebuild_from_type_v2', (args) => {
        const [func, newType, fnArgs] = args;
        const fn = 'torch._tensor._rebuild_from_type_v2';
        if (!(func instanceof PyGlobal) || func.call === null) throw new UnpicklingError(`${fn}: the rebuild function is not callable`);
        if (!(newType instanceof TypeMarker) || (newType.qualname !== 'torch.Tensor' && newType.qualname !== 'torch.nn.parameter.Parameter')) {
          throw new UnpicklingError(`${fn}: only torch.Tensor and torch.nn.Parameter can be rebuilt`);
        }
        if (!Array.isArray(fnArgs)) throw new UnpicklingError(`${fn}: expected a tuple of arguments`);
        return func.call(fnArgs);
      }),
    'torch.Tensor': () => new TypeMarker('torch.Tensor', null),
    'torch.Size': () =>
      new PyGlobal('torch.Size', (args) => {
        if (args.length !== 1 || !Array.isArray(args[0])) throw new UnpicklingError('torch.Size: expected one tuple of sizes');
        return args[0].slice();
      }),
    'torch.device': () =>
      new PyGlobal('torch.device', (args) => {
        if (typeof args[0] !== 'string') throw new UnpicklingError('torch.device: expected a device string');
        return typeof args[1] === 'number' ? `${args[0]}:${args[1]}` : args[0];
      }),
    'builtins.set': () => new PyGlobal('builtins.set', (args) => (Array.isArray(args[0]) ? args[0].slice() : [])),
    'builtins.frozenset': () => new PyGlobal('builtins.frozenset', (args) => (Array.isArray(args[0]) ? args[0].slice() : [])),
    'builtins.bytearray': () =>
      new PyGlobal('builtins.bytearray', (args) => {
        if (args.length === 0) return new Uint8Array(0);
        if (args[0] instanceof Uint8Array) return args[0].slice();
        if (typeof args[0] === 'string') return latin1Bytes(args[0], 'builtins.bytearray');
        throw new UnpicklingError('builtins.bytearray: expected bytes or a latin-1 string');
      }),
    '_codecs.encode': () =>
      new PyGlobal('_codecs.encode', (args) => {
        const [text, encoding] = args;
        if (typeof text !== 'string' || (encoding !== 'latin1' && encoding !== 'latin-1')) {
          throw new UnpicklingError(`_codecs.encode: only latin-1 strings are accepted (as pickle writes bytes), got encoding ${String(encoding)}`);
        }
        return latin1Bytes(text, '_codecs.encode');
      }),
    'numpy.dtype': () =>
      new PyGlobal('numpy.dtype', (args) => {
        const code = typeof args[0] === 'string' ? args[0] : '';
        return new NumpyDType(NUMPY_TYPES[code] ?? null, code);
      }),
    'numpy.ndarray': () => new TypeMarker('numpy.ndarray', null),
    'numpy.core.multiarray.scalar': () => numpyScalar('numpy.core.multiarray.scalar'),
    'numpy._core.multiarray.scalar': () => numpyScalar('numpy._core.multiarray.scalar'),
    'numpy.core.multiarray._reconstruct': () => numpyReconstruct('numpy.core.multiarray._reconstruct'),
    'numpy._core.multiarray._reconstruct': () => numpyReconstruct('numpy._core.multiarray._reconstruct'),
  };

  function numpyScalar(fn: string): PyGlobal {
    return new PyGlobal(fn, (args) => {
      const [dt, data] = args;
      if (!(dt instanceof NumpyDType) || dt.dtype === null) throw new UnpicklingError(`${fn}: unsupported numpy dtype '${dt instanceof NumpyDType ? dt.code : typeof dt}'`);
      const bytes = data instanceof Uint8Array ? data : typeof data === 'string' ? latin1Bytes(data, fn) : null;
      if (!bytes || bytes.length !== ELEMENT_SIZE[dt.dtype]) throw new UnpicklingError(`${fn}: expected ${ELEMENT_SIZE[dt.dtype]} bytes for a ${dt.code} scalar`);
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
      const le = dt.littleEndian;
      switch (dt.dtype) {
        case 'float64': return view.getFloat64(0, le);
        case 'float32': return view.getFloat32(0, le);
        case 'int64': { const v = view.getBigInt64(0, le); return Number.isSafeInteger(Number(v)) ? Number(v) : v; }
        case 'uint64': { const v = view.getBigUint64(0, le); return Number.isSafeInteger(Number(v)) ? Number(v) : v; }
        case 'int32': return view.getInt32(0, le);
        case 'uint32': return view.getUint32(0, le);
        case 'int16': return view.getInt16(0, le);
        case 'uint16': return view.getUint16(0, le);
        case 'int8': return view.getInt8(0);
        case 'uint8': return view.getUint8(0);
        case 'bool': return view.getUint8(0) !== 0;
        default: {
          // float16: decode through the tensor path's table.
          const bits = view.getUint16(0, le);
          const s = bits & 0x8000 ? -1 : 1;
          const e = (bits >> 10) & 0x1f;
          const m = bits & 0x3ff;
          return e === 0 ? s * m * 2 ** -24 : e === 31 ? (m ? NaN : s * Infinity) : s * (1 + m / 1024) * 2 ** (e - 15);
        }
      }
    });
  }

  function numpyReconstruct(fn: string): PyGlobal {
    return new PyGlobal(fn, (args) => {
      if (!(args[0] instanceof TypeMarker) || args[0].qualname !== 'numpy.ndarray') throw new UnpicklingError(`${fn}: only numpy.ndarray can be reconstructed`);
      return new NumpyArray();
    });
  }

  return {
    findGlobal(module, name) {
      const qual = `${module}.${name}`;
      const make = table[qual];
      if (make) return make();
      if (module === 'torch') {
        if (name in STORAGE_TYPES) return new TypeMarker(qual, STORAGE_TYPES[name]);
        if (name in DTYPES) return new TypeMarker(qual, DTYPES[name]);
        if (UNSUPPORTED_STORAGES.includes(name)) throw new UnpicklingError(`tensors of torch.${name} are not supported (complex and quantized tensors have no @dl/core dtype)`, { global: qual });
      }
      throw new UnpicklingError(
        `refusing global '${qual}': checkpoints may only rebuild tensors, dicts, lists, tuples and primitives (nothing in the file is executed)`,
        { global: qual },
      );
    },
    persistentLoad(pid) {
      const kind = Array.isArray(pid) ? (pid[0] instanceof Uint8Array ? String.fromCharCode(...pid[0]) : pid[0]) : pid;
      if (kind !== 'storage') throw new UnpicklingError(`only storages may be loaded by persistent id (got ${typeof kind === 'string' ? `'${kind.slice(0, 40)}'` : typeof kind})`);
      if (!Array.isArray(pid) || pid.length < 5) throw new UnpicklingError(`persistent id must be a ('storage', type, key, location, size) tuple`);
      const [, type, key, , numel, ...rest] = pid;
      if (!(type instanceof TypeMarker) || type.fileDType === null) throw new UnpicklingError('persistent id: the storage type is not a torch storage class');
      if (typeof key !== 'string') throw new UnpicklingError('persistent id: the storage key must be a string');
      if (typeof numel !== 'number' || !Number.isSafeInteger(numel) || numel < 0) throw new UnpicklingError(`persistent id: storage '${key}' has an invalid size ${String(numel)}`);
      return options.storage(key, type.fileDType === 'untyped' ? 'uint8' : type.fileDType, numel, rest);
    },
    build(target, state) {
      if (isPlainObject(target) && orderedDicts.has(target)) return true; // instance attributes such as `_metadata`: not kept
      if (target instanceof NumpyDType) {
        if (Array.isArray(state) && typeof state[1] === 'string') target.littleEndian = state[1] !== '>';
        return true;
      }
      if (target instanceof NumpyArray) {
        if (!Array.isArray(state) || state.length < 5) throw new UnpicklingError('numpy array state must be (version, shape, dtype, fortran, data)');
        const [, shape, dt, fortran, data] = state;
        if (!(dt instanceof NumpyDType) || dt.dtype === null) throw new UnpicklingError(`numpy arrays of dtype '${dt instanceof NumpyDType ? dt.code : '?'}' are not supported (object arrays would run code)`);
        const bytes = data instanceof Uint8Array ? data : typeof data === 'string' ? latin1Bytes(data, 'numpy.ndarray') : null;
        if (!bytes) throw new UnpicklingError('numpy array data must be bytes');
        if (!Array.isArray(shape)) throw new UnpicklingError('numpy array shape must be a tuple');
        const dims = shape as number[];
        const ref = inlineStorage(bytes, dt.dtype, dt.littleEndian, `${options.name}:numpy-${inline++}`);
        const stride = new Array<number>(dims.length);
        if (fortran) for (let d = 0, s = 1; d < dims.length; d++) (stride[d] = s), (s *= Number(dims[d]));
        else for (let d = dims.length - 1, s = 1; d >= 0; d--) (stride[d] = s), (s *= Number(dims[d]));
        target.pending = new PendingTensor(ref, 0, dims, stride, false);
        return true;
      }
      return false;
    },
  };
}

/** @internal Resolves numpy arrays left as placeholders into their pending tensors. */
export function pendingOf(v: unknown): PendingTensor | null {
  if (v instanceof PendingTensor) return v;
  if (v instanceof NumpyArray) {
    if (!v.pending) throw new UnpicklingError('numpy array without data (its BUILD is missing)');
    return v.pending;
  }
  return null;
}

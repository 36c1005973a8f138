import { isPlainObject } from './checkpoint-value';
import { ELEMENT_SIZE, type FileDType } from './element-types';
import { buildNumpy, NUMPY_GLOBALS, numpyPending } from './numpy-globals';
import { PyGlobal, type UnpicklerHooks } from './pickle-reader';
import { latin1Bytes, setKey } from './pickle-text';
import { PendingTensor, StorageRef } from './storage-ref';
import { UnpicklingError } from './unpickling-error';

export { PendingTensor, StorageRef } from './storage-ref';

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

/** A global that only marks a type (storage class, dtype, tensor class); it cannot be called. */
class TypeMarker extends PyGlobal {
  constructor(
    qualname: string,
    readonly fileDType: FileDType | 'untyped' | null,
  ) {
    super(qualname, null);
  }
}

function expectStorage(v: unknown, fn: string): StorageRef {
  if (!(v instanceof StorageRef)) throw new UnpicklingError(`${fn}: expected a storage as the first argument (got ${typeof v})`);
  return v;
}

function expectTensor(v: unknown, fn: string): PendingTensor {
  if (v instanceof PendingTensor) return v;
  const np = numpyPending(v);
  if (np) return np;
  throw new UnpicklingError(`${fn}: expected a tensor argument (got ${typeof v})`);
}

/** @internal What the torch hooks need from the file format: how to resolve a storage's bytes. */
export interface TorchHookOptions {
  /** Called for each `('storage', type, key, location, numel, ...)` persistent id; returns the storage. */
  storage(key: string, dtype: FileDType, numel: number, rest: unknown[]): StorageRef;
  /** Where storages made inline (numpy arrays) get unique keys. */
  name: string;
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
    ...NUMPY_GLOBALS,
  };

  return {
    findGlobal(module, name) {
      const qual = `${module}.${name}`;
      const make = Object.hasOwn(table, qual) ? table[qual] : undefined;
      if (make) return make();
      if (module === 'torch') {
        if (Object.hasOwn(STORAGE_TYPES, name)) return new TypeMarker(qual, STORAGE_TYPES[name]);
        if (Object.hasOwn(DTYPES, name)) return new TypeMarker(qual, DTYPES[name]);
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
      if (buildNumpy(target, state, `${options.name}:numpy-${inline}`)) {
        inline++;
        return true;
      }
      return false;
    },
  };
}

/** @internal The pending tensor a value stands for (a tensor or a numpy array), or null. */
export function pendingOf(v: unknown): PendingTensor | null {
  return v instanceof PendingTensor ? v : numpyPending(v);
}

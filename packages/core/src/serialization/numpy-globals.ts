import { ELEMENT_SIZE, type FileDType } from './element-types';
import { PyGlobal } from './pickle-reader';
import { latin1Bytes } from './pickle-text';
import { PendingTensor, StorageRef } from './storage-ref';
import { UnpicklingError } from './unpickling-error';

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

/** numpy.dtype(...) before and after its BUILD (which carries the byte order). */
class NumpyDType {
  littleEndian = true;
  constructor(
    readonly dtype: FileDType | null,
    readonly code: string,
  ) {}
}

/** numpy.core.multiarray._reconstruct(ndarray, ...) before its BUILD fills it. */
class NumpyArray {
  pending: PendingTensor | null = null;
}

const NDARRAY = new PyGlobal('numpy.ndarray', null);

function bytesArg(data: unknown, fn: string): Uint8Array | null {
  return data instanceof Uint8Array ? data : typeof data === 'string' ? latin1Bytes(data, fn) : null;
}

function scalar(fn: string): PyGlobal {
  return new PyGlobal(fn, (args) => {
    const [dt, data] = args;
    if (!(dt instanceof NumpyDType) || dt.dtype === null) throw new UnpicklingError(`${fn}: unsupported numpy dtype '${dt instanceof NumpyDType ? dt.code : typeof dt}'`);
    const bytes = bytesArg(data, fn);
    if (!bytes || bytes.length !== ELEMENT_SIZE[dt.dtype]) throw new UnpicklingError(`${fn}: expected ${ELEMENT_SIZE[dt.dtype]} bytes for a ${dt.code} scalar`);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    const le = dt.littleEndian;
    const exact = (v: bigint): number | bigint => (Number.isSafeInteger(Number(v)) ? Number(v) : v);
    switch (dt.dtype) {
      case 'float64': return view.getFloat64(0, le);
      case 'float32': return view.getFloat32(0, le);
      case 'int64': return exact(view.getBigInt64(0, le));
      case 'uint64': return exact(view.getBigUint64(0, le));
      case 'int32': return view.getInt32(0, le);
      case 'uint32': return view.getUint32(0, le);
      case 'int16': return view.getInt16(0, le);
      case 'uint16': return view.getUint16(0, le);
      case 'int8': return view.getInt8(0);
      case 'uint8': return view.getUint8(0);
      case 'bool': return view.getUint8(0) !== 0;
      default: {
        const bits = view.getUint16(0, le); // float16
        const s = bits & 0x8000 ? -1 : 1;
        const e = (bits >> 10) & 0x1f;
        const m = bits & 0x3ff;
        return e === 0 ? s * m * 2 ** -24 : e === 31 ? (m ? NaN : s * Infinity) : s * (1 + m / 1024) * 2 ** (e - 15);
      }
    }
  });
}

function reconstruct(fn: string): PyGlobal {
  return new PyGlobal(fn, (args) => {
    if (args[0] !== NDARRAY) throw new UnpicklingError(`${fn}: only numpy.ndarray can be reconstructed`);
    return new NumpyArray();
  });
}

/**
 * @internal The numpy globals training scripts' checkpoints hold (`best_acc` as a numpy float,
 * arrays of numbers): scalars become numbers, arrays tensors. Object arrays are refused, since
 * unpickling their elements could run code.
 */
export const NUMPY_GLOBALS: Record<string, () => PyGlobal> = {
  'numpy.dtype': () =>
    new PyGlobal('numpy.dtype', (args) => {
      const code = typeof args[0] === 'string' ? args[0] : '';
      return new NumpyDType(Object.hasOwn(NUMPY_TYPES, code) ? NUMPY_TYPES[code] : null, code);
    }),
  'numpy.ndarray': () => NDARRAY,
  'numpy.core.multiarray.scalar': () => scalar('numpy.core.multiarray.scalar'),
  'numpy._core.multiarray.scalar': () => scalar('numpy._core.multiarray.scalar'),
  'numpy.core.multiarray._reconstruct': () => reconstruct('numpy.core.multiarray._reconstruct'),
  'numpy._core.multiarray._reconstruct': () => reconstruct('numpy._core.multiarray._reconstruct'),
};

/** @internal Applies BUILD to a numpy dtype or array; false for other targets. */
export function buildNumpy(target: unknown, state: unknown, key: string): boolean {
  if (target instanceof NumpyDType) {
    if (Array.isArray(state) && typeof state[1] === 'string') target.littleEndian = state[1] !== '>';
    return true;
  }
  if (!(target instanceof NumpyArray)) return false;
  if (!Array.isArray(state) || state.length < 5) throw new UnpicklingError('numpy array state must be (version, shape, dtype, fortran, data)');
  const [, shape, dt, fortran, data] = state;
  if (!(dt instanceof NumpyDType) || dt.dtype === null) throw new UnpicklingError(`numpy arrays of dtype '${dt instanceof NumpyDType ? dt.code : '?'}' are not supported (object arrays would run code)`);
  const bytes = bytesArg(data, 'numpy.ndarray');
  if (!bytes) throw new UnpicklingError('numpy array data must be bytes');
  if (!Array.isArray(shape)) throw new UnpicklingError('numpy array shape must be a tuple');
  const dims = shape as number[];
  const size = ELEMENT_SIZE[dt.dtype];
  const ref = new StorageRef(key, dt.dtype, Math.floor(bytes.length / size));
  ref.data = { dtype: dt.dtype, numel: ref.numel, littleEndian: dt.littleEndian, read: (start, count) => bytes.subarray(start * size, (start + count) * size) };
  const stride = new Array<number>(dims.length);
  let s = 1;
  for (let i = 0; i < dims.length; i++) {
    const d = fortran ? i : dims.length - 1 - i;
    stride[d] = s;
    s *= Number(dims[d]);
  }
  target.pending = new PendingTensor(ref, 0, dims, stride, false);
  return true;
}

/** @internal The pending tensor of a numpy array placeholder, or null for other values. */
export function numpyPending(v: unknown): PendingTensor | null {
  if (!(v instanceof NumpyArray)) return null;
  if (!v.pending) throw new UnpicklingError('numpy array without data (its BUILD is missing)');
  return v.pending;
}

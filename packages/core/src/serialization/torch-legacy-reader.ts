import type { ByteSource } from './byte-source';
import { ByteCursor } from './byte-cursor';
import { CheckpointError } from './checkpoint-error';
import { isPlainObject, type CheckpointValue } from './checkpoint-value';
import { ELEMENT_SIZE, type FileDType } from './element-types';
import { materialize } from './materialize';
import { unpickle, type PyGlobal, type UnpicklerHooks } from './pickle-reader';
import { StorageRef, torchHooks } from './torch-unpickler';
import { UnpicklingError } from './unpickling-error';

const MAGIC = 0x1950a86a20f9469cfc6cn;
const PROTOCOL_VERSION = 1001;

/** Hooks for the header pickles, which hold only numbers, strings and dicts. */
const plainHooks: UnpicklerHooks = {
  findGlobal(module: string, name: string): PyGlobal {
    throw new UnpicklingError(`refusing global '${module}.${name}' in a legacy checkpoint header`, { global: `${module}.${name}` });
  },
};

/**
 * @internal Reads the legacy (pre-1.6, or `_use_new_zipfile_serialization=False`) torch.save
 * format: pickles of the magic number, protocol version and system info, then the object, then
 * the sorted storage keys, then each storage as an int64 element count followed by its bytes.
 */
export function readTorchLegacy(source: ByteSource): CheckpointValue {
  const where = source.name;
  const cursor = new ByteCursor(source, 0, source.size, 'legacy checkpoint');
  const magic = unpickle(cursor, plainHooks, 'magic number');
  if (magic !== Number(MAGIC) && magic !== MAGIC) throw new CheckpointError(`${where}: not a PyTorch checkpoint (bad magic number)`);
  const protocol = unpickle(cursor, plainHooks, 'protocol version');
  if (protocol !== PROTOCOL_VERSION) throw new CheckpointError(`${where}: unsupported legacy checkpoint protocol version ${String(protocol)} (expected ${PROTOCOL_VERSION})`);
  const sysInfo = unpickle(cursor, plainHooks, 'system info');
  const littleEndian = !(isPlainObject(sysInfo) && sysInfo.little_endian === false);
  const roots = new Map<string, StorageRef>();
  const views = new Map<string, StorageRef>();
  const hooks = torchHooks({
    name: where,
    storage(key: string, dtype: FileDType, numel: number, rest: unknown[]) {
      let root = roots.get(key);
      if (!root) {
        root = new StorageRef(key, dtype, numel);
        roots.set(key, root);
      } else if (root.dtype !== dtype) {
        throw new CheckpointError(`${where}: storage '${key}' is used as both ${root.dtype} and ${dtype}`);
      }
      const view = rest[0];
      if (view === null || view === undefined) return root;
      if (!Array.isArray(view) || view.length !== 3 || typeof view[0] !== 'string' || !Number.isSafeInteger(view[1]) || !Number.isSafeInteger(view[2])) {
        throw new CheckpointError(`${where}: storage '${key}' has malformed view metadata`);
      }
      const [viewKey, offset, size] = view as [string, number, number];
      if (offset < 0 || size < 0 || offset + size > numel) throw new CheckpointError(`${where}: storage view '${viewKey}' (offset ${offset}, size ${size}) lies outside storage '${key}' of ${numel} elements`);
      let v = views.get(viewKey);
      if (!v) {
        v = new StorageRef(viewKey, dtype, size, root, offset * ELEMENT_SIZE[dtype]);
        views.set(viewKey, v);
      }
      return v;
    },
  });
  const value = unpickle(cursor, hooks, 'checkpoint');
  const keys = unpickle(cursor, plainHooks, 'storage keys');
  if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string')) throw new CheckpointError(`${where}: the storage key list is malformed`);
  for (const key of keys as string[]) {
    const root = roots.get(key);
    if (!root) throw new CheckpointError(`${where}: the file stores data for storage '${key}', which the checkpoint never uses`);
    const count = cursor.u64();
    if (count !== root.numel) throw new CheckpointError(`${where}: storage '${key}' holds ${count} elements but the checkpoint declares ${root.numel}`);
    const size = ELEMENT_SIZE[root.dtype];
    const start = cursor.pos;
    cursor.need(count * size);
    cursor.pos += count * size;
    root.data = { dtype: root.dtype, numel: count, littleEndian, read: (s, c) => source.read(start + s * size, c * size) };
  }
  return materialize(value, where);
}

import { bytesSource, type ByteSource } from './byte-source';
import { ByteCursor } from './byte-cursor';
import { CheckpointError } from './checkpoint-error';
import type { CheckpointValue } from './checkpoint-value';
import { ELEMENT_SIZE, type FileDType } from './element-types';
import { materialize } from './materialize';
import { unpickle } from './pickle-reader';
import { StorageRef, torchHooks } from './torch-unpickler';
import { ZipReader } from './zip-reader';

function findArchivePrefix(zip: ZipReader): string {
  const names = zip.names();
  const roots = names.filter((n) => /^[^/]+\/data\.pkl$/.test(n)).map((n) => n.slice(0, -'/data.pkl'.length));
  if (roots.length === 1) return roots[0];
  if (roots.length > 1) throw new CheckpointError(`${zip.source.name}: ambiguous PyTorch checkpoint: data.pkl found under ${roots.map((r) => `'${r}/'`).join(', ')}`);
  if (names.includes('data.pkl')) return '';
  throw new CheckpointError(`${zip.source.name}: zip archive without a <name>/data.pkl entry is not a PyTorch checkpoint (entries: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', ...' : ''})`);
}

/**
 * @internal Reads PyTorch's zip checkpoint format: `<name>/data.pkl` through the restricted
 * unpickler, each storage from `<name>/data/<key>` (its size checked against the storage's
 * element count, its CRC-32 checked), byte order from `<name>/byteorder` (little if absent).
 */
export function readTorchZip(source: ByteSource): CheckpointValue {
  const zip = new ZipReader(source);
  const prefix = findArchivePrefix(zip);
  const dir = prefix === '' ? '' : `${prefix}/`;
  const where = source.name;
  if (zip.has(`${dir}constants.pkl`) || zip.names().some((n) => n.startsWith(`${dir}code/`))) {
    throw new CheckpointError(`${where}: this is a TorchScript archive (torch.jit.save), which cannot be loaded; save the model's state_dict() with torch.save instead`);
  }
  let littleEndian = true;
  if (zip.has(`${dir}byteorder`)) {
    const order = new TextDecoder().decode(zip.read(`${dir}byteorder`)).trim();
    if (order !== 'little' && order !== 'big') throw new CheckpointError(`${where}: byteorder must be 'little' or 'big' (got '${order.slice(0, 20)}')`);
    littleEndian = order === 'little';
  }
  const storages = new Map<string, StorageRef>();
  const hooks = torchHooks({
    name: where,
    storage(key: string, dtype: FileDType, numel: number) {
      const known = storages.get(key);
      if (known) {
        if (known.dtype === dtype && known.numel === numel) return known;
        return new StorageRef(key, dtype, numel, known);
      }
      const entryName = `${dir}data/${key}`;
      if (!zip.has(entryName)) throw new CheckpointError(`${where}: storage '${key}' is missing (no zip entry '${entryName}')`);
      const entry = zip.entry(entryName);
      const size = ELEMENT_SIZE[dtype];
      if (entry.size !== numel * size) {
        throw new CheckpointError(`${where}: storage '${entryName}' holds ${entry.size} bytes but the checkpoint declares ${numel} ${dtype} elements (${numel * size} bytes)`);
      }
      const ref = new StorageRef(key, dtype, numel);
      let bytes: Uint8Array | null = null;
      ref.data = {
        dtype,
        numel,
        littleEndian,
        read(start, count) {
          bytes ??= zip.read(entryName);
          return bytes.subarray(start * size, (start + count) * size);
        },
      };
      // Bytes are read (and CRC-checked) once, on first use, and dropped after the last tensor
      // that views this storage is made, so a large file is never held whole in memory.
      ref.onRelease = () => {
        bytes = null;
      };
      storages.set(key, ref);
      return ref;
    },
  });
  const pickle = zip.read(`${dir}data.pkl`);
  const value = unpickle(new ByteCursor(bytesSource(pickle, `${where}:${dir}data.pkl`), 0, pickle.length, 'data.pkl'), hooks, 'data.pkl');
  return materialize(value, where);
}

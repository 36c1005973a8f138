import { ChunkWriter } from './chunk-writer';
import { CheckpointError } from './checkpoint-error';
import { flatten, STRUCTURE_KEY, STRUCTURE_VERSION_KEY } from './structure';
import { tensorBytes } from './tensor-bytes';

const DTYPE_CODE = { float32: 'F32', int32: 'I32', bool: 'BOOL' } as const;

/**
 * @internal Writes `obj` as safetensors: an 8-byte little-endian header length, a JSON header
 * `{name: {dtype, shape, data_offsets}, "__metadata__": {...}}` padded with spaces to 8 bytes,
 * then the tensors' little-endian bytes back to back. The non-tensor structure goes in the
 * metadata (see `STRUCTURE_KEY`); `metadata` adds the caller's own string entries.
 */
export function writeSafetensors(obj: unknown, op: string, metadata: Record<string, string> = {}): Uint8Array[] {
  const { tensors, structure } = flatten(obj, op);
  const meta: Record<string, string> = { format: 'pt' };
  for (const [k, v] of Object.entries(metadata)) {
    if (typeof v !== 'string') throw new CheckpointError(`${op}: metadata values must be strings (got ${typeof v} for '${k}')`);
    if (k === STRUCTURE_KEY || k === STRUCTURE_VERSION_KEY) throw new CheckpointError(`${op}: metadata key '${k}' is reserved for the checkpoint structure`);
    meta[k] = v;
  }
  if (structure !== null) {
    meta[STRUCTURE_VERSION_KEY] = '1';
    meta[STRUCTURE_KEY] = structure;
  }
  const header: Record<string, unknown> = { __metadata__: meta };
  const data: Uint8Array[] = [];
  let offset = 0;
  for (const { name, tensor } of tensors) {
    const bytes = tensorBytes(tensor);
    header[name] = { dtype: DTYPE_CODE[tensor.dtype], shape: tensor.shape, data_offsets: [offset, offset + bytes.length] };
    offset += bytes.length;
    data.push(bytes);
  }
  let json = new TextEncoder().encode(JSON.stringify(header));
  const padded = Math.ceil(json.length / 8) * 8;
  if (padded !== json.length) {
    const p = new Uint8Array(padded).fill(0x20);
    p.set(json);
    json = p;
  }
  const out = new ChunkWriter();
  out.u64(json.length);
  out.bytes(json);
  for (const d of data) out.bytes(d);
  return out.finish();
}

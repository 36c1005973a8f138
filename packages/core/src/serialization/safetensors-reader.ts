import { tf } from '../backend/tfjs';
import { Tensor } from '../tensor/tensor';
import type { ByteSource } from './byte-source';
import { CheckpointError } from './checkpoint-error';
import { isPlainObject, type CheckpointValue } from './checkpoint-value';
import { decodeElements, ELEMENT_SIZE, targetDType, toTargetArray, type FileDType } from './element-types';
import { MAX_SAFETENSORS_HEADER } from './limits';
import { setKey } from './pickle-text';
import { STRUCTURE_KEY, unflatten } from './structure';
import { shapeNumel } from './tensor-view';

const DTYPES: Record<string, FileDType> = {
  F64: 'float64',
  F32: 'float32',
  F16: 'float16',
  BF16: 'bfloat16',
  F8_E4M3: 'float8_e4m3fn',
  F8_E5M2: 'float8_e5m2',
  I64: 'int64',
  I32: 'int32',
  I16: 'int16',
  I8: 'int8',
  U64: 'uint64',
  U32: 'uint32',
  U16: 'uint16',
  U8: 'uint8',
  BOOL: 'bool',
};

interface Entry {
  name: string;
  dtype: FileDType;
  code: string;
  shape: number[];
  begin: number;
  end: number;
}

/** @internal The parsed header of a safetensors file. */
export interface SafetensorsHeader {
  entries: Entry[];
  metadata: Record<string, string>;
  dataStart: number;
}

/** @internal Parses and checks a safetensors header: sizes, dtypes, shapes and that offsets tile the data exactly. */
export function readSafetensorsHeader(source: ByteSource): SafetensorsHeader {
  const where = source.name;
  const fail = (message: string): never => {
    throw new CheckpointError(`${where}: invalid safetensors file: ${message}`);
  };
  if (source.size < 8) fail(`${source.size} bytes is shorter than the 8-byte header length (truncated)`);
  const lenBytes = source.read(0, 8);
  const claimed = new DataView(lenBytes.buffer, lenBytes.byteOffset, 8).getBigUint64(0, true);
  if (claimed > BigInt(MAX_SAFETENSORS_HEADER)) fail(`header length ${claimed} exceeds the ${MAX_SAFETENSORS_HEADER}-byte limit`);
  const headerLen = Number(claimed);
  if (8 + headerLen > source.size) fail(`header length ${headerLen} runs past the end of the file (${source.size} bytes; truncated?)`);
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(source.read(8, headerLen)));
  } catch (e) {
    fail(`the header is not valid UTF-8 JSON (${(e as Error).message})`);
  }
  if (!isPlainObject(header)) return fail('the header must be a JSON object');
  const dataStart = 8 + headerLen;
  const dataLen = source.size - dataStart;
  const metadata: Record<string, string> = {};
  const entries: Entry[] = [];
  for (const [name, info] of Object.entries(header)) {
    if (name === '__metadata__') {
      if (!isPlainObject(info)) fail('__metadata__ must be an object of strings');
      for (const [k, v] of Object.entries(info as Record<string, unknown>)) {
        if (typeof v !== 'string') fail(`__metadata__ value '${k}' must be a string (got ${typeof v})`);
        metadata[k] = v as string;
      }
      continue;
    }
    if (!isPlainObject(info)) fail(`tensor '${name}' must be described by an object`);
    const { dtype: code, shape, data_offsets: offsets } = info as Record<string, unknown>;
    if (typeof code !== 'string') return fail(`tensor '${name}' has no dtype`);
    const dtype = Object.hasOwn(DTYPES, code) ? DTYPES[code] : undefined;
    if (!dtype) return fail(`tensor '${name}' has dtype '${code}', which is not supported (expected one of ${Object.keys(DTYPES).join(', ')})`);
    if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) fail(`tensor '${name}' has an invalid shape ${JSON.stringify(shape)}`);
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((d) => Number.isSafeInteger(d) && d >= 0) || offsets[0] > offsets[1]) {
      fail(`tensor '${name}' has invalid data_offsets ${JSON.stringify(offsets)}`);
    }
    const numel = shapeNumel(shape as number[], `${where}: tensor '${name}'`);
    const [begin, end] = offsets as number[];
    if (end - begin !== numel * ELEMENT_SIZE[dtype]) {
      fail(`tensor '${name}' (${code}, shape [${(shape as number[]).join(', ')}]) needs ${numel * ELEMENT_SIZE[dtype]} bytes but data_offsets [${begin}, ${end}] hold ${end - begin}`);
    }
    if (end > dataLen) fail(`tensor '${name}' data_offsets [${begin}, ${end}] run past the ${dataLen} data bytes (truncated?)`);
    entries.push({ name, dtype, code, shape: shape as number[], begin, end });
  }
  const sorted = [...entries].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let at = 0;
  for (const e of sorted) {
    if (e.begin !== at) fail(e.begin < at ? `tensor '${e.name}' overlaps another tensor's data (offset ${e.begin}, expected ${at})` : `gap in the data before tensor '${e.name}' (offset ${e.begin}, expected ${at})`);
    at = e.end;
  }
  if (at !== dataLen) fail(`the tensors cover ${at} bytes but the file holds ${dataLen} data bytes after the header`);
  return { entries, metadata, dataStart };
}

/**
 * @internal Reads a safetensors file: every tensor (F64/F32/F16/BF16/F8 as float32, integers as
 * int32 with a range check, BOOL as bool), arranged by the `dl.structure` metadata when present,
 * else as one flat object in header order.
 */
export function readSafetensors(source: ByteSource): CheckpointValue {
  const { entries, metadata, dataStart } = readSafetensorsHeader(source);
  const tensors = new Map<string, Tensor>();
  try {
    for (const e of entries) {
      const decoded = decodeElements(source.read(dataStart + e.begin, e.end - e.begin), e.dtype, true);
      const values = toTargetArray(decoded, e.dtype, `${source.name}: tensor '${e.name}'`);
      tensors.set(e.name, Tensor._owned(tf.tensor(values, e.shape, targetDType(e.dtype))));
    }
    const structure = metadata[STRUCTURE_KEY];
    if (structure !== undefined) return unflatten(structure, tensors, source.name);
    const flat: Record<string, CheckpointValue> = {};
    for (const [name, t] of tensors) setKey(flat, name, t);
    return flat;
  } catch (e) {
    for (const t of tensors.values()) t.dispose();
    throw e;
  }
}

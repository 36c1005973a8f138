import { describe, expect, it } from 'vitest';
import { tensor } from '../index';
import { Tensor } from '../tensor/tensor';
import { bytesSource } from './byte-source';
import { CheckpointError } from './checkpoint-error';
import { expected, expectMatches, fixtureBytes } from '../../test/support/serialization-fixtures';
import { readSafetensorsHeader } from './safetensors-reader';
import { deserialize, serialize } from './serialize';
import { STRUCTURE_KEY } from './structure';

/** A safetensors file from a header (object or raw text) and data bytes. */
function st(header: unknown, data: Uint8Array = new Uint8Array(0), length?: number): Uint8Array {
  const text = new TextEncoder().encode(typeof header === 'string' ? header : JSON.stringify(header));
  const out = new Uint8Array(8 + text.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(length ?? text.length), true);
  out.set(text, 8);
  out.set(data, 8 + text.length);
  return out;
}

const f32 = (...v: number[]) => new Uint8Array(Float32Array.from(v).buffer);
const headerOf = (bytes: Uint8Array) => readSafetensorsHeader(bytesSource(bytes));

describe('serialize (safetensors, the default)', () => {
  it('writes a flat state dict as plain safetensors with 8-byte aligned data', () => {
    const sd = { 'fc.weight': tensor([[1, 2], [3, 4]]), 'fc.bias': tensor([0.5, -0.5]), steps: tensor([3], { dtype: 'int32' }), mask: tensor([true, false]) };
    const bytes = serialize(sd);
    const { entries, metadata, dataStart } = headerOf(bytes);
    expect(dataStart % 8).toBe(0);
    expect(metadata).toEqual({ format: 'pt' });
    expect(entries.map((e) => [e.name, e.code, e.shape, e.begin, e.end])).toEqual([
      ['fc.weight', 'F32', [2, 2], 0, 16],
      ['fc.bias', 'F32', [2], 16, 24],
      ['steps', 'I32', [1], 24, 28],
      ['mask', 'BOOL', [2], 28, 30],
    ]);
    const back = deserialize<Record<string, Tensor>>(bytes);
    expect(Object.keys(back)).toEqual(Object.keys(sd));
    expect(back['fc.weight'].tolist()).toEqual([[1, 2], [3, 4]]);
    expect(back.steps.dtype).toBe('int32');
    expect(back.mask.tolist()).toEqual([true, false]);
  });

  it('keeps nested structure, primitives and shared tensors in the metadata', () => {
    const w = tensor([1, 2]);
    const ckpt = {
      model: { 'layer.0.weight': w },
      optimizer: { state: { 0: { step: 2, exp_avg: tensor([0.1, 0.2]) } }, param_groups: [{ lr: 0.01, params: [0] }] },
      epoch: 4,
      name: 'x',
      flags: [true, null],
      special: [NaN, -Infinity, -0],
      big: 2n ** 70n,
      raw: Uint8Array.from([1, 2, 250]),
      map: new Map<string | number, unknown>([[1, 'a'], ['b', w]]),
      $weird: { $tensor: 'not a reference' },
      tied: w,
      scalar: tensor(7),
    };
    const bytes = serialize(ckpt);
    const { entries, metadata } = headerOf(bytes);
    expect(entries.map((e) => e.name)).toEqual(['model.layer.0.weight', 'optimizer.state.0.exp_avg', 'scalar']);
    expect(metadata['dl.structure_version']).toBe('1');
    expect(JSON.parse(metadata[STRUCTURE_KEY]).$object.model).toEqual({ 'layer.0.weight': { $tensor: 'model.layer.0.weight' } });
    const back = deserialize<Record<string, any>>(bytes);
    expect(back.model['layer.0.weight'].tolist()).toEqual([1, 2]);
    expect(back.tied).toBe(back.model['layer.0.weight']);
    expect(back.map.get('b')).toBe(back.tied);
    expect(back.map.get(1)).toBe('a');
    expect(back.optimizer.state['0'].step).toBe(2);
    expect(back.optimizer.param_groups).toEqual([{ lr: 0.01, params: [0] }]);
    expect(back.epoch).toBe(4);
    expect(back.flags).toEqual([true, null]);
    expect(back.special[0]).toBeNaN();
    expect(back.special[1]).toBe(-Infinity);
    expect(Object.is(back.special[2], -0)).toBe(true);
    expect(back.big).toBe(2n ** 70n);
    expect(Array.from(back.raw)).toEqual([1, 2, 250]);
    expect(back.$weird).toEqual({ $tensor: 'not a reference' });
    expect(back.scalar.shape).toEqual([]);
  });

  it('adds user metadata and refuses the reserved keys', () => {
    expect(headerOf(serialize({ w: tensor([1]) }, { metadata: { author: 'me' } })).metadata).toEqual({ format: 'pt', author: 'me' });
    expect(() => serialize({ w: tensor([1]) }, { metadata: { [STRUCTURE_KEY]: '{}' } })).toThrowError("serialize: metadata key 'dl.structure' is reserved for the checkpoint structure");
    expect(() => serialize({}, { metadata: { n: 1 as unknown as string } })).toThrowError("serialize: metadata values must be strings (got number for 'n')");
  });

  it("round-trips a '__proto__' key without touching any prototype", () => {
    const obj = JSON.parse('{"__proto__": {"polluted": 1}, "w": 2}');
    const back = deserialize<Record<string, unknown>>(serialize(obj));
    expect(Object.keys(back)).toEqual(['__proto__', 'w']);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names colliding tensor paths apart', () => {
    const bytes = serialize({ 'a.b': tensor([1]), a: { b: tensor([2]) }, c: [tensor([3])] });
    expect(headerOf(bytes).entries.map((e) => e.name)).toEqual(['a.b', 'a.b#1', 'c.0']);
    const back = deserialize<Record<string, any>>(bytes);
    expect(back['a.b'].tolist()).toEqual([1]);
    expect(back.a.b.tolist()).toEqual([2]);
  });

  it('saves a bare tensor and a bare number', () => {
    expect((deserialize(serialize(tensor([4, 5]))) as Tensor).tolist()).toEqual([4, 5]);
    expect(deserialize(serialize(42))).toBe(42);
  });
});

describe('deserialize (safetensors from other tools)', () => {
  it('reads every dtype of a file laid out like the reference implementation', () => {
    expectMatches(deserialize(fixtureBytes('reference_layout.safetensors')), expected.files['reference_layout.safetensors']);
  });

  it('decodes F16, BF16, F64, I64, U8 and BOOL into float32 / int32 / bool', () => {
    const f16 = new Uint8Array(new Uint16Array([0x3c00, 0xc000, 0x7c00, 0x0001]).buffer);
    const bf16 = new Uint8Array(new Uint16Array([0x3fc0, 0xc040]).buffer);
    const f64 = new Uint8Array(new Float64Array([0.1, 1e300]).buffer);
    const i64 = new Uint8Array(new BigInt64Array([-7n, 2147483647n]).buffer);
    const u8 = Uint8Array.from([0, 255]);
    const bool = Uint8Array.from([1, 0, 2]);
    const parts = [f16, bf16, f64, i64, u8, bool];
    const header: Record<string, unknown> = {};
    const names = ['f16', 'bf16', 'f64', 'i64', 'u8', 'bool'];
    const codes = ['F16', 'BF16', 'F64', 'I64', 'U8', 'BOOL'];
    const shapes = [[4], [2], [2], [2], [2], [3]];
    let at = 0;
    parts.forEach((p, i) => {
      header[names[i]] = { dtype: codes[i], shape: shapes[i], data_offsets: [at, at + p.length] };
      at += p.length;
    });
    const data = new Uint8Array(at);
    at = 0;
    for (const p of parts) {
      data.set(p, at);
      at += p.length;
    }
    const v = deserialize<Record<string, Tensor>>(st(header, data));
    expect(v.f16.tolist()).toEqual([1, -2, Infinity, 2 ** -24]);
    expect(v.bf16.tolist()).toEqual([1.5, -3]);
    expect(v.f64.tolist()).toEqual([Math.fround(0.1), Infinity]);
    expect(v.i64.dtype).toBe('int32');
    expect(v.i64.tolist()).toEqual([-7, 2147483647]);
    expect(v.u8.tolist()).toEqual([0, 255]);
    expect(v.bool.tolist()).toEqual([true, false, true]);
  });
});

describe('deserialize (bad safetensors)', () => {
  const bad = (bytes: Uint8Array, message: string | RegExp) => {
    expect(() => deserialize(bytes)).toThrowError(CheckpointError);
    expect(() => deserialize(bytes)).toThrowError(message);
  };

  it('refuses a header length past the file or the 100 MB limit', () => {
    bad(st({}, new Uint8Array(0), 4096), '<bytes>: invalid safetensors file: header length 4096 runs past the end of the file (10 bytes; truncated?)');
    const huge = st('{}');
    new DataView(huge.buffer).setBigUint64(0, 2n ** 60n, true);
    huge[8] = 0x7b;
    bad(huge, /header length 1152921504606846976 exceeds the 100000000-byte limit/);
  });

  it('refuses headers that are not a JSON object', () => {
    bad(st('{"a": '), /invalid safetensors file: the header is not valid UTF-8 JSON/);
    bad(st('{"a":1}'), "<bytes>: invalid safetensors file: tensor 'a' must be described by an object");
    bad(st('{"__metadata__": {"n": 1}}'), "<bytes>: invalid safetensors file: __metadata__ value 'n' must be a string (got number)");
  });

  it('refuses unknown dtypes, bad shapes and bad offsets', () => {
    bad(st({ x: { dtype: 'C64', shape: [1], data_offsets: [0, 8] } }, new Uint8Array(8)), /tensor 'x' has dtype 'C64', which is not supported/);
    bad(st({ x: { dtype: 'constructor', shape: [1], data_offsets: [0, 4] } }, new Uint8Array(4)), /tensor 'x' has dtype 'constructor', which is not supported/);
    bad(st({ x: { dtype: 'F32', shape: [-1], data_offsets: [0, 4] } }, new Uint8Array(4)), "<bytes>: invalid safetensors file: tensor 'x' has an invalid shape [-1]");
    bad(st({ x: { dtype: 'F32', shape: [1], data_offsets: [4, 0] } }, new Uint8Array(4)), "<bytes>: invalid safetensors file: tensor 'x' has invalid data_offsets [4,0]");
    bad(st({ x: { dtype: 'F32', shape: [3], data_offsets: [0, 4] } }, f32(1)), "<bytes>: invalid safetensors file: tensor 'x' (F32, shape [3]) needs 12 bytes but data_offsets [0, 4] hold 4");
    bad(st({ x: { dtype: 'F32', shape: [65536, 65536], data_offsets: [0, 4] } }, f32(1)), /shape \[65536, 65536\] has 4294967296 elements, more than the 2147483647 a tensor can hold/);
  });

  it('refuses overlapping, gapped, truncated and trailing data', () => {
    bad(st({ x: { dtype: 'F32', shape: [1], data_offsets: [0, 4] }, y: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } }, f32(1)), /tensor 'y' overlaps another tensor's data/);
    bad(st({ x: { dtype: 'F32', shape: [1], data_offsets: [4, 8] } }, f32(1, 2)), "<bytes>: invalid safetensors file: gap in the data before tensor 'x' (offset 4, expected 0)");
    bad(st({ x: { dtype: 'F32', shape: [2], data_offsets: [0, 8] } }, f32(1)), "<bytes>: invalid safetensors file: tensor 'x' data_offsets [0, 8] run past the 4 data bytes (truncated?)");
    bad(st({ x: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } }, f32(1, 2)), '<bytes>: invalid safetensors file: the tensors cover 4 bytes but the file holds 8 data bytes after the header');
  });

  it('refuses an int64 value that does not fit int32', () => {
    const data = new Uint8Array(new BigInt64Array([2n ** 40n]).buffer);
    bad(st({ x: { dtype: 'I64', shape: [1], data_offsets: [0, 8] } }, data), "<bytes>: tensor 'x': int64 value 1099511627776 at flat index 0 does not fit int32 (@dl/core computes integers in int32)");
  });

  it('refuses a structure that names missing tensors, leaves tensors out or uses unknown tags', () => {
    const meta = (structure: string) => ({ __metadata__: { [STRUCTURE_KEY]: structure }, x: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } });
    bad(st(meta('{"a": {"$tensor": "y"}, "b": {"$tensor": "x"}}'), f32(1)), "<bytes>: 'dl.structure' metadata at 'a': refers to tensor 'y', which the file does not hold");
    bad(st(meta('{"a": 1}'), f32(1)), "<bytes>: tensor 'x' is not referenced by the 'dl.structure' metadata (corrupt file)");
    bad(st(meta('{"a": {"$eval": "x"}, "b": {"$tensor": "x"}}'), f32(1)), "<bytes>: 'dl.structure' metadata at 'a': unknown tag '$eval'");
    bad(st(meta('{"a": '), f32(1)), /the 'dl\.structure' metadata is not valid JSON/);
    bad(st(meta(`${'['.repeat(1100)}${']'.repeat(1100)}`), f32(1)), /nesting deeper than 1000 levels/);
  });

  it('refuses empty and unrecognized input', () => {
    bad(new Uint8Array(0), '<bytes>: the file is empty');
    bad(new TextEncoder().encode('hello world, not a checkpoint'), '<bytes>: unrecognized checkpoint format (expected safetensors, a PyTorch zip checkpoint or a legacy torch.save file)');
    expect(() => deserialize('x' as unknown as Uint8Array)).toThrowError('deserialize: expected a Uint8Array (got string)');
  });
});

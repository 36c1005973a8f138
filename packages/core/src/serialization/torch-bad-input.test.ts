import { describe, expect, it } from 'vitest';
import { tensor } from '../index';
import type { Tensor } from '../tensor/tensor';
import { concatChunks } from './chunk-writer';
import { CheckpointError } from './checkpoint-error';
import { fixtureBytes } from '../../test/support/serialization-fixtures';
import { MAX_NESTING } from './limits';
import { PickleWriter } from './pickle-writer';
import { deserialize, serialize } from './serialize';
import { UnpicklingError } from './unpickling-error';
import { writeZip } from './zip-writer';

interface TensorSpec {
  type?: string;
  key?: string;
  numel: number;
  offset?: number;
  size: number[];
  stride: number[];
}

function writeInts(p: PickleWriter, values: number[]): void {
  p.mark();
  for (const v of values) p.int(v);
  p.tuple();
}

/** A `_rebuild_tensor_v2` call as torch.save writes it, with any numbers we like. */
function rebuild(p: PickleWriter, t: TensorSpec): void {
  p.global('torch._utils', '_rebuild_tensor_v2');
  p.mark();
  p.mark();
  p.str('storage');
  p.global('torch', t.type ?? 'FloatStorage');
  p.str(t.key ?? '0');
  p.str('cpu');
  p.int(t.numel);
  p.tuple();
  p.binpersid();
  p.int(t.offset ?? 0);
  writeInts(p, t.size);
  writeInts(p, t.stride);
  p.bool(false);
  p.global('collections', 'OrderedDict');
  p.emptyTuple();
  p.reduce();
  p.tuple();
  p.reduce();
}

/** A torch zip checkpoint `{x: <tensor>}` with the given storage bytes. */
function checkpoint(spec: TensorSpec, storages: Record<string, Uint8Array>, extra: { name: string; data: Uint8Array }[] = []): Uint8Array {
  const p = new PickleWriter();
  p.emptyDict();
  p.mark();
  p.str('x');
  rebuild(p, spec);
  p.setitems();
  return concatChunks(
    writeZip([
      { name: 'archive/data.pkl', data: p.stop() },
      ...Object.entries(storages).map(([k, d]) => ({ name: `archive/data/${k}`, data: [d] })),
      ...extra.map((e) => ({ name: e.name, data: [e.data] })),
      { name: 'archive/version', data: [new TextEncoder().encode('3\n')] },
    ]),
  );
}

const f32 = (...v: number[]) => new Uint8Array(Float32Array.from(v).buffer);

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('deserialize (crafted PyTorch checkpoints)', () => {
  it('reads a valid crafted checkpoint (the helper itself is right)', () => {
    const v = deserialize<Record<string, Tensor>>(checkpoint({ numel: 4, size: [2, 2], stride: [1, 2] }, { 0: f32(1, 2, 3, 4) }));
    expect(v.x.tolist()).toEqual([[1, 3], [2, 4]]);
  });

  it('refuses a storage whose bytes do not match its declared size', () => {
    const e = errorOf(() => deserialize(checkpoint({ numel: 6, size: [6], stride: [1] }, { 0: f32(1, 2, 3, 4) })));
    expect(e).toBeInstanceOf(CheckpointError);
    expect(e.message).toBe("<bytes>: storage 'archive/data/0' holds 16 bytes but the checkpoint declares 6 float32 elements (24 bytes)");
  });

  it('refuses a view that needs more elements than its storage holds', () => {
    const e = errorOf(() => deserialize(checkpoint({ numel: 4, offset: 2, size: [2, 2], stride: [2, 1] }, { 0: f32(1, 2, 3, 4) })));
    expect(e.message).toBe("<bytes>: tensor at 'x' (storage '0'): the view (offset 2, size [2, 2], stride [2, 1]) needs 6 elements but its storage holds 4");
  });

  it('refuses huge claimed sizes without allocating them', () => {
    const hugeStorage = errorOf(() => deserialize(checkpoint({ numel: 2 ** 50, size: [1], stride: [1] }, { 0: f32(1) })));
    expect(hugeStorage.message).toMatch(/holds 4 bytes but the checkpoint declares 1125899906842624 float32 elements/);
    const hugeShape = errorOf(() => deserialize(checkpoint({ numel: 1, size: [2 ** 20, 2 ** 20], stride: [0, 0] }, { 0: f32(1) })));
    expect(hugeShape.message).toMatch(/shape \[1048576, 1048576\] has 1099511627776 elements, more than the 2147483647 a tensor can hold/);
    const expand = errorOf(() => deserialize(checkpoint({ numel: 1, size: [2 ** 26], stride: [0] }, { 0: f32(1) })));
    expect(expand.message).toMatch(/the view has 67108864 elements from a storage of 1; refusing to expand past 16777216 elements/);
  });

  it('reads big-endian storages when the byteorder entry says so', () => {
    const be = new Uint8Array(8);
    new DataView(be.buffer).setFloat32(0, 1.5, false);
    new DataView(be.buffer).setFloat32(4, -2, false);
    const bytes = checkpoint({ numel: 2, size: [2], stride: [1] }, { 0: be }, [{ name: 'archive/byteorder', data: new TextEncoder().encode('big') }]);
    expect(deserialize<Record<string, Tensor>>(bytes).x.tolist()).toEqual([1.5, -2]);
    const odd = checkpoint({ numel: 2, size: [2], stride: [1] }, { 0: be }, [{ name: 'archive/byteorder', data: new TextEncoder().encode('middle') }]);
    expect(() => deserialize(odd)).toThrowError("<bytes>: byteorder must be 'little' or 'big' (got 'middle')");
  });

  it('reads a small stride-0 (expanded) view', () => {
    expect(deserialize<Record<string, Tensor>>(checkpoint({ numel: 1, size: [3], stride: [0] }, { 0: f32(7) })).x.tolist()).toEqual([7, 7, 7]);
  });

  it('refuses negative or non-integer sizes and strides', () => {
    expect(errorOf(() => deserialize(checkpoint({ numel: 1, size: [-1], stride: [1] }, { 0: f32(1) }))).message).toMatch(/size must be a list of non-negative integers \(got \[-1\]\)/);
    expect(errorOf(() => deserialize(checkpoint({ numel: 2, size: [2], stride: [1, 1] }, { 0: f32(1, 2) }))).message).toMatch(/size has 1 dims but stride has 2/);
  });

  it('refuses a missing storage entry and complex storages', () => {
    expect(errorOf(() => deserialize(checkpoint({ numel: 1, key: '5', size: [1], stride: [1] }, { 0: f32(1) }))).message).toBe(
      "<bytes>: storage '5' is missing (no zip entry 'archive/data/5')",
    );
    const complex = errorOf(() => deserialize(checkpoint({ type: 'ComplexFloatStorage', numel: 1, size: [1], stride: [1] }, { 0: f32(1, 2) })));
    expect(complex).toBeInstanceOf(UnpicklingError);
    expect(complex.message).toMatch(/tensors of torch\.ComplexFloatStorage are not supported/);
  });

  it('refuses zip entries with .. paths inside a checkpoint', () => {
    const e = errorOf(() => deserialize(checkpoint({ numel: 1, size: [1], stride: [1] }, { 0: f32(1) }, [{ name: 'archive/../../etc/cron.d/x', data: f32(1) }])));
    expect(e).toBeInstanceOf(CheckpointError);
    expect(e.message).toBe("<bytes>: zip entry 'archive/../../etc/cron.d/x' has an unsafe path (absolute, with '..', a backslash or NUL); refusing the archive");
  });

  it('refuses TorchScript archives and zips without data.pkl', () => {
    const ts = checkpoint({ numel: 1, size: [1], stride: [1] }, { 0: f32(1) }, [{ name: 'archive/constants.pkl', data: new Uint8Array(1) }]);
    expect(errorOf(() => deserialize(ts)).message).toMatch(/this is a TorchScript archive \(torch\.jit\.save\), which cannot be loaded/);
    const other = concatChunks(writeZip([{ name: 'readme.txt', data: [new Uint8Array(1)] }]));
    expect(errorOf(() => deserialize(other)).message).toBe('<bytes>: zip archive without a <name>/data.pkl entry is not a PyTorch checkpoint (entries: readme.txt)');
  });

  it('refuses self-referencing and too deeply nested structures (recursion bombs)', () => {
    const self = new PickleWriter();
    self.emptyList();
    const at = self.put();
    self.mark();
    self.get(at);
    self.appends();
    const loop = concatChunks(writeZip([{ name: 'a/data.pkl', data: self.stop() }]));
    expect(errorOf(() => deserialize(loop)).message).toBe("<bytes>: the structure refers to itself at '[0]' (self-referencing checkpoints are not supported)");

    // l = []; repeat: l = [l], built with a constant-size stack through the memo.
    const deep = new PickleWriter();
    deep.emptyList();
    deep.put();
    for (let i = 0; i < 100_000; i++) {
      deep.emptyList();
      deep.mark();
      deep.get(0);
      deep.appends();
      deep.out.u8(0x71); // BINPUT 0: the new list replaces memo 0
      deep.out.u8(0);
      deep.out.u8(0x30); // POP
    }
    deep.get(0);
    const bomb = concatChunks(writeZip([{ name: 'a/data.pkl', data: deep.stop() }]));
    const started = Date.now();
    expect(errorOf(() => deserialize(bomb)).message).toMatch(new RegExp(`nesting deeper than ${MAX_NESTING} levels at '(\\[0\\]){${MAX_NESTING}}' \\(crafted or corrupt checkpoint\\)`));
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('keeps a shared-reference DAG (billion laughs) linear', () => {
    const p = new PickleWriter();
    p.emptyList();
    p.put();
    for (let i = 1; i <= 60; i++) {
      p.mark();
      p.get(i - 1);
      p.get(i - 1);
      p.out.u8(0x6c); // LIST
      p.put();
      p.out.u8(0x30);
    }
    p.get(60);
    const v = deserialize(concatChunks(writeZip([{ name: 'a/data.pkl', data: p.stop() }]))) as unknown[];
    expect(v[0]).toBe(v[1]);
  });
});

describe('deserialize (truncated and corrupted files never crash)', () => {
  const sources: [string, Uint8Array][] = [
    ['torch zip', fixtureBytes('mlp_bn_state_dict.pth')],
    ['legacy', fixtureBytes('legacy_format.pth')],
    ['safetensors', serialize({ model: { w: tensor([[1, 2], [3, 4]]) }, epoch: 2, names: ['a', 'b'] })],
  ];

  for (const [kind, good] of sources) {
    it(`gives a CheckpointError for every truncation of a ${kind} file`, () => {
      for (let n = 0; n < good.length; n += Math.max(1, Math.floor(good.length / 400))) {
        const e = errorOf(() => deserialize(good.subarray(0, n)));
        if (!(e instanceof CheckpointError)) throw new Error(`truncated to ${n} bytes: ${e}`);
      }
    });

    it(`gives a value or a CheckpointError for 400 randomly corrupted ${kind} files`, () => {
      let seed = 42;
      const rand = (m: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % m);
      let refused = 0;
      for (let trial = 0; trial < 400; trial++) {
        const bad = good.slice();
        for (let k = 1 + rand(4); k > 0; k--) bad[rand(bad.length)] = rand(256);
        try {
          deserialize(bad);
        } catch (e) {
          if (!(e instanceof CheckpointError)) throw new Error(`trial ${trial}: ${(e as Error).stack}`);
          refused++;
        }
      }
      expect(refused).toBeGreaterThan(0);
    });
  }

  it('refuses the tar-based pre-0.4 format clearly', () => {
    const tar = new Uint8Array(1024);
    tar.set(new TextEncoder().encode('ustar'), 257);
    expect(() => deserialize(tar)).toThrowError('<bytes>: this is a tar-based legacy PyTorch checkpoint (PyTorch 0.3 and older), which is not supported; re-save it with torch.save in a newer PyTorch');
  });

  it('refuses a legacy file with a wrong magic number', () => {
    const bad = fixtureBytes('legacy_format.pth');
    bad[5] ^= 0xff;
    expect(() => deserialize(bad)).toThrowError('<bytes>: not a PyTorch checkpoint (bad magic number)');
  });
});

import { describe, expect, it } from 'vitest';
import { tensor } from '../index';
import { Tensor } from '../tensor/tensor';
import { bytesSource } from './byte-source';
import { concatChunks } from './chunk-writer';
import { CheckpointError } from './checkpoint-error';
import { MAX_NESTING } from './limits';
import { deserialize, serialize } from './serialize';
import { writeTorch } from './torch-writer';
import { ZipReader } from './zip-reader';

const values = (t: unknown) => Array.from((t as Tensor).dataSync(), Number);

describe("serialize(obj, { format: 'torch' })", () => {
  it('writes the zip layout torch.save writes', () => {
    const bytes = serialize({ w: tensor([1, 2]), b: tensor([3]) }, { format: 'torch' });
    const zip = new ZipReader(bytesSource(bytes));
    expect(zip.names()).toEqual(['archive/data.pkl', 'archive/byteorder', 'archive/data/0', 'archive/data/1', 'archive/version']);
    expect(new TextDecoder().decode(zip.read('archive/version'))).toBe('3\n');
    expect(new TextDecoder().decode(zip.read('archive/byteorder'))).toBe('little');
    expect(Array.from(zip.read('archive/data.pkl').subarray(0, 2))).toEqual([0x80, 2]);
  });

  it('round-trips a state dict through the reader, int32 as int64 storage', () => {
    const sd = { 'fc.weight': tensor([[1.5, -2], [0, 4]]), 'bn.num_batches_tracked': tensor(5, { dtype: 'int64' }), mask: tensor([true, false]) };
    const bytes = serialize(sd, { format: 'torch' });
    const zip = new ZipReader(bytesSource(bytes));
    expect(zip.entry('archive/data/1').size).toBe(8);
    const back = deserialize<Record<string, Tensor>>(bytes);
    expect(Object.keys(back)).toEqual(Object.keys(sd));
    expect(back['fc.weight'].tolist()).toEqual([[1.5, -2], [0, 4]]);
    expect(back['bn.num_batches_tracked'].dtype).toBe('int32');
    expect(back['bn.num_batches_tracked'].item()).toBe(5);
    expect(back.mask.tolist()).toEqual([true, false]);
  });

  it('round-trips nested checkpoints: numbers, strings, bools, null, bigints, bytes, Maps, empty and scalar tensors', () => {
    const w = tensor([0.5, 0.25]);
    const ckpt = {
      model: { w },
      optimizer: { state: { 0: { step: 3, exp_avg: tensor([1, 2]) } }, param_groups: [{ lr: 0.001, betas: [0.9, 0.999], params: [0] }] },
      epoch: 7,
      name: 'run é ✓',
      done: false,
      best: null,
      big: -(2n ** 64n),
      raw: Uint8Array.from([0, 255, 7]),
      special: [NaN, Infinity, -0, 1e300],
      byId: new Map<string | number, unknown>([[1, 'one'], ['two', 2]]),
      scalar: tensor(2.5),
      empty: tensor([]).reshape([0, 4]),
      tied: [w, w],
    };
    const back = deserialize<Record<string, any>>(serialize(ckpt, { format: 'torch' }));
    expect(values(back.model.w)).toEqual([0.5, 0.25]);
    expect(back.optimizer.state['0'].step).toBe(3);
    expect(values(back.optimizer.state['0'].exp_avg)).toEqual([1, 2]);
    expect(back.optimizer.param_groups).toHaveLength(1);
    expect(back.optimizer.param_groups[0].lr).toBe(0.001);
    expect(back.optimizer.param_groups[0].betas).toEqual([0.9, 0.999]);
    expect(back.epoch).toBe(7);
    expect(back.name).toBe('run é ✓');
    expect(back.done).toBe(false);
    expect(back.best).toBe(null);
    expect(back.big).toBe(-(2n ** 64n));
    expect(Array.from(back.raw)).toEqual([0, 255, 7]);
    expect(back.special[0]).toBeNaN();
    expect(back.special.slice(1)).toEqual([Infinity, -0, 1e300]);
    expect(Object.is(back.special[2], -0)).toBe(true);
    expect(back.byId).toEqual({ 1: 'one', two: 2 });
    expect(back.scalar.shape).toEqual([]);
    expect(back.scalar.item()).toBe(2.5);
    expect(back.empty.shape).toEqual([0, 4]);
    expect(values(back.tied[0])).toEqual([0.5, 0.25]);
    expect(values(back.tied[1])).toEqual([0.5, 0.25]);
  });

  it('stores a tensor used twice once', () => {
    const w = tensor([1, 2, 3]);
    const zip = new ZipReader(bytesSource(serialize({ a: w, b: w, c: [w] }, { format: 'torch' })));
    expect(zip.names().filter((n) => n.includes('/data/'))).toEqual(['archive/data/0']);
  });

  it('keeps requiresGrad', () => {
    const p = tensor([1, 2], { requiresGrad: true });
    const back = deserialize<Record<string, Tensor>>(serialize({ p, q: tensor([3]) }, { format: 'torch' }));
    expect(back.p.requiresGrad).toBe(true);
    expect(back.q.requiresGrad).toBe(false);
  });

  it('writes ZIP64 records that the reader accepts', () => {
    const bytes = concatChunks(writeTorch({ x: tensor([1, 2]) }, 'test', { forceZip64: true }));
    expect(values(deserialize<Record<string, Tensor>>(bytes).x)).toEqual([1, 2]);
  });
});

describe('serialize (values a checkpoint cannot hold)', () => {
  for (const format of ['torch', 'safetensors'] as const) {
    it(`names the path of a function, a class instance or a typed array (${format})`, () => {
      expect(() => serialize({ a: { f: () => 1 } }, { format })).toThrowError(CheckpointError);
      expect(() => serialize({ a: { f: () => 1 } }, { format })).toThrowError("serialize: cannot save the function f at 'a.f'");
      class Linear {
        stateDict() {
          return {};
        }
      }
      expect(() => serialize({ model: new Linear() }, { format })).toThrowError(/cannot save the Linear instance at 'model' \(save its stateDict\(\) instead\)/);
      expect(() => serialize({ xs: [new Float32Array(2)] }, { format })).toThrowError(/cannot save the Float32Array instance at 'xs\[0\]' \(make it a tensor with dl\.tensor\(\)\)/);
    });

    it(`refuses disposed tensors, self-references and nesting deeper than ${MAX_NESTING} (${format})`, () => {
      const t = tensor([1]);
      t.dispose();
      expect(() => serialize({ w: t }, { format })).toThrowError("serialize: the tensor at 'w' was disposed");
      const loop: Record<string, unknown> = { a: 1 };
      loop.self = { back: loop };
      expect(() => serialize(loop, { format })).toThrowError("serialize: the value at 'self.back' contains itself (self-referencing values cannot be saved)");
      let deep: unknown = [];
      for (let i = 0; i < MAX_NESTING + 5; i++) deep = [deep];
      expect(() => serialize({ deep }, { format })).toThrowError(new RegExp(`nesting deeper than ${MAX_NESTING} levels`));
    });
  }

  it('refuses an unknown format and metadata with the torch format', () => {
    expect(() => serialize({}, { format: 'onnx' as 'torch' })).toThrowError("serialize: unknown format 'onnx' (expected 'safetensors' or 'torch')");
    expect(() => serialize({}, { format: 'torch', metadata: { a: 'b' } })).toThrowError("serialize: metadata is only supported with format 'safetensors'");
  });
});

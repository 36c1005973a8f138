import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { DatasetError } from '@dl/core/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matBytes, matrixElement } from '../../../test/support/mat-bytes';
import { matCharRows } from './mat-access';
import type { MatCharArray, MatStructArray, MatValue } from './mat-value';
import { readMat, readMatFile } from './read-mat';

const FIXTURES = new URL('../../../test/fixtures/datasets/mat/', import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));

const num = (cls: string, dims: number[], data: ArrayLike<number | bigint>, extra: object = {}) => ({ kind: 'numeric', class: cls, dims, data, logical: false, ...extra });

/** What scipy.io.savemat wrote into types.mat (see test/fixtures/generators/gen_datasets.py). */
const EXPECTED: Record<string, unknown> = {
  d: num('double', [2, 3], Float64Array.of(1, 4, 2.5, 5, -3, 6.25)),
  f32: num('single', [1, 2], Float32Array.of(0.5, -1.25)),
  i8: num('int8', [1, 3], Int8Array.of(-128, 0, 127)),
  // numpy's C order [2, 3, 4] written column-major: element (i, j, k) = 12i + 4j + k at i + 2j + 6k.
  u8: num('uint8', [2, 3, 4], Uint8Array.of(0, 12, 4, 16, 8, 20, 1, 13, 5, 17, 9, 21, 2, 14, 6, 18, 10, 22, 3, 15, 7, 19, 11, 23)),
  i16: num('int16', [1, 2], Int16Array.of(-32768, 32767)),
  u16: num('uint16', [1, 2], Uint16Array.of(65535, 1)),
  i32: num('int32', [1, 2], Int32Array.of(-2147483648, 2147483647)),
  u32: num('uint32', [1, 2], Uint32Array.of(4294967295, 0)),
  i64: num('int64', [1, 2], BigInt64Array.of(-9223372036854775808n, 9223372036854775807n)),
  u64: num('uint64', [1, 2], BigUint64Array.of(18446744073709551615n, 5n)),
  flags: num('uint8', [1, 3], Uint8Array.of(1, 0, 1), { logical: true }),
  // numpy's -3.5j has a real part of -0.
  z: num('double', [1, 2], Float64Array.of(1, -0), { imag: Float64Array.of(2, -3.5) }),
  text: { kind: 'char', dims: [1, 12], chars: 'hello, world' },
  rows: { kind: 'char', dims: [2, 3], chars: 'axbycz' },
  empty: num('double', [0, 0], new Float64Array(0)),
};

describe('readMat', () => {
  for (const file of ['types.mat', 'types_compressed.mat']) {
    it(`reads every class scipy.io.savemat writes (${file})`, () => {
      const mat = readMat(fixture(file), { name: file });
      expect(Object.keys(mat)).toEqual(['d', 'f32', 'i8', 'u8', 'i16', 'u16', 'i32', 'u32', 'i64', 'u64', 'flags', 'z', 'text', 'rows', 'empty', 'cell', 'nested', 'person', 'people']);
      for (const [name, value] of Object.entries(EXPECTED)) expect(mat[name], name).toEqual(value);
      expect(matCharRows(mat.rows as MatCharArray)).toEqual(['abc', 'xyz']);
      const cell = { kind: 'cell', dims: [1, 3], cells: [num('double', [1, 2], Float64Array.of(1.5, -2)), { kind: 'char', dims: [1, 2], chars: 'hi' }, num('double', [0, 0], new Float64Array(0))] };
      expect(mat.cell).toEqual(cell);
      expect(mat.nested).toEqual({ kind: 'cell', dims: [2, 1], cells: [cell, num('int16', [1, 1], Int16Array.of(7))] });
      expect(mat.person).toEqual({
        kind: 'struct',
        dims: [1, 1],
        fields: ['name', 'height'],
        elements: [{ name: { kind: 'char', dims: [1, 3], chars: 'dee' }, height: num('double', [1, 1], Float64Array.of(1.75)) }],
      });
      const people = mat.people as MatStructArray;
      expect([people.dims, people.fields]).toEqual([
        [3, 1],
        ['name', 'age', 'tags'],
      ]);
      expect(people.elements.map((p) => [(p.name as MatCharArray).chars, (p.age as { data: Float64Array }).data[0], Array.from((p.tags as { data: Uint8Array }).data)])).toEqual([
        ['ann', 31, [0, 1]],
        ['bob', 42, [1, 2]],
        ['cy', 7, [2, 3]],
      ]);
    });
  }

  for (const littleEndian of [true, false]) {
    it(`reads ${littleEndian ? 'little' : 'big'}-endian files, numbers stored narrower than their class, cells and structs`, () => {
      const bytes = matBytes(
        {
          y: { kind: 'double', dims: [3, 1], data: [1, 10, 5], stored: 'uint8' },
          w: { kind: 'double', dims: [1, 2], data: [-300, 2], stored: 'int16' },
          name: { kind: 'char', dims: [1, 4], text: 'WNID' },
          c: { kind: 'cell', dims: [1, 2], cells: [{ kind: 'uint8', dims: [1, 1], data: [9] }, { kind: 'char', dims: [1, 1], text: 'x' }] },
          s: { kind: 'struct', dims: [2, 1], fields: ['a', 'b'], elements: [[{ kind: 'char', dims: [1, 1], text: 'p' }, { kind: 'double', dims: [1, 1], data: [1] }], [{ kind: 'char', dims: [1, 1], text: 'q' }, { kind: 'double', dims: [1, 1], data: [2] }]] },
        },
        { littleEndian },
      );
      const mat = readMat(bytes, { name: 'x.mat' });
      expect(mat.y).toEqual(num('double', [3, 1], Float64Array.of(1, 10, 5)));
      expect(mat.w).toEqual(num('double', [1, 2], Float64Array.of(-300, 2)));
      expect(mat.name).toEqual({ kind: 'char', dims: [1, 4], chars: 'WNID' });
      expect(mat.c).toEqual({ kind: 'cell', dims: [1, 2], cells: [num('uint8', [1, 1], Uint8Array.of(9)), { kind: 'char', dims: [1, 1], chars: 'x' }] });
      const s = mat.s as MatStructArray;
      expect(s.elements.map((e) => (e.a as MatCharArray).chars)).toEqual(['p', 'q']);
    });
  }

  it("stores a field named '__proto__' as an own field", () => {
    const bytes = matBytes({ s: { kind: 'struct', dims: [1, 1], fields: ['__proto__'], elements: [[{ kind: 'char', dims: [1, 1], text: 'x' }]] } });
    const s = readMat(bytes).s as MatStructArray;
    expect(Object.keys(s.elements[0]!)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(s.elements[0]!)).toBe(Object.prototype);
  });

  const header = (bytes: Uint8Array) => bytes.subarray(0, 128);
  const fail = (why: string) => new DatasetError(`bad.mat: not a valid MAT-file: ${why}`);
  const good = matBytes({ v: { kind: 'double', dims: [1, 2], data: [1, 2] } });

  it('throws a DatasetError naming the file for a short, v4 or v7.3 file and a wrong version', () => {
    expect(() => readMat(good.subarray(0, 100), { name: 'bad.mat' })).toThrow(fail('the file has 100 bytes, fewer than the 128 of the header'));
    const v4 = new Uint8Array(200);
    expect(() => readMat(v4, { name: 'bad.mat' })).toThrow(fail(`the endian indicator is "\\u0000\\u0000", not 'IM' or 'MI' (not a version 5 MAT-file; version 4 files are not supported)`));
    const v73 = Uint8Array.from(good);
    v73.set(Uint8Array.from('MATLAB 7.3 MAT-file', (c) => c.charCodeAt(0)));
    expect(() => readMat(v73, { name: 'bad.mat' })).toThrow(fail('it is a MATLAB v7.3 file (HDF5), which is not supported; save it with -v7'));
    const version = Uint8Array.from(good);
    version[124] = 0x02;
    expect(() => readMat(version, { name: 'bad.mat' })).toThrow(fail('the header version is 0x102, expected 0x0100'));
  });

  it('throws a DatasetError for a truncated variable', () => {
    expect(() => readMat(good.subarray(0, good.length - 9), { name: 'bad.mat' })).toThrow(fail(`variable at offset 128: the data element at offset 128 claims ${good.length - 136} bytes but ${good.length - 145} remain`));
    expect(() => readMat(good.subarray(0, 132), { name: 'bad.mat' })).toThrow(fail('variable at offset 128: the data element tag at offset 128 needs 8 bytes but 4 remain'));
  });

  it('throws a DatasetError when the dimensions disagree with the data', () => {
    const bytes = matBytes({ v: { kind: 'double', dims: [1000, 1000], data: [1, 2] } });
    expect(() => readMat(bytes, { name: 'bad.mat' })).toThrow(fail("variable at offset 128 'v': real part: the dimensions hold 1000000 elements (8000000 bytes of miDOUBLE) but the data has 16 bytes"));
  });

  it('refuses cell dimensions the bytes left cannot hold before allocating them', () => {
    const bytes = matBytes({ c: { kind: 'cell', dims: [2147483647, 2147483647], cells: [] } });
    expect(() => readMat(bytes, { name: 'bad.mat' })).toThrow(fail("variable at offset 128 'c': the dimensions [2147483647, 2147483647] need 4611686014132420600 arrays but only 0 bytes remain"));
  });

  it('refuses an unknown array class and nesting deeper than 100 levels', () => {
    const bytes = Uint8Array.from(good);
    bytes[128 + 16] = 99; // the class byte of the array flags
    expect(() => readMat(bytes, { name: 'bad.mat' })).toThrow(fail('variable at offset 128: unknown array class 99'));
    let deep: Parameters<typeof matBytes>[0]['x'] = { kind: 'double', dims: [1, 1], data: [1] };
    for (let i = 0; i < 120; i++) deep = { kind: 'cell', dims: [1, 1], cells: [deep] };
    expect(() => readMat(matBytes({ x: deep }), { name: 'bad.mat' })).toThrow(/cells or structs nested deeper than 100 levels$/);
  });

  it('throws a DatasetError for corrupt compressed data and stops inflating at maxBytes', () => {
    const compressed = matBytes({ v: { kind: 'uint8', dims: [1, 4096], data: new Array(4096).fill(7) } }, { compress: true });
    const corrupt = Uint8Array.from(compressed);
    corrupt[128 + 8 + 2] ^= 0xff;
    corrupt[128 + 8 + 3] ^= 0xff;
    const error = (() => {
      try {
        readMat(corrupt, { name: 'bad.mat' });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(DatasetError);
    expect(error!.message).toMatch(/^bad\.mat: not a valid MAT-file: the compressed variable at offset 128 is corrupt or truncated \(/);
    const truncated = Uint8Array.from(compressed.subarray(0, compressed.length - 10));
    new DataView(truncated.buffer).setUint32(132, truncated.length - 136, true);
    expect(() => readMat(truncated, { name: 'bad.mat' })).toThrow(fail('the compressed variable at offset 128 is corrupt or truncated (unexpected end of file)'));
    expect(() => readMat(compressed, { name: 'bad.mat', maxBytes: 1000 })).toThrow(fail('the compressed variable at offset 128 inflates past the limit of 1000 bytes (maxBytes)'));
    expect((readMat(compressed, { maxBytes: 1 << 20 }).v as { data: Uint8Array }).data.length).toBe(4096);
  });

  it('keeps sparse and object arrays as unsupported markers and reads the rest', () => {
    const m = matrixElement({ kind: 'double', dims: [1, 1], data: [1] }, 'sp', true);
    const sparse = Uint8Array.from(m);
    sparse[16] = 5; // mxSPARSE_CLASS
    const sparseMat = new Uint8Array(128 + sparse.length + good.length - 128);
    sparseMat.set(header(good));
    sparseMat.set(sparse, 128);
    sparseMat.set(good.subarray(128), 128 + sparse.length);
    const mat = readMat(sparseMat);
    expect(mat.sp).toEqual({ kind: 'unsupported', className: 'sparse', dims: [1, 1] } satisfies MatValue);
    expect(mat.v).toEqual(num('double', [1, 2], Float64Array.of(1, 2)));
  });

  it('reads an empty compressed stream of variables as no variables', () => {
    const bytes = new Uint8Array(128 + 8 + deflateSync(new Uint8Array(0)).length);
    bytes.set(header(good));
    const z = deflateSync(new Uint8Array(0));
    new DataView(bytes.buffer).setUint32(128, 15, true);
    new DataView(bytes.buffer).setUint32(132, z.length, true);
    bytes.set(z, 136);
    expect(readMat(bytes)).toEqual({});
  });
});

describe('readMatFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dl-mat-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a file and names it in errors', async () => {
    const path = join(dir, 'a.mat');
    await writeFile(path, matBytes({ v: { kind: 'char', dims: [1, 2], text: 'ok' } }, { compress: true }));
    expect((await readMatFile(path)).v).toEqual({ kind: 'char', dims: [1, 2], chars: 'ok' });
    await writeFile(path, new Uint8Array(10));
    await expect(readMatFile(path)).rejects.toThrow(new DatasetError(`${path}: not a valid MAT-file: the file has 10 bytes, fewer than the 128 of the header`));
    const missing = join(dir, 'none.mat');
    await expect(readMatFile(missing)).rejects.toThrow(new DatasetError(`${missing}: cannot read the MAT-file: no such file (ENOENT)`));
  });
});

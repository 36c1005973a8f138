import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ByteCursor } from './byte-cursor';
import { bytesSource } from './byte-source';
import { CheckpointError } from './checkpoint-error';
import { expectMatches, fixtureDir } from '../../test/support/serialization-fixtures';
import { PyGlobal, unpickle, type UnpicklerHooks } from './pickle-reader';
import { torchHooks } from './torch-unpickler';
import { UnpicklingError } from './unpickling-error';

const samples: { expected: Record<string, unknown>; pickles: Record<string, string> } = JSON.parse(readFileSync(`${fixtureDir}pickle_protocols.json`, 'utf8'));

const hooks: UnpicklerHooks = torchHooks({
  name: 'test',
  storage() {
    throw new UnpicklingError('no storages in this test');
  },
});

/** Bytes from a mix of strings (latin-1) and byte arrays. */
function pk(...parts: (string | number[] | Uint8Array)[]): Uint8Array {
  const out: number[] = [];
  for (const p of parts) {
    if (typeof p === 'string') for (const c of p) out.push(c.charCodeAt(0));
    else out.push(...p);
  }
  return Uint8Array.from(out);
}

const load = (bytes: Uint8Array, h: UnpicklerHooks = hooks) => unpickle(new ByteCursor(bytesSource(bytes, 'test.pkl')), h);

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('unpickle (what Python writes)', () => {
  for (const [proto, b64] of Object.entries(samples.pickles)) {
    it(`reads every value of a protocol ${proto} pickle made by Python`, () => {
      const value = load(Uint8Array.from(Buffer.from(b64, 'base64')));
      expectMatches(value, samples.expected);
    });
  }

  it("stores a '__proto__' key as an own key without touching any prototype", () => {
    const v = load(pk('\x80\x02}X\t\x00\x00\x00__proto__}X\x08\x00\x00\x00pollutedK\x01ss.')) as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps shared references shared (a DAG stays small)', () => {
    // l0 = []; l1 = [l0, l0]; ... l40 = [l39, l39]: 2^40 paths, 41 lists.
    let body = ']q\x00';
    for (let i = 1; i <= 40; i++) body += `(h${String.fromCharCode(i - 1)}h${String.fromCharCode(i - 1)}lq${String.fromCharCode(i)}`;
    const v = load(pk('\x80\x02', body, '.')) as unknown[];
    expect(v[0]).toBe(v[1]);
  });
});

describe('unpickle (refusals)', () => {
  it('refuses GLOBAL os.system before calling anything', () => {
    const e = errorOf(() => load(pk('\x80\x02cos\nsystem\nX\x02\x00\x00\x00ls\x85R.')));
    expect(e).toBeInstanceOf(UnpicklingError);
    expect((e as UnpicklingError).global).toBe('os.system');
    expect(e.message).toBe("test.pkl: pickle: refusing global 'os.system': checkpoints may only rebuild tensors, dicts, lists, tuples and primitives (nothing in the file is executed) (at offset 2)");
  });

  it('refuses STACK_GLOBAL builtins.eval and names the Python 2 spelling', () => {
    const e = errorOf(() => load(pk('\x80\x04\x8c\x08builtins\x8c\x04eval\x93.')));
    expect((e as UnpicklingError).global).toBe('builtins.eval');
    const py2 = errorOf(() => load(pk('\x80\x02c__builtin__\neval\n.')));
    expect(py2.message).toMatch(/refusing global 'builtins\.eval'.*\(written as '__builtin__\.eval'\)/);
  });

  it('refuses INST and OBJ of unknown classes', () => {
    expect(errorOf(() => load(pk('(X\x02\x00\x00\x00lsisubprocess\nPopen\n.'))).message).toMatch(/refusing global 'subprocess\.Popen'/);
    expect(errorOf(() => load(pk('\x80\x02(cposix\nsystem\nX\x02\x00\x00\x00lso.'))).message).toMatch(/refusing global 'posix\.system'/);
  });

  it('refuses names that exist on Object.prototype', () => {
    expect(errorOf(() => load(pk('\x80\x02ctorch\ntoString\n.'))).message).toMatch(/refusing global 'torch\.toString'/);
    expect(errorOf(() => load(pk('\x80\x02cconstructor\nx\n.'))).message).toMatch(/refusing global 'constructor\.x'/);
  });

  it('refuses calling an allowed global that is only a marker', () => {
    expect(errorOf(() => load(pk('\x80\x02ctorch\nFloatStorage\n)R.'))).message).toMatch(/torch\.FloatStorage is not callable here/);
  });

  it('refuses BUILD on plain dicts and extension opcodes', () => {
    expect(errorOf(() => load(pk('\x80\x02}}b.'))).message).toMatch(/BUILD \(setting object state\) is not allowed on a dict/);
    expect(errorOf(() => load(pk('\x80\x02\x82\x01.'))).message).toMatch(/extension-registry opcodes \(EXT1\/EXT2\/EXT4\) are not allowed/);
  });

  it('refuses persistent ids that are not storages', () => {
    expect(errorOf(() => load(pk('\x80\x02X\x06\x00\x00\x00moduleK\x01\x86Q.'))).message).toMatch(/only storages may be loaded by persistent id \(got 'module'\)/);
    expect(errorOf(() => load(pk('\x80\x02Q.'), { findGlobal: () => new PyGlobal('x') })).message).toBe('test.pkl: pickle: stack underflow (malformed pickle) (opcode 0x51 at offset 2)');
    expect(errorOf(() => load(pk('\x80\x02NQ.'), { findGlobal: () => new PyGlobal('x') })).message).toMatch(/persistent ids are not allowed here/);
  });

  it('refuses unknown opcodes, future protocols and truncation', () => {
    expect(errorOf(() => load(pk('\x80\x02\xff.'))).message).toBe('test.pkl: pickle: unknown pickle opcode 0xff (corrupt or not a pickle) (opcode 0xff at offset 2)');
    expect(errorOf(() => load(pk('\x80\x06N.'))).message).toMatch(/unsupported pickle protocol 6 \(expected 0-5\)/);
    expect(errorOf(() => load(pk('\x80\x02N'))).message).toMatch(/the pickle ends before its STOP opcode \(truncated\)/);
    expect(errorOf(() => load(pk('\x80\x02X\x05\x00\x00\x00ab'))).message).toMatch(/truncated or corrupt: needs 5 bytes at offset 7 but only 2 remain/);
  });

  it('refuses huge claimed lengths without allocating them', () => {
    const e = errorOf(() => load(pk('\x80\x04\x8d', [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00], 'abc.')));
    expect(e).toBeInstanceOf(CheckpointError);
    expect(e.message).toMatch(/needs 281474976710655 bytes at offset 11 but only 4 remain/);
    expect(errorOf(() => load(pk('\x80\x02\x8b', [0, 0, 0, 0x10], '.'))).message).toMatch(/integer of 268435456 bytes is too large \(limit 1024\)/);
    expect(errorOf(() => load(pk('\x80\x04\x95', [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f], 'N.'))).message).toMatch(/truncated or corrupt/);
  });

  it('refuses a malformed stack (underflow, missing MARK, unknown memo key)', () => {
    expect(errorOf(() => load(pk('\x80\x02a.'))).message).toMatch(/stack underflow/);
    expect(errorOf(() => load(pk('\x80\x02Nt.'))).message).toMatch(/no MARK on the stack/);
    expect(errorOf(() => load(pk('\x80\x02h\x07.'))).message).toMatch(/memo key 7 was never stored/);
    expect(errorOf(() => load(pk('\x80\x02NNNs.'))).message).toMatch(/SETITEM\(S\) needs a dict below the items \(got None\)/);
    expect(errorOf(() => load(pk('\x80\x02)Na.'))).message).toMatch(/APPEND\(S\) needs a list below the items \(got a tuple\)/);
  });

  it('refuses dict keys that are containers', () => {
    expect(errorOf(() => load(pk('\x80\x02}K\x01K\x02\x86Ns.'))).message).toMatch(/dict keys must be str, int, float, bool or None \(got a list\/tuple\)/);
  });
});

import { describe, expect, it } from 'vitest';
import { bytesSource } from './byte-source';
import { concatChunks } from './chunk-writer';
import { CheckpointError } from './checkpoint-error';
import { crc32, crc32Js } from './crc32';
import { writeZip } from './zip-writer';
import { isSafeEntryName, ZipReader } from './zip-reader';

const enc = (s: string) => new TextEncoder().encode(s);
const zipOf = (entries: Record<string, string | Uint8Array>, options = {}) =>
  concatChunks(writeZip(Object.entries(entries).map(([name, d]) => ({ name, data: [typeof d === 'string' ? enc(d) : d] })), options));
const open = (bytes: Uint8Array) => new ZipReader(bytesSource(bytes, 'test.zip'));

function u32At(b: Uint8Array, at: number): number {
  return new DataView(b.buffer, b.byteOffset).getUint32(at, true);
}

describe('crc32', () => {
  it('matches the standard check value for "123456789"', () => {
    expect(crc32(enc('123456789'))).toBe(0xcbf43926);
  });

  it('gives the same value when continued over pieces', () => {
    const data = Uint8Array.from({ length: 1000 }, (_, i) => (i * 31) & 0xff);
    expect(crc32(data.subarray(500), crc32(data.subarray(0, 500)))).toBe(crc32(data));
  });

  it('has a portable implementation that agrees with the native one at any alignment and length', () => {
    expect(crc32Js(enc('123456789'))).toBe(0xcbf43926);
    const data = Uint8Array.from({ length: 4099 }, (_, i) => (i * 131 + 7) & 0xff);
    for (const [start, end] of [[0, 4099], [1, 4000], [3, 11], [5, 5], [2, 4098]]) {
      const part = data.subarray(start, end);
      expect(crc32Js(part)).toBe(crc32(part));
      expect(crc32Js(part, 0x12345678)).toBe(crc32(part, 0x12345678));
    }
  });
});

describe('writeZip / ZipReader', () => {
  it('round-trips entries with 64-byte aligned data', () => {
    const big = Uint8Array.from({ length: 70000 }, (_, i) => i & 0xff);
    const bytes = zipOf({ 'archive/data.pkl': 'hello', 'archive/data/0': big, 'archive/version': '3\n' });
    const zip = open(bytes);
    expect(zip.names()).toEqual(['archive/data.pkl', 'archive/data/0', 'archive/version']);
    expect(new TextDecoder().decode(zip.read('archive/data.pkl'))).toBe('hello');
    expect(Buffer.compare(zip.read('archive/data/0'), big)).toBe(0);
    for (const name of zip.names()) {
      const e = zip.entry(name);
      const nameLen = bytes[e.localHeaderOffset + 26] | (bytes[e.localHeaderOffset + 27] << 8);
      const extraLen = bytes[e.localHeaderOffset + 28] | (bytes[e.localHeaderOffset + 29] << 8);
      expect((e.localHeaderOffset + 30 + nameLen + extraLen) % 64).toBe(0);
      expect(e.method).toBe(0);
    }
  });

  it('reads ZIP64 records when they are written', () => {
    const bytes = zipOf({ 'a/data.pkl': 'x', 'a/data/0': 'yz' }, { forceZip64: true });
    expect(u32At(bytes, bytes.length - 22 - 20)).toBe(0x07064b50);
    const zip = open(bytes);
    expect(new TextDecoder().decode(zip.read('a/data/0'))).toBe('yz');
  });

  it('refuses a corrupt entry by its CRC-32', () => {
    const bytes = zipOf({ 'a/data/0': 'abcdefgh' });
    expect(String.fromCharCode(...bytes.subarray(64, 72))).toBe('abcdefgh');
    bytes[64] ^= 1;
    expect(() => open(bytes).read('a/data/0')).toThrowError(CheckpointError);
    expect(() => open(bytes).read('a/data/0')).toThrowError(/zip entry 'a\/data\/0' is corrupt: CRC-32 0x[0-9a-f]{8} does not match the recorded 0x[0-9a-f]{8}/);
  });

  it('refuses entries with .. or absolute paths', () => {
    for (const name of ['../evil', 'a/../../evil', '/etc/passwd', 'a\\..\\b', 'C:/x']) {
      expect(() => open(zipOf({ [name]: 'x' }))).toThrowError(new RegExp(`zip entry '${name.replace(/[.\\/]/g, '\\$&')}' has an unsafe path`));
    }
    expect(isSafeEntryName('archive/data/0')).toBe(true);
    expect(isSafeEntryName('archive/..data')).toBe(true);
  });

  it('refuses duplicate entry names', () => {
    const bytes = concatChunks(writeZip([{ name: 'a/x', data: [enc('1')] }, { name: 'a/x', data: [enc('2')] }]));
    expect(() => open(bytes)).toThrowError(/zip entry 'a\/x' appears twice/);
  });

  it('refuses compressed and encrypted entries', () => {
    const bytes = zipOf({ 'a/x': 'data' });
    const cd = bytes.length - 22 - (46 + 3);
    expect(u32At(bytes, cd)).toBe(0x02014b50);
    const deflated = bytes.slice();
    deflated[cd + 10] = 8;
    expect(() => open(deflated).read('a/x')).toThrowError(/zip entry 'a\/x' is compressed \(method 8, deflate\)/);
    const encrypted = bytes.slice();
    encrypted[cd + 8] |= 1;
    expect(() => open(encrypted).read('a/x')).toThrowError(/zip entry 'a\/x' is encrypted/);
  });

  it('refuses a local header that names another file', () => {
    const bytes = zipOf({ 'a/x': 'data' });
    bytes[30 + 2] = 'y'.charCodeAt(0);
    expect(() => open(bytes).read('a/x')).toThrowError(/its local header names 'a\/y'/);
  });

  it('refuses non-zip and truncated input', () => {
    expect(() => open(new Uint8Array(10))).toThrowError(/not a zip archive: 10 bytes is shorter than/);
    const bytes = zipOf({ 'a/x': 'data' });
    expect(() => open(bytes.subarray(0, bytes.length - 30))).toThrowError(/end-of-central-directory record not found/);
  });

  it('refuses a central directory that claims more entries than it has bytes for', () => {
    const bytes = zipOf({ 'a/x': 'data' });
    const eocd = bytes.length - 22;
    bytes[eocd + 10] = 0xfe;
    bytes[eocd + 11] = 0xff;
    expect(() => open(bytes)).toThrowError(/central directory claims 65534 entries but has only 49 bytes/);
  });

  it('refuses an entry whose size runs past the entries area', () => {
    const bytes = zipOf({ 'a/x': 'data' });
    const cd = bytes.length - 22 - (46 + 3);
    new DataView(bytes.buffer).setUint32(cd + 20, 1e9, true);
    new DataView(bytes.buffer).setUint32(cd + 24, 1e9, true);
    expect(() => open(bytes).read('a/x')).toThrowError(/zip entry 'a\/x' \(1000000000 bytes at offset \d+\) runs past the end of the entries area/);
  });

  it('names a missing entry', () => {
    expect(() => open(zipOf({ 'a/x': '1' })).read('a/y')).toThrowError(/zip entry 'a\/y' is missing/);
  });
});

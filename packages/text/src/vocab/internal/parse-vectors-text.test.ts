import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TORCHTEXT, tempFolder } from '../../../test/fixtures/vocab/support';
import { VectorsFormatError } from '../../errors/vectors-format-error';
import { parseVectorsText } from './parse-vectors-text';
import { pythonFloat } from './python-float';

let dir: string;
beforeEach(async () => {
  dir = await tempFolder('parse');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function formatError(path: string): Promise<VectorsFormatError> {
  const error = await parseVectorsText(path).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(VectorsFormatError);
  return error as VectorsFormatError;
}

const bad = TORCHTEXT.bad_files;

describe('parseVectorsText', () => {
  it("raises on a vector of another dimension, as torchtext (naming the file, line, token, expected and actual dimension)", async () => {
    expect(bad.wrong_dim!.message).toBe('Vector for token b\'c\' has 2 dimensions, but previously read vectors have 3 dimensions. All vectors must have the same number of dimensions.');
    const path = await file('wrong_dim.txt', bad.wrong_dim!.lines.join(''));
    const error = await formatError(path);
    expect(error.message).toBe(`Vectors: ${path} line 3: the vector of 'c' has 2 dimensions, expected 3 as on the lines before it`);
    expect([error.path, error.line, error.expected, error.actual]).toEqual([path, 3, 3, 2]);
  });

  it('skips a count/dim header on the first line, as torchtext', async () => {
    const path = await file('header.txt', bad.header!.lines.join(''));
    const parsed = await parseVectorsText(path);
    expect([parsed.words, parsed.dim]).toEqual([bad.header!.itos, bad.header!.dim]);
    expect(Array.from(parsed.data)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('raises on a single-value line after the first, where torchtext drops it as "likely a header" (a silently lost word)', async () => {
    expect(bad.single_value_line!.itos).toEqual(['a', 'c']); // torchtext lost 'b'
    const path = await file('single.txt', bad.single_value_line!.lines.join(''));
    const error = await formatError(path);
    expect(error.message).toBe(`Vectors: ${path} line 2: the vector of 'b' has 1 dimensions, expected 3 as on the lines before it (a \`count dim\` header is only allowed on the first line)`);
  });

  it('raises a VectorsFormatError for an empty file (torchtext fails with a TypeError from torch.zeros)', async () => {
    expect(bad.empty!.error).toBe('TypeError');
    const empty = await file('empty.txt', '');
    expect((await formatError(empty)).message).toBe(`Vectors: ${empty} holds no vectors (the file is empty)`);
    const blank = await file('blank.txt', '\n  \n\n');
    expect((await formatError(blank)).message).toBe(`Vectors: ${blank} holds no vectors (3 lines without a vector)`);
    const headerOnly = await file('header-only.txt', '0 300\n');
    expect((await formatError(headerOnly)).message).toBe(`Vectors: ${headerOnly} holds no vectors (1 lines without a vector)`);
  });

  it("reads a token with spaces from the right (glove.840B's 'at name@domain.com'), where torchtext raises", async () => {
    expect(bad.space_in_token!.message).toContain("Vector for token b'at' has 4 dimensions");
    const path = await file('space.txt', bad.space_in_token!.lines.join(''));
    const parsed = await parseVectorsText(path);
    expect(parsed.words).toEqual(['a', 'at name@domain.com']);
    expect(Array.from(parsed.data)).toEqual([1, 2, 3, 4, 5, 6]);
    // ... also on the first line, which sets the dimension: the trailing numbers are the vector.
    const first = await file('space-first.txt', 'at name@domain.com 4 5 6\n1990 1 2 3\n');
    expect((await parseVectorsText(first)).words).toEqual(['at name@domain.com', '1990']);
  });

  it('still raises when the extra field before the vector is a number (one value too many)', async () => {
    const path = await file('extra.txt', 'a 1 2 3\nb 4 5 6 7\n');
    const error = await formatError(path);
    expect(error.message).toBe(`Vectors: ${path} line 2: the vector of 'b' has 4 dimensions, expected 3 as on the lines before it`);
  });

  it('raises on a value that is not a number, naming it (torchtext: ValueError from float())', async () => {
    expect(bad.not_a_number!.message).toBe("could not convert string to float: b'x'");
    const path = await file('nan.txt', bad.not_a_number!.lines.join(''));
    const error = await formatError(path);
    expect(error.message).toBe(`Vectors: ${path} line 2: value 2 of 'b', 'x', is not a number`);
    expect([error.line, error.expected, error.actual]).toEqual([2, 'a number', 'x']);
    const doubleSpace = await file('double.txt', 'a 1 2 3\nb 4  5\n');
    expect((await formatError(doubleSpace)).message).toBe(`Vectors: ${doubleSpace} line 2: value 2 of 'b', '', is not a number`);
    const noNumbers = await file('words.txt', 'hello world\n');
    expect((await formatError(noNumbers)).message).toBe(`Vectors: ${noNumbers} line 1: 'world' is not a number`);
    const alone = await file('alone.txt', 'hello\n');
    expect((await formatError(alone)).message).toBe(`Vectors: ${alone} line 1: 'hello' has no vector after it`);
  });

  it('reads every spelling of a number Python float() reads, to the same float32', async () => {
    const spellings = ['nan', '-inf', 'Infinity', '1_000.5', '.5', '5.', '+1e-3', '-0', '0.1234567890123456789012', '1e-30', '3.4028236e38', '-2.5E+2', '0000.100'];
    const path = await file('spellings.txt', `w ${spellings.join(' ')}\n`);
    const parsed = await parseVectorsText(path);
    const expected = spellings.map((s) => Math.fround(pythonFloat(s)!));
    expect(Array.from(parsed.data)).toEqual(expected);
    expect(Object.is(parsed.data[7], -0)).toBe(true);
    expect(parsed.data[10]).toBe(Number.POSITIVE_INFINITY); // above float32's range, as torch's float32 conversion
  });

  it('reads random numbers in every common spelling to the float32 of the correctly rounded double, on the fast and slow paths', async () => {
    let seed = 11;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const lines: string[] = [];
    const expected: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const v = (next() - 0.5) * 10 ** Math.floor(next() * 10 - 5);
      const spellings = [v.toFixed(6), v.toPrecision(17), v.toExponential(4), String(v), v.toFixed(3).replace(/^(-?)0\./, '$1.')];
      lines.push(`w${i} ${spellings.join(' ')}\n`);
      expected.push(...spellings.map((s) => Math.fround(Number(s))));
    }
    const parsed = await parseVectorsText(await file('random.txt', lines.join('')));
    expect(parsed.dim).toBe(5);
    expect(Array.from(parsed.data)).toEqual(expected);
  });

  it('handles CRLF line ends, blank lines and a last line without a newline', async () => {
    const path = await file('crlf.txt', 'a 1 2\r\n\r\nb 3 4\r\n\nc 5 6');
    const parsed = await parseVectorsText(path);
    expect([parsed.words, Array.from(parsed.data)]).toEqual([['a', 'b', 'c'], [1, 2, 3, 4, 5, 6]]);
  });

  it('skips tokens that are not UTF-8, as torchtext, and counts them', async () => {
    const path = await file('latin1.txt', Buffer.concat([Buffer.from('a 1 2\n'), Buffer.from([0x63, 0x61, 0x66, 0xe9]), Buffer.from(' 3 4\nb 5 6\n')]));
    const parsed = await parseVectorsText(path);
    expect([parsed.words, parsed.skipped, Array.from(parsed.data)]).toEqual([['a', 'b'], 1, [1, 2, 5, 6]]);
  });

  it('reads lines across read chunks (a file larger than one 1 MB chunk)', async () => {
    const words = Array.from({ length: 30_000 }, (_, i) => `w${i}`);
    const path = await file('big.txt', words.map((w, i) => `${w} ${i} ${-i} ${i / 8}\n`).join(''));
    const parsed = await parseVectorsText(path);
    expect(parsed.words).toEqual(words);
    expect(Array.from(parsed.data.subarray(3 * 29_999))).toEqual([29_999, -29_999, 29_999 / 8]);
  });

  it('raises when a header announces more or fewer vectors than the file holds (a truncated .vec)', async () => {
    const path = await file('short.vec', '3 2\na 1 2\nb 3 4\n');
    const error = await formatError(path);
    expect(error.message).toBe(`Vectors: ${path}: its header line announces 3 vectors but the file holds 2 (truncated?)`);
    const huge = await file('lying.vec', '999999999999 2\na 1 2\n');
    expect((await formatError(huge)).message).toBe(`Vectors: ${huge}: its header line announces 999999999999 vectors but the file holds 1 (truncated?)`);
    const zero = await file('zero.vec', '5 0\n');
    expect((await formatError(zero)).message).toBe(`Vectors: ${zero} line 1: its header line says the vectors have 0 dimensions`);
  });

  it('stops after maxVectors lines without reading the rest', async () => {
    const path = await file('max.vec', '4 2\na 1 2\nb 3 4\nc 5 6\nd 7 8 9 not even valid\n');
    const parsed = await parseVectorsText(path, { maxVectors: 3 });
    expect([parsed.words, Array.from(parsed.data)]).toEqual([['a', 'b', 'c'], [1, 2, 3, 4, 5, 6]]);
  });
});

// Streaming reader of word-vector text files (GloVe, word2vec/fastText `.vec`, CharNGram): one
// `token v1 v2 ... vd` a line, split on the ASCII space only, like torchtext's `line.rstrip().split(b" ")`.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { VectorsFormatError } from '../../errors/vectors-format-error';
import { fastRow } from './fast-row';
import { latin1, parseFloatBytes, SPACE } from './python-float';
import { RowStore } from './row-store';

/** What a vectors text file holds. */
export interface ParsedVectors {
  /** The tokens, in file order (duplicates kept, as torchtext's `itos`). */
  words: string[];
  /** `words.length * dim` floats, row-major. */
  data: Float32Array;
  dim: number;
  /** Lines skipped because their token is not valid UTF-8 (torchtext skips them too). */
  skipped: number;
}

const OP = 'Vectors';
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Python's bytes.rstrip() set: space, \t, \n, \v, \f, \r. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** One vectors file being read; see {@link parseVectorsText}. */
class VectorsTextParser {
  private readonly path: string;
  private readonly maxVectors: number;
  private dim = -1;
  private headerCount: number | undefined;
  private store: RowStore | undefined;
  readonly words: string[] = [];
  skipped = 0;
  lineNo = 0;
  private readonly ok = new Uint8Array(1);
  /** The file's size when it is not compressed: bounds what a header may make us allocate. */
  private readonly fileSize: number | undefined;

  constructor(path: string, maxVectors: number, fileSize: number | undefined) {
    this.path = path;
    this.maxVectors = maxVectors;
    this.fileSize = fileSize;
  }

  get done(): boolean {
    return this.words.length >= this.maxVectors;
  }

  /** Reads the line `buf[s, e)` (without its newline). */
  line(buf: Uint8Array, s: number, e: number): void {
    this.lineNo++;
    while (e > s && isSpace(buf[e - 1]!)) e--;
    if (e === s) return; // a blank line holds no vector
    if (this.dim < 0) {
      this.firstLine(buf, s, e);
      return;
    }
    let p = s;
    while (p < e && buf[p] !== SPACE) p++;
    const store = this.store!;
    if (fastRow(buf, p, e, store.block, store.offset, this.dim)) this.commit(buf, s, p);
    else this.slowLine(buf, s, e);
  }

  /** The first line: a `count dim` header (word2vec, fastText), or the first vector, which sets the dimension. */
  private firstLine(buf: Uint8Array, s: number, e: number): void {
    const fields = splitFields(buf, s, e);
    if (fields.length === 2 && fields.every(([a, b]) => /^\d+$/.test(latin1(buf, a, b)))) {
      const count = Number(latin1(buf, fields[0]![0], fields[0]![1]));
      const dim = Number(latin1(buf, fields[1]![0], fields[1]![1]));
      if (dim === 0) this.fail(`its header line says the vectors have 0 dimensions`, 'a dimension >= 1', 0);
      // A line takes at least two bytes a value, so a lying header cannot make us allocate more than the file.
      const room = this.fileSize !== undefined ? Math.floor(this.fileSize / (2 * dim)) + 1 : count * dim <= 1 << 24 ? count : 0;
      this.start(dim, Math.min(count, this.maxVectors, room));
      this.headerCount = count;
      return;
    }
    // The dimension is the run of numbers at the end of the line; anything before it is the token.
    let first = fields.length;
    while (first > 1 && this.isNumber(buf, fields[first - 1]!)) first--;
    if (first === fields.length) {
      const last = fields[fields.length - 1]!;
      this.fail(
        fields.length === 1 ? `'${this.token(buf, s, e)}' has no vector after it` : `'${latin1(buf, last[0], last[1])}' is not a number`,
        'a token followed by numbers separated by single spaces',
        latin1(buf, s, Math.min(e, s + 60)),
      );
    }
    this.start(fields.length - first);
    this.slowLine(buf, s, e);
  }

  private start(dim: number, expectedRows?: number): void {
    this.dim = dim;
    this.store = new RowStore(dim, expectedRows);
  }

  /**
   * A line the fast path could not take whole: a token with spaces in it (`at name@domain.com`
   * in glove.840B: the last `dim` fields are the vector, the rest the token, when the field
   * before the vector is not a number), a value that is not a number, or another dimension.
   */
  private slowLine(buf: Uint8Array, s: number, e: number): void {
    const fields = splitFields(buf, s, e);
    const values = fields.length - 1;
    const dim = this.dim;
    let tokenEnd = fields[0]![1];
    if (values > dim && !this.isNumber(buf, fields[values - dim]!)) tokenEnd = fields[values - dim]![1];
    else if (values !== dim) {
      const token = this.token(buf, s, fields[0]![1]);
      const hint = values === 1 ? ' (a `count dim` header is only allowed on the first line)' : '';
      this.fail(`the vector of '${token}' has ${values} dimensions, expected ${dim} as on the lines before it${hint}`, dim, values);
    }
    const store = this.store!;
    for (let k = 0; k < dim; k++) {
      const [a, b] = fields[fields.length - dim + k]!;
      const v = parseFloatBytes(buf, a, b, this.ok);
      if (this.ok[0] === 0) {
        this.fail(`value ${k + 1} of '${this.token(buf, s, tokenEnd)}', '${latin1(buf, a, b)}', is not a number`, 'a number', latin1(buf, a, b));
      }
      store.block[store.offset + k] = v;
    }
    this.commit(buf, s, tokenEnd);
  }

  private commit(buf: Uint8Array, s: number, tokenEnd: number): void {
    let ascii = true;
    for (let i = s; i < tokenEnd; i++) {
      if (buf[i]! >= 0x80) {
        ascii = false;
        break;
      }
    }
    let word: string;
    if (ascii) {
      word = latin1(buf, s, tokenEnd);
    } else {
      try {
        word = utf8.decode(buf.subarray(s, tokenEnd));
      } catch {
        this.skipped++; // torchtext skips tokens that are not UTF-8
        return;
      }
    }
    this.words.push(word);
    this.store!.commit();
  }

  private isNumber(buf: Uint8Array, [a, b]: [number, number]): boolean {
    parseFloatBytes(buf, a, b, this.ok);
    return this.ok[0] === 1;
  }

  private token(buf: Uint8Array, s: number, e: number): string {
    return new TextDecoder().decode(buf.subarray(s, Math.min(e, s + 60)));
  }

  private fail(what: string, expected: number | string, actual: number | string): never {
    throw new VectorsFormatError(`${OP}: ${this.path} line ${this.lineNo}: ${what}`, { path: this.path, line: this.lineNo, expected, actual });
  }

  finish(stoppedEarly: boolean): ParsedVectors {
    if (this.store === undefined || this.words.length === 0) {
      throw new VectorsFormatError(`${OP}: ${this.path} holds no vectors (${this.lineNo === 0 ? 'the file is empty' : `${this.lineNo} lines without a vector`})`, {
        path: this.path,
        expected: 'at least one `token v1 ... vd` line',
        actual: this.lineNo === 0 ? 'an empty file' : `${this.lineNo} lines`,
      });
    }
    const read = this.words.length + this.skipped;
    if (!stoppedEarly && this.headerCount !== undefined && read !== this.headerCount) {
      throw new VectorsFormatError(
        `${OP}: ${this.path}: its header line announces ${this.headerCount} vectors but the file holds ${read}${read < this.headerCount ? ' (truncated?)' : ''}`,
        { path: this.path, line: 1, expected: this.headerCount, actual: read },
      );
    }
    return { words: this.words, data: this.store.finish(), dim: this.dim, skipped: this.skipped };
  }
}

/** The `[start, end)` of each field of `buf[s, e)` split on single spaces (empty fields kept, as Python's split(b" ")). */
function splitFields(buf: Uint8Array, s: number, e: number): [number, number][] {
  const out: [number, number][] = [];
  let a = s;
  for (let p = s; p <= e; p++) {
    if (p === e || buf[p] === SPACE) {
      out.push([a, p]);
      a = p + 1;
    }
  }
  return out;
}

/**
 * Reads a vectors text file (`.gz` decompressed on the fly) as torchtext's `Vectors.cache` does:
 * a first line of exactly two integers is a word2vec/fastText header; every other line is a
 * token and its vector; all vectors must have the dimension of the first. Deviations, each
 * where torchtext would fail or drop data silently: blank lines are skipped (torchtext raises),
 * a token with spaces is read from the right (torchtext raises), a single-value line after the
 * first raises (torchtext drops it as "likely a header"), and a header whose count disagrees
 * with the lines raises.
 */
export async function parseVectorsText(path: string, options: { maxVectors?: number } = {}): Promise<ParsedVectors> {
  const gz = path.endsWith('.gz');
  const maxVectors = options.maxVectors && options.maxVectors > 0 ? options.maxVectors : Number.POSITIVE_INFINITY;
  const parser = new VectorsTextParser(path, maxVectors, gz ? undefined : (await stat(path)).size);
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  const input: Readable = gz ? raw.pipe(createGunzip()) : raw;
  if (input !== raw) raw.on('error', (error) => input.destroy(error));
  let carry: Buffer | undefined;
  let stoppedEarly = false;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      let s = 0;
      if (carry) {
        const nl = chunk.indexOf(10);
        if (nl === -1) {
          carry = Buffer.concat([carry, chunk]);
          continue;
        }
        const line = Buffer.concat([carry, chunk.subarray(0, nl)]);
        carry = undefined;
        parser.line(line, 0, line.length);
        s = nl + 1;
      }
      for (let nl = chunk.indexOf(10, s); nl !== -1 && !parser.done; nl = chunk.indexOf(10, s)) {
        parser.line(chunk, s, nl);
        s = nl + 1;
      }
      if (parser.done) {
        stoppedEarly = true;
        break;
      }
      if (s < chunk.length) carry = Buffer.from(chunk.subarray(s));
    }
    if (carry && !parser.done) parser.line(carry, 0, carry.length);
  } catch (error) {
    if (error instanceof VectorsFormatError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') throw error;
    throw new VectorsFormatError(`${OP}: ${path} cannot be read as ${input !== raw ? 'gzip-compressed ' : ''}text: ${(error as Error).message}`, {
      path,
      expected: input !== raw ? 'a gzip stream' : 'a text file',
      actual: (error as Error).message,
    });
  } finally {
    input.destroy();
    raw.destroy();
  }
  return parser.finish(stoppedEarly || parser.done);
}

import { MatElementReader, MI, type MatElement } from './mat-element';
import { decodeNumeric } from './mat-numeric';
import type { MatNumericClass, MatValue } from './mat-value';

/** @internal MATLAB's array classes (the low byte of the array flags). */
const CLASSES: Record<number, string> = {
  1: 'cell',
  2: 'struct',
  3: 'object',
  4: 'char',
  5: 'sparse',
  6: 'double',
  7: 'single',
  8: 'int8',
  9: 'uint8',
  10: 'int16',
  11: 'uint16',
  12: 'int32',
  13: 'uint32',
  14: 'int64',
  15: 'uint64',
  16: 'function_handle',
  17: 'opaque',
};
const NUMERIC = new Set(['double', 'single', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64']);
const COMPLEX = 0x0800;
const LOGICAL = 0x0200;
/** Cells and structs nest; deeper than this is a crafted file. */
const MAX_DEPTH = 100;

/** @internal A miMATRIX element parsed: its name (empty inside cells and structs) and value. */
export interface NamedMatValue {
  name: string;
  value: MatValue;
}

/**
 * @internal Parses the content of a miMATRIX data element: array flags, dimensions, name, then
 * the data of its class (numeric parts, characters, cells, or struct fields), recursing into
 * cells and structs. Element counts are checked against the bytes left before arrays are made.
 */
export function parseMatrix(reader: MatElementReader, element: MatElement, what: string, depth = 0): NamedMatValue {
  const fail = reader.fail;
  if (element.type !== MI.MATRIX) fail(`${what}: expected a miMATRIX element (type 14), got type ${element.type}`);
  if (depth > MAX_DEPTH) fail(`${what}: cells or structs nested deeper than ${MAX_DEPTH} levels`);
  // An empty miMATRIX (no subelements) is an empty array, as MATLAB writes for [] in cells.
  if (element.data.length === 0) return { name: '', value: { kind: 'numeric', class: 'double', dims: [0, 0], data: new Float64Array(0), logical: false } };
  const sub = new MatElementReader(element.data, reader.littleEndian, fail);
  const end = element.data.length;
  const flagsEl = sub.element(0, end, `${what}: array flags`);
  if ((flagsEl.type !== MI.UINT32 && flagsEl.type !== MI.INT32) || flagsEl.data.length !== 8) fail(`${what}: the array flags must be 8 bytes of miUINT32`);
  const flags = new DataView(flagsEl.data.buffer, flagsEl.data.byteOffset, 8).getUint32(0, reader.littleEndian);
  const className = CLASSES[flags & 0xff];
  if (className === undefined) fail(`${what}: unknown array class ${flags & 0xff}`);
  const dimsEl = sub.element(flagsEl.next, end, `${what}: dimensions`);
  if (dimsEl.type !== MI.INT32 || dimsEl.data.length < 8 || dimsEl.data.length % 4 !== 0) fail(`${what}: the dimensions must be at least two miINT32 values`);
  const dimsView = new DataView(dimsEl.data.buffer, dimsEl.data.byteOffset, dimsEl.data.length);
  const dims: number[] = [];
  for (let i = 0; i < dimsEl.data.length / 4; i++) {
    const d = dimsView.getInt32(4 * i, reader.littleEndian);
    if (d < 0) fail(`${what}: dimension ${i} is negative (${d})`);
    dims.push(d);
  }
  const count = dims.reduce((a, d) => a * d, 1);
  const nameEl = sub.element(dimsEl.next, end, `${what}: array name`);
  if (nameEl.type !== MI.INT8 && nameEl.type !== MI.UINT8) fail(`${what}: the array name must be miINT8, got type ${nameEl.type}`);
  const name = latin1(nameEl.data);
  const here = name ? `${what} '${name}'` : what;
  let pos = nameEl.next;
  const next = (label: string): MatElement => {
    const el = sub.element(pos, end, `${here}: ${label}`);
    pos = el.next;
    return el;
  };
  const cls = className!;
  if (NUMERIC.has(cls)) {
    const numericClass = cls as MatNumericClass;
    const data = decodeNumeric(next('real part'), numericClass, count, reader.littleEndian, fail, `${here}: real part`);
    const value: MatValue = { kind: 'numeric', class: numericClass, dims, data, logical: (flags & LOGICAL) !== 0 };
    if (flags & COMPLEX) value.imag = decodeNumeric(next('imaginary part'), numericClass, count, reader.littleEndian, fail, `${here}: imaginary part`);
    return { name, value };
  }
  if (cls === 'char') return { name, value: { kind: 'char', dims, chars: decodeChars(next('characters'), count, reader.littleEndian, fail, here) } };
  if (cls === 'cell' || cls === 'struct') {
    let fields: string[] = [];
    if (cls === 'struct') {
      const lengthEl = next('field name length');
      if (lengthEl.type !== MI.INT32 || lengthEl.data.length !== 4) fail(`${here}: the field name length must be one miINT32`);
      const width = new DataView(lengthEl.data.buffer, lengthEl.data.byteOffset, 4).getInt32(0, reader.littleEndian);
      const namesEl = next('field names');
      if (namesEl.data.length > 0 && (width <= 0 || namesEl.data.length % width !== 0)) fail(`${here}: ${namesEl.data.length} bytes of field names are not a whole number of ${width}-byte names`);
      for (let i = 0; i < namesEl.data.length; i += width) fields.push(latin1(namesEl.data.subarray(i, i + width)));
    } else fields = [''];
    // Every child is at least an 8-byte tag: refuse counts the bytes left cannot hold.
    const children = count * fields.length;
    if (children * 8 > end - pos) fail(`${here}: the dimensions [${dims.join(', ')}] need ${children} arrays but only ${end - pos} bytes remain`);
    const parsed: MatValue[] = [];
    for (let i = 0; i < children; i++) parsed.push(parseMatrix(sub, next(`element ${i}`), `${here}[${i}]`, depth + 1).value);
    if (cls === 'cell') return { name, value: { kind: 'cell', dims, cells: parsed } };
    const elements: Record<string, MatValue>[] = [];
    for (let e = 0; e < count; e++) {
      const record: Record<string, MatValue> = {};
      fields.forEach((field, f) => {
        Object.defineProperty(record, field, { value: parsed[e * fields.length + f], enumerable: true, writable: true, configurable: true });
      });
      elements.push(record);
    }
    return { name, value: { kind: 'struct', dims, fields, elements } };
  }
  return { name, value: { kind: 'unsupported', className: cls, dims } };
}

/** Bytes up to the first NUL, as latin-1 (names are ASCII). */
function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) {
    if (b === 0) break;
    s += String.fromCharCode(b);
  }
  return s;
}

/** Bytes as the characters of the same codes (latin-1), in chunks (no argument-count limit). */
function fromCodes(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096) s += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return s;
}

const utf8 = new TextDecoder('utf-8');
const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');

function decodeChars(el: MatElement, count: number, le: boolean, fail: (why: string) => never, what: string): string {
  let text: string;
  if (el.type === MI.UINT16 || el.type === MI.UTF16) {
    if (el.data.length !== 2 * count) fail(`${what}: ${count} characters need ${2 * count} bytes of UTF-16, got ${el.data.length}`);
    text = (le ? utf16le : utf16be).decode(el.data);
  } else if (el.type === MI.UINT8 || el.type === MI.INT8 || el.type === MI.UTF8) {
    text = el.type === MI.UTF8 ? utf8.decode(el.data) : fromCodes(el.data);
    const length = [...text].length;
    if (length !== count) fail(`${what}: the dimensions hold ${count} characters but the data decodes to ${length}`);
  } else if (el.type === MI.UTF32 || el.type === MI.UINT32 || el.type === MI.INT32) {
    if (el.data.length !== 4 * count) fail(`${what}: ${count} characters need ${4 * count} bytes of UTF-32, got ${el.data.length}`);
    const view = new DataView(el.data.buffer, el.data.byteOffset, el.data.length);
    const points: number[] = [];
    for (let i = 0; i < count; i++) {
      const cp = view.getUint32(4 * i, le);
      if (cp > 0x10ffff) fail(`${what}: character ${i} is not a Unicode code point (${cp})`);
      points.push(cp);
    }
    text = '';
    for (let i = 0; i < points.length; i += 4096) text += String.fromCodePoint(...points.slice(i, i + 4096));
  } else return fail(`${what}: characters stored as data type ${el.type}, which is not a text type`);
  return text;
}

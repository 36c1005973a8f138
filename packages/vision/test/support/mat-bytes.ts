import { deflateSync } from 'node:zlib';

/** A small MAT-file v5 writer for tests: numeric, char, cell and struct arrays, either byte order, optionally compressed. */
export type MatSpec =
  | { kind: 'double'; dims: number[]; data: number[]; stored?: 'double' | 'uint8' | 'int16' }
  | { kind: 'uint8'; dims: number[]; data: number[] }
  | { kind: 'char'; dims: number[]; text: string }
  | { kind: 'cell'; dims: number[]; cells: MatSpec[] }
  | { kind: 'struct'; dims: number[]; fields: string[]; elements: MatSpec[][] };

class Out {
  parts: number[] = [];
  constructor(readonly le: boolean) {}
  u8(v: number) {
    this.parts.push(v & 0xff);
  }
  u32(v: number) {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, v >>> 0, this.le);
    this.parts.push(...b);
  }
  bytes(b: ArrayLike<number>) {
    for (let i = 0; i < b.length; i++) this.parts.push(b[i]!);
  }
  pad() {
    while (this.parts.length % 8) this.parts.push(0);
  }
}

function element(le: boolean, type: number, data: Uint8Array): number[] {
  const o = new Out(le);
  o.u32(type);
  o.u32(data.length);
  o.bytes(data);
  o.pad();
  return o.parts;
}

function typed(le: boolean, kind: 'double' | 'uint8' | 'int16' | 'int32' | 'uint16' | 'uint32', values: number[]): Uint8Array {
  const size = { double: 8, uint8: 1, int16: 2, int32: 4, uint16: 2, uint32: 4 }[kind];
  const b = new Uint8Array(values.length * size);
  const v = new DataView(b.buffer);
  values.forEach((x, i) => {
    if (kind === 'double') v.setFloat64(i * 8, x, le);
    else if (kind === 'uint8') v.setUint8(i, x);
    else if (kind === 'int16') v.setInt16(i * 2, x, le);
    else if (kind === 'uint16') v.setUint16(i * 2, x, le);
    else if (kind === 'int32') v.setInt32(i * 4, x, le);
    else v.setUint32(i * 4, x, le);
  });
  return b;
}

const MI = { INT8: 1, UINT8: 2, INT16: 3, UINT16: 4, INT32: 5, UINT32: 6, DOUBLE: 9, MATRIX: 14, COMPRESSED: 15 };
const CLASS = { cell: 1, struct: 2, char: 4, double: 6, uint8: 9 };

/** The bytes of one miMATRIX element (tag included). */
export function matrixElement(spec: MatSpec, name: string, le: boolean): number[] {
  const body: number[] = [];
  body.push(...element(le, MI.UINT32, typed(le, 'uint32', [CLASS[spec.kind], 0])));
  body.push(...element(le, MI.INT32, typed(le, 'int32', spec.dims)));
  body.push(...element(le, MI.INT8, Uint8Array.from(name, (c) => c.charCodeAt(0))));
  if (spec.kind === 'double') {
    const stored = spec.stored ?? 'double';
    body.push(...element(le, { double: MI.DOUBLE, uint8: MI.UINT8, int16: MI.INT16 }[stored], typed(le, stored, spec.data)));
  } else if (spec.kind === 'uint8') body.push(...element(le, MI.UINT8, Uint8Array.from(spec.data)));
  else if (spec.kind === 'char') body.push(...element(le, MI.UINT16, typed(le, 'uint16', [...spec.text].map((c) => c.charCodeAt(0)))));
  else if (spec.kind === 'cell') for (const c of spec.cells) body.push(...matrixElement(c, '', le));
  else {
    const width = 32;
    body.push(...element(le, MI.INT32, typed(le, 'int32', [width])));
    const names = new Uint8Array(width * spec.fields.length);
    spec.fields.forEach((f, i) => names.set(Uint8Array.from(f, (c) => c.charCodeAt(0)), i * width));
    body.push(...element(le, MI.INT8, names));
    for (const record of spec.elements) for (const v of record) body.push(...matrixElement(v, '', le));
  }
  const o = new Out(le);
  o.u32(MI.MATRIX);
  o.u32(body.length);
  o.bytes(body);
  return o.parts;
}

/** A whole MAT-file of `variables` (the 128-byte header, then each variable, compressed if asked). */
export function matBytes(variables: Record<string, MatSpec>, options: { littleEndian?: boolean; compress?: boolean } = {}): Uint8Array {
  const le = options.littleEndian ?? true;
  const o = new Out(le);
  const text = 'MATLAB 5.0 MAT-file, written by @dl/vision tests'.padEnd(116, ' ');
  o.bytes(Uint8Array.from(text, (c) => c.charCodeAt(0)));
  o.bytes(new Uint8Array(8));
  const version = new Uint8Array(2);
  new DataView(version.buffer).setUint16(0, 0x0100, le);
  o.bytes(version);
  o.bytes(le ? [0x49, 0x4d] : [0x4d, 0x49]);
  for (const [name, spec] of Object.entries(variables)) {
    const m = matrixElement(spec, name, le);
    if (options.compress) {
      const z = deflateSync(Uint8Array.from(m));
      o.u32(MI.COMPRESSED);
      o.u32(z.length);
      o.bytes(z);
    } else o.bytes(m);
  }
  return Uint8Array.from(o.parts);
}

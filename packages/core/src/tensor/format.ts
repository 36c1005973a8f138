import type { DType } from './dtype';

const EDGE = 3;
const THRESHOLD = 1000;

function floatFormatter(values: number[]): (v: number) => string {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return (v) => String(v).replace('Infinity', 'inf').replace('NaN', 'nan');
  const abs = finite.map(Math.abs).filter((v) => v > 0);
  const allInt = finite.every((v) => Number.isInteger(v));
  const max = abs.length ? Math.max(...abs) : 0;
  const min = abs.length ? Math.min(...abs) : 0;
  const special = (v: number) => (Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf');
  if (allInt && max < 1e8) {
    return (v) => (Number.isFinite(v) ? `${v.toFixed(0)}.` : special(v));
  }
  if (max >= 1e8 || (min > 0 && (min < 1e-4 || max / min > 1e3))) {
    return (v) => (Number.isFinite(v) ? v.toExponential(4).replace(/e([+-])(\d)$/, 'e$10$2') : special(v));
  }
  return (v) => (Number.isFinite(v) ? v.toFixed(4) : special(v));
}

/**
 * @internal Formats values like PyTorch's tensor repr: aligned columns, `1.` for whole floats,
 * scientific notation for wide ranges, `...` summaries past 1000 elements.
 */
export function formatTensor(shape: readonly number[], dtype: DType, flat: ArrayLike<number>, extras: string[]): string {
  const size = flat.length;
  const summarize = size > THRESHOLD;
  const prefix = 'tensor(';
  const values: number[] = Array.from(flat as ArrayLike<number>);
  const fmt: (v: number) => string =
    dtype === 'bool' ? (v) => (v ? 'True' : 'False') : dtype === 'int32' ? (v) => String(v) : floatFormatter(values);
  const strides: number[] = new Array(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) strides[i] = strides[i + 1] * shape[i + 1];
  const shown: string[] = [];
  const collect = (d: number, offset: number) => {
    if (d === shape.length) {
      shown.push(fmt(values[offset]));
      return;
    }
    const n = shape[d];
    for (let i = 0; i < n; i++) {
      if (summarize && n > 2 * EDGE && i === EDGE) i = n - EDGE;
      collect(d + 1, offset + i * strides[d]);
    }
  };
  if (size > 0) collect(0, 0);
  const width = shown.reduce((w, s) => Math.max(w, s.length), 0);
  const pad = (s: string) => s.padStart(width);
  const render = (d: number, offset: number, indent: number): string => {
    if (d === shape.length) return pad(fmt(values[offset]));
    const n = shape[d];
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      if (summarize && n > 2 * EDGE && i === EDGE) {
        parts.push('...');
        i = n - EDGE;
      }
      parts.push(render(d + 1, offset + i * strides[d], indent + 1));
    }
    if (d === shape.length - 1) return `[${parts.join(', ')}]`;
    const sep = ',' + '\n'.repeat(shape.length - d - 1) + ' '.repeat(indent + 1);
    return `[${parts.join(sep)}]`;
  };
  let body: string;
  if (shape.length === 0) body = fmt(values[0]);
  else if (size === 0) body = '[]';
  else body = render(0, 0, prefix.length);
  const tail = size === 0 && shape.length > 0 ? [`size=[${shape.join(', ')}]`, ...extras] : extras;
  return `${prefix}${body}${tail.length ? ', ' + tail.join(', ') : ''})`;
}

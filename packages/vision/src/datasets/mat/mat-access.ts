import { DatasetError } from '@dl/core/node';
import type { MatCharArray, MatNumericArray, MatStructArray, MatValue } from './mat-value';

function describe(value: MatValue | undefined): string {
  if (value === undefined) return 'nothing';
  const cls = value.kind === 'numeric' ? value.class : value.kind === 'unsupported' ? value.className : value.kind;
  return `a ${value.dims.join('x')} ${cls} array`;
}

/**
 * The text of a char array that is a single row (or empty): MATLAB's `'hello'`. `what` names the
 * value in the {@link DatasetError} thrown for anything else.
 *
 * @example
 * ```ts
 * matToString(mat.text!, 'text'); // 'hello, world'
 * ```
 */
export function matToString(value: MatValue | undefined, what: string): string {
  if (value?.kind !== 'char' || (value.dims.length === 2 && value.dims[0]! > 1)) {
    throw new DatasetError(`${what}: expected a char row, got ${describe(value)}`);
  }
  return value.chars;
}

/**
 * The rows of a 2-D char array (MATLAB stores it column-major), each as a string.
 *
 * @example
 * ```ts
 * matCharRows(mat.rows as MatCharArray); // ['abc', 'xyz']
 * ```
 */
export function matCharRows(value: MatCharArray): string[] {
  const [rows = 0, cols = 0] = value.dims;
  const chars = [...value.chars];
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => chars[r + rows * c]).join(''));
}

/**
 * The number a real numeric array of one element holds (a MATLAB scalar); int64/uint64 values
 * are converted to `number`. Throws a {@link DatasetError} naming `what` for anything else.
 *
 * @example
 * ```ts
 * matToNumber(synset.num_children, 'num_children'); // 0
 * ```
 */
export function matToNumber(value: MatValue | undefined, what: string): number {
  if (value?.kind !== 'numeric' || value.data.length !== 1) throw new DatasetError(`${what}: expected a numeric scalar, got ${describe(value)}`);
  return Number(value.data[0]!);
}

/**
 * The elements of a numeric array as numbers, column-major (int64/uint64 converted to `number`).
 *
 * @example
 * ```ts
 * matToNumbers(mat.y, 'y'); // [1, 10, 5]
 * ```
 */
export function matToNumbers(value: MatValue | undefined, what: string): number[] {
  if (value?.kind !== 'numeric') throw new DatasetError(`${what}: expected a numeric array, got ${describe(value)}`);
  return Array.from(value.data as ArrayLike<number | bigint>, Number);
}

/**
 * Narrows a value to a numeric array, or throws a {@link DatasetError} naming `what`.
 *
 * @example
 * ```ts
 * const x = matNumeric(mat.X, 'X'); // x.dims, x.data
 * ```
 */
export function matNumeric(value: MatValue | undefined, what: string): MatNumericArray {
  if (value?.kind !== 'numeric') throw new DatasetError(`${what}: expected a numeric array, got ${describe(value)}`);
  return value;
}

/**
 * Narrows a value to a struct array with the given fields, or throws a {@link DatasetError}
 * naming `what` and the missing field.
 *
 * @example
 * ```ts
 * const synsets = matStruct(meta.synsets, 'synsets', ['WNID', 'words']);
 * synsets.elements[0].WNID; // a char array
 * ```
 */
export function matStruct(value: MatValue | undefined, what: string, fields: readonly string[] = []): MatStructArray {
  if (value?.kind !== 'struct') throw new DatasetError(`${what}: expected a struct array, got ${describe(value)}`);
  const missing = fields.find((f) => !value.fields.includes(f));
  if (missing !== undefined) throw new DatasetError(`${what}: the struct has no field '${missing}' (it has ${value.fields.join(', ') || 'none'})`);
  return value;
}

/**
 * The numeric classes of MATLAB arrays.
 *
 * @example
 * ```ts
 * if (value.kind === 'numeric' && value.class === 'uint8') value.data; // a Uint8Array
 * ```
 */
export type MatNumericClass = 'double' | 'single' | 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'int64' | 'uint64';

/**
 * The elements of a numeric array: the typed array of its class (`double` -> Float64Array, `int64` -> BigInt64Array, ...).
 *
 * @example
 * ```ts
 * const y = matNumeric(mat.y, 'y').data; // Float64Array for a double array
 * ```
 */
export type MatNumericData =
  | Float64Array
  | Float32Array
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array;

/**
 * A numeric (or logical) MATLAB array; elements in MATLAB's column-major order.
 *
 * @example
 * ```ts
 * const x = matNumeric(mat.X, 'X'); // { class: 'uint8', dims: [32, 32, 3, N], data }
 * ```
 */
export interface MatNumericArray {
  kind: 'numeric';
  /** The array's class. Logical arrays are `uint8` with `logical: true`. */
  class: MatNumericClass;
  /** The dimensions, at least two (`[rows, cols, ...]`). */
  dims: number[];
  /** The real parts, column-major: element `(i, j, k)` of `[I, J, K]` is at `i + I * (j + J * k)`. */
  data: MatNumericData;
  /** The imaginary parts of a complex array. */
  imag?: MatNumericData;
  /** Whether MATLAB marked the array logical (`true`/`false` values). */
  logical: boolean;
}

/**
 * A MATLAB char array: `chars` holds its characters column-major (see `matToString`).
 *
 * @example
 * ```ts
 * matToString(mat.text, 'text'); // a 1xN char array's text
 * ```
 */
export interface MatCharArray {
  kind: 'char';
  dims: number[];
  /** The characters, column-major (a single-row array reads as its text). */
  chars: string;
}

/**
 * A MATLAB cell array: `cells` holds its elements column-major.
 *
 * @example
 * ```ts
 * if (value.kind === 'cell') value.cells.forEach((cell) => console.log(cell.kind));
 * ```
 */
export interface MatCellArray {
  kind: 'cell';
  dims: number[];
  cells: MatValue[];
}

/**
 * A MATLAB struct array: `elements` holds one record per element, column-major, each with every field.
 *
 * @example
 * ```ts
 * matStruct(meta.synsets, 'synsets').elements[0].WNID; // a char array
 * ```
 */
export interface MatStructArray {
  kind: 'struct';
  dims: number[];
  /** The field names, in the file's order. */
  fields: string[];
  elements: Record<string, MatValue>[];
}

/**
 * An array of a class this reader does not decode (sparse, object, function handle, opaque): kept as a marker.
 *
 * @example
 * ```ts
 * if (value.kind === 'unsupported') console.warn(`skipping a ${value.className} array`);
 * ```
 */
export interface MatUnsupportedArray {
  kind: 'unsupported';
  /** MATLAB's class name (`sparse`, `object`, `function_handle`, `opaque`, ...). */
  className: string;
  dims: number[];
}

/**
 * One MATLAB value from a MAT-file, as {@link readMat} returns it: numeric (and logical), char,
 * cell and struct arrays, told apart by `kind`.
 *
 * @example
 * ```ts
 * const v: MatValue = (await readMatFile('train_32x32.mat')).y!;
 * if (v.kind === 'numeric') v.dims; // [73257, 1]
 * ```
 */
export type MatValue = MatNumericArray | MatCharArray | MatCellArray | MatStructArray | MatUnsupportedArray;

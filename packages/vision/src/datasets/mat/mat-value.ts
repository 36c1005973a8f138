/** The numeric classes of MATLAB arrays. */
export type MatNumericClass = 'double' | 'single' | 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'int64' | 'uint64';

/** The elements of a numeric array: the typed array of its class (`double` -> Float64Array, `int64` -> BigInt64Array, ...). */
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

/** A numeric (or logical) MATLAB array; elements in MATLAB's column-major order. */
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

/** A MATLAB char array: `chars` holds its characters column-major (see `matToString`). */
export interface MatCharArray {
  kind: 'char';
  dims: number[];
  /** The characters, column-major (a single-row array reads as its text). */
  chars: string;
}

/** A MATLAB cell array: `cells` holds its elements column-major. */
export interface MatCellArray {
  kind: 'cell';
  dims: number[];
  cells: MatValue[];
}

/** A MATLAB struct array: `elements` holds one record per element, column-major, each with every field. */
export interface MatStructArray {
  kind: 'struct';
  dims: number[];
  /** The field names, in the file's order. */
  fields: string[];
  elements: Record<string, MatValue>[];
}

/** An array of a class this reader does not decode (sparse, object, function handle, opaque): kept as a marker. */
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

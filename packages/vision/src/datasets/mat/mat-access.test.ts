import { DatasetError } from '@dl/core/node';
import { describe, expect, it } from 'vitest';
import { matBytes } from '../../../test/support/mat-bytes';
import { matCharRows, matNumeric, matStruct, matToNumber, matToNumbers, matToString } from './mat-access';
import type { MatCharArray } from './mat-value';
import { readMat } from './read-mat';

const mat = readMat(
  matBytes({
    text: { kind: 'char', dims: [1, 5], text: 'hello' },
    grid: { kind: 'char', dims: [2, 2], text: 'acbd' },
    one: { kind: 'double', dims: [1, 1], data: [42], stored: 'uint8' },
    many: { kind: 'double', dims: [3, 1], data: [1, 10, 5] },
    s: { kind: 'struct', dims: [1, 1], fields: ['a'], elements: [[{ kind: 'double', dims: [1, 1], data: [1] }]] },
  }),
);

describe('MAT value accessors', () => {
  it('reads strings, char rows, scalars and number arrays', () => {
    expect(matToString(mat.text, 'text')).toBe('hello');
    expect(matCharRows(mat.grid as MatCharArray)).toEqual(['ab', 'cd']);
    expect(matToNumber(mat.one, 'one')).toBe(42);
    expect(matToNumbers(mat.many, 'many')).toEqual([1, 10, 5]);
    expect(matNumeric(mat.many, 'many').dims).toEqual([3, 1]);
    expect(matStruct(mat.s, 's', ['a']).elements).toHaveLength(1);
  });

  it('throws a DatasetError naming the value for the wrong kind', () => {
    expect(() => matToString(mat.one, 'WNID')).toThrow(new DatasetError('WNID: expected a char row, got a 1x1 double array'));
    expect(() => matToString(mat.grid, 'words')).toThrow(new DatasetError('words: expected a char row, got a 2x2 char array'));
    expect(() => matToNumber(mat.many, 'num_children')).toThrow(new DatasetError('num_children: expected a numeric scalar, got a 3x1 double array'));
    expect(() => matToNumbers(undefined, 'y')).toThrow(new DatasetError('y: expected a numeric array, got nothing'));
    expect(() => matNumeric(mat.text, 'X')).toThrow(new DatasetError('X: expected a numeric array, got a 1x5 char array'));
    expect(() => matStruct(mat.text, 'synsets')).toThrow(new DatasetError('synsets: expected a struct array, got a 1x5 char array'));
    expect(() => matStruct(mat.s, 'synsets', ['a', 'WNID'])).toThrow(new DatasetError("synsets: the struct has no field 'WNID' (it has a)"));
  });
});

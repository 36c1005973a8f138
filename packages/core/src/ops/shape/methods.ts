// Tensor methods for this folder's ops (declaration merging, like tfjs's chained ops).
import { Tensor } from '../../tensor/tensor';
import { chunk } from './chunk';
import { contiguous } from './contiguous';
import { broadcastTo, expand, expandAs } from './expand';
import { flatten } from './flatten';
import { flip, fliplr, flipud } from './flip';
import { moveaxis, movedim } from './movedim';
import { narrow } from './narrow';
import { permute } from './permute';
import { repeat, tile } from './repeat';
import { reshape, reshapeAs } from './reshape';
import { roll } from './roll';
import { select } from './select';
import { sizeArgs } from './shape-utils';
import { split } from './split';
import { squeeze } from './squeeze';
import { matrixTranspose, reverseDims, t } from './t';
import { swapaxes, transpose } from './transpose';
import { unbind } from './unbind';
import { unflatten } from './unflatten';
import { unsqueeze } from './unsqueeze';
import { view, viewAs } from './view';

/** The Tensor methods of this folder's ops; `Tensor` extends it (see tensor/tensor.ts). */
export interface TensorShapeMethods {
  /** The same values in a new shape (`x.reshape(2, -1)` or `x.reshape([2, -1])`); see {@link reshape}. */
  reshape(...shape: number[] | [readonly number[]]): Tensor;
  /** Alias of `reshape` (every @dl tensor is contiguous); see {@link view}. */
  view(...shape: number[] | [readonly number[]]): Tensor;
  /** Reshaped to `other`'s shape; see {@link reshapeAs}. */
  reshapeAs(other: Tensor): Tensor;
  /** Viewed with `other`'s shape; see {@link viewAs}. */
  viewAs(other: Tensor): Tensor;
  /** Inserts a size-1 dimension; see {@link unsqueeze}. */
  unsqueeze(dim: number): Tensor;
  /** Removes size-1 dimensions; see {@link squeeze}. */
  squeeze(dim?: number | readonly number[]): Tensor;
  /** Merges dimensions `startDim..endDim`; see {@link flatten}. */
  flatten(startDim?: number, endDim?: number): Tensor;
  /** Swaps two dimensions; see {@link transpose}. */
  transpose(dim0: number, dim1: number): Tensor;
  /** Alias of `transpose`; see {@link swapaxes}. */
  swapaxes(axis0: number, axis1: number): Tensor;
  /** Reorders dimensions (`x.permute(2, 0, 1)` or `x.permute([2, 0, 1])`); see {@link permute}. */
  permute(...dims: number[] | [readonly number[]]): Tensor;
  /** Splits dimension `dim` into `sizes`; see {@link unflatten}. */
  unflatten(dim: number, sizes: readonly number[]): Tensor;
  /** Transpose of a tensor with at most 2 dimensions; see {@link t}. */
  t(): Tensor;
  /** The last two dimensions transposed (PyTorch's `x.mT`); see {@link matrixTranspose}. */
  readonly mT: Tensor;
  /** All dimensions reversed (PyTorch's `x.T`); see {@link reverseDims}. */
  readonly T: Tensor;
  /** Moves dimensions to new positions; see {@link movedim}. */
  movedim(source: number | readonly number[], destination: number | readonly number[]): Tensor;
  /** Alias of `movedim`; see {@link moveaxis}. */
  moveaxis(source: number | readonly number[], destination: number | readonly number[]): Tensor;
  /** Broadcasts size-1 dimensions (`x.expand(3, -1)` or `x.expand([3, -1])`); see {@link expand}. */
  expand(...sizes: number[] | [readonly number[]]): Tensor;
  /** Expanded to `other`'s shape; see {@link expandAs}. */
  expandAs(other: Tensor): Tensor;
  /** Broadcast to `shape`; see {@link broadcastTo}. */
  broadcastTo(shape: readonly number[]): Tensor;
  /** Repeats along each dimension (`x.repeat(2, 1)` or `x.repeat([2, 1])`); see {@link repeat}. */
  repeat(...repeats: number[] | [readonly number[]]): Tensor;
  /** Repeats along each dimension, NumPy style; see {@link tile}. */
  tile(...dims: number[] | [readonly number[]]): Tensor;
  /** Pieces of a size or of listed sizes along `dim`; see {@link split}. */
  split(splitSizeOrSections: number | readonly number[], dim?: number): Tensor[];
  /** `chunks` pieces along `dim`; see {@link chunk}. */
  chunk(chunks: number, dim?: number): Tensor[];
  /** Slices along `dim`, that dimension removed; see {@link unbind}. */
  unbind(dim?: number): Tensor[];
  /** Slice `start .. start + length` of `dim`; see {@link narrow}. */
  narrow(dim: number, start: number, length: number): Tensor;
  /** The slice at `index` of `dim`, that dimension removed; see {@link select}. */
  select(dim: number, index: number): Tensor;
  /** Reverses the order along `dims` (`x.flip(0, 1)` or `x.flip([0, 1])`); see {@link flip}. */
  flip(...dims: number[] | [readonly number[]]): Tensor;
  /** Flips dimension 1; see {@link fliplr}. */
  fliplr(): Tensor;
  /** Flips dimension 0; see {@link flipud}. */
  flipud(): Tensor;
  /** Rolls elements along dims; see {@link roll}. */
  roll(shifts: number | readonly number[], dims?: number | readonly number[]): Tensor;
  /** This tensor (every @dl tensor is contiguous); see {@link contiguous}. */
  contiguous(): Tensor;
}

const proto = Tensor.prototype;
proto.reshape = function (this: Tensor, ...shape: number[] | [readonly number[]]) {
  return reshape(this, sizeArgs(shape));
};
proto.view = function (this: Tensor, ...shape: number[] | [readonly number[]]) {
  return view(this, sizeArgs(shape));
};
proto.reshapeAs = function (this: Tensor, other: Tensor) {
  return reshapeAs(this, other);
};
proto.viewAs = function (this: Tensor, other: Tensor) {
  return viewAs(this, other);
};
proto.unsqueeze = function (this: Tensor, dim: number) {
  return unsqueeze(this, dim);
};
proto.squeeze = function (this: Tensor, dim?: number | readonly number[]) {
  return squeeze(this, dim);
};
proto.flatten = function (this: Tensor, startDim?: number, endDim?: number) {
  return flatten(this, startDim, endDim);
};
proto.transpose = function (this: Tensor, dim0: number, dim1: number) {
  return transpose(this, dim0, dim1);
};
proto.swapaxes = function (this: Tensor, axis0: number, axis1: number) {
  return swapaxes(this, axis0, axis1);
};
proto.permute = function (this: Tensor, ...dims: number[] | [readonly number[]]) {
  return permute(this, sizeArgs(dims));
};
proto.unflatten = function (this: Tensor, dim: number, sizes: readonly number[]) {
  return unflatten(this, dim, sizes);
};
proto.t = function (this: Tensor) {
  return t(this);
};
Object.defineProperty(proto, 'mT', {
  get(this: Tensor) {
    return matrixTranspose(this);
  },
  configurable: true,
});
Object.defineProperty(proto, 'T', {
  get(this: Tensor) {
    return reverseDims(this);
  },
  configurable: true,
});
proto.movedim = function (this: Tensor, source: number | readonly number[], destination: number | readonly number[]) {
  return movedim(this, source, destination);
};
proto.moveaxis = function (this: Tensor, source: number | readonly number[], destination: number | readonly number[]) {
  return moveaxis(this, source, destination);
};
proto.expand = function (this: Tensor, ...sizes: number[] | [readonly number[]]) {
  return expand(this, sizeArgs(sizes));
};
proto.expandAs = function (this: Tensor, other: Tensor) {
  return expandAs(this, other);
};
proto.broadcastTo = function (this: Tensor, shape: readonly number[]) {
  return broadcastTo(this, shape);
};
proto.repeat = function (this: Tensor, ...repeats: number[] | [readonly number[]]) {
  return repeat(this, sizeArgs(repeats));
};
proto.tile = function (this: Tensor, ...dims: number[] | [readonly number[]]) {
  return tile(this, sizeArgs(dims));
};
proto.split = function (this: Tensor, splitSizeOrSections: number | readonly number[], dim?: number) {
  return split(this, splitSizeOrSections, dim);
};
proto.chunk = function (this: Tensor, chunks: number, dim?: number) {
  return chunk(this, chunks, dim);
};
proto.unbind = function (this: Tensor, dim?: number) {
  return unbind(this, dim);
};
proto.narrow = function (this: Tensor, dim: number, start: number, length: number) {
  return narrow(this, dim, start, length);
};
proto.select = function (this: Tensor, dim: number, index: number) {
  return select(this, dim, index);
};
proto.flip = function (this: Tensor, ...dims: number[] | [readonly number[]]) {
  return flip(this, sizeArgs(dims));
};
proto.fliplr = function (this: Tensor) {
  return fliplr(this);
};
proto.flipud = function (this: Tensor) {
  return flipud(this);
};
proto.roll = function (this: Tensor, shifts: number | readonly number[], dims?: number | readonly number[]) {
  return roll(this, shifts, dims);
};
proto.contiguous = function (this: Tensor) {
  return contiguous(this);
};

// Tensor methods for this folder's ops (declaration merging, like tfjs's chained ops).
import { Tensor } from '../../tensor/tensor';
import type { TensorLike } from '../operands';
import type { ValuesIndices } from '../reduction/values-indices';
import { diag } from './diag';
import { diagonal, type DiagonalOptions } from './diagonal';
import { gather } from './gather';
import { indexSelect } from './index-select';
import { maskedFill } from './masked-fill';
import { maskedSelect } from './masked-select';
import { nonzero } from './nonzero';
import { scatter, scatterAdd, type ScatterOptions } from './scatter';
import { scatterReduce, type ScatterReduceOptions, type ScatterReduction } from './scatter-reduce';
import { argsort, sort, type SortOptions } from './sort';
import { take } from './take';
import { index, type IndexItem } from './tensor-index';
import { topk, type TopkOptions } from './topk';
import { trace } from './trace';
import { tril, triu } from './tril';
import { unique, type UniqueOptions, type UniqueResult } from './unique';
import { where } from './where';

/** The Tensor methods of this folder's ops; `Tensor` extends it (see tensor/tensor.ts). */
export interface TensorIndexingMethods {
  /** Python's `x[...]`: `x.index(0, slice(1, 3), null, '...', idx)`; see {@link index}. */
  index(...indices: IndexItem[]): Tensor;
  /** Entries at `index` along `dim`; see {@link indexSelect}. */
  indexSelect(dim: number, index: Tensor): Tensor;
  /** Values gathered along `dim`; see {@link gather}. */
  gather(dim: number, index: Tensor): Tensor;
  /** A copy with `src` written at `index` along `dim`; see {@link scatter}. */
  scatter(dim: number, index: Tensor, src: Tensor | number, options?: ScatterOptions): Tensor;
  /** A copy with `src` added at `index` along `dim`; see {@link scatterAdd}. */
  scatterAdd(dim: number, index: Tensor, src: Tensor): Tensor;
  /** A copy with `src` reduced in at `index` along `dim`; see {@link scatterReduce}. */
  scatterReduce(dim: number, index: Tensor, src: Tensor, reduce: ScatterReduction, options?: ScatterReduceOptions): Tensor;
  /** A copy with `value` where `mask` is true; see {@link maskedFill}. */
  maskedFill(mask: Tensor, value: number | boolean | Tensor): Tensor;
  /** The elements where `mask` is true, 1-D; see {@link maskedSelect}. */
  maskedSelect(mask: Tensor): Tensor;
  /** `where(condition, this, other)`; see {@link where}. */
  where(condition: Tensor, other: TensorLike): Tensor;
  /** Indices of non-zero elements; see {@link nonzero}. */
  nonzero(options?: { asTuple?: false }): Tensor;
  nonzero(options: { asTuple: true }): Tensor[];
  /** Elements of the flattened tensor at `index`; see {@link take}. */
  take(index: Tensor): Tensor;
  /** The `k` largest (or smallest) elements along a dim; see {@link topk}. */
  topk(k: number, options?: TopkOptions): ValuesIndices;
  /** Sorted values and the sorting indices; see {@link sort}. */
  sort(options?: SortOptions): ValuesIndices;
  /** Indices that sort along a dim; see {@link argsort}. */
  argsort(options?: SortOptions): Tensor;
  /** Unique elements (and inverse indices / counts); see {@link unique}. */
  unique(options?: UniqueOptions & { returnInverse?: false; returnCounts?: false }): Tensor;
  unique(options: UniqueOptions): UniqueResult;
  /** Lower triangle; see {@link tril}. */
  tril(diagonal?: number): Tensor;
  /** Upper triangle; see {@link triu}. */
  triu(diagonal?: number): Tensor;
  /** Diagonal matrix or diagonal; see {@link diag}. */
  diag(diagonal?: number): Tensor;
  /** Diagonal over two dims; see {@link diagonal}. */
  diagonal(options?: DiagonalOptions): Tensor;
  /** Sum of the main diagonal; see {@link trace}. */
  trace(): Tensor;
}

const proto = Tensor.prototype;
proto.index = function (this: Tensor, ...indices: IndexItem[]) {
  return index(this, ...indices);
};
proto.indexSelect = function (this: Tensor, dim: number, idx: Tensor) {
  return indexSelect(this, dim, idx);
};
proto.gather = function (this: Tensor, dim: number, idx: Tensor) {
  return gather(this, dim, idx);
};
proto.scatter = function (this: Tensor, dim: number, idx: Tensor, src: Tensor | number, options?: ScatterOptions) {
  return scatter(this, dim, idx, src, options);
};
proto.scatterAdd = function (this: Tensor, dim: number, idx: Tensor, src: Tensor) {
  return scatterAdd(this, dim, idx, src);
};
proto.scatterReduce = function (this: Tensor, dim: number, idx: Tensor, src: Tensor, reduce: ScatterReduction, options?: ScatterReduceOptions) {
  return scatterReduce(this, dim, idx, src, reduce, options);
};
proto.maskedFill = function (this: Tensor, mask: Tensor, value: number | boolean | Tensor) {
  return maskedFill(this, mask, value);
};
proto.maskedSelect = function (this: Tensor, mask: Tensor) {
  return maskedSelect(this, mask);
};
proto.where = function (this: Tensor, condition: Tensor, other: TensorLike) {
  return where(condition, this, other);
};
proto.nonzero = function (this: Tensor, options?: { asTuple?: boolean }) {
  return nonzero(this, options as { asTuple: true });
} as Tensor['nonzero'];
proto.take = function (this: Tensor, idx: Tensor) {
  return take(this, idx);
};
proto.topk = function (this: Tensor, k: number, options?: TopkOptions) {
  return topk(this, k, options);
};
proto.sort = function (this: Tensor, options?: SortOptions) {
  return sort(this, options);
};
proto.argsort = function (this: Tensor, options?: SortOptions) {
  return argsort(this, options);
};
proto.unique = function (this: Tensor, options?: UniqueOptions) {
  return unique(this, options as UniqueOptions);
} as Tensor['unique'];
proto.tril = function (this: Tensor, d?: number) {
  return tril(this, d);
};
proto.triu = function (this: Tensor, d?: number) {
  return triu(this, d);
};
proto.diag = function (this: Tensor, d?: number) {
  return diag(this, d);
};
proto.diagonal = function (this: Tensor, options?: DiagonalOptions) {
  return diagonal(this, options);
};
proto.trace = function (this: Tensor) {
  return trace(this);
};

// Tensor methods for this folder's ops (declaration merging, like tfjs's chained ops).
import { Tensor } from '../../tensor/tensor';
import type { TensorLike } from '../operands';
import { allclose } from './allclose';
import { bitwiseNot } from './bitwise-not';
import { eq } from './eq';
import { equal } from './equal';
import { ge } from './ge';
import { gt } from './gt';
import { isclose, type IscloseOptions } from './isclose';
import { isfinite } from './isfinite';
import { isinf } from './isinf';
import { isnan } from './isnan';
import { le } from './le';
import { logicalAnd } from './logical-and';
import { logicalNot } from './logical-not';
import { logicalOr } from './logical-or';
import { logicalXor } from './logical-xor';
import { lt } from './lt';
import { ne } from './ne';

/** The Tensor methods of this folder's ops; `Tensor` extends it (see tensor/tensor.ts). */
export interface TensorComparisonMethods {
  /** Elementwise `==` as bool; see {@link eq}. */
  eq(other: TensorLike): Tensor;
  /** Elementwise `!=` as bool; see {@link ne}. */
  ne(other: TensorLike): Tensor;
  /** Alias of `ne`; see {@link ne}. */
  notEqual(other: TensorLike): Tensor;
  /** Elementwise `<` as bool; see {@link lt}. */
  lt(other: TensorLike): Tensor;
  /** Alias of `lt`; see {@link lt}. */
  less(other: TensorLike): Tensor;
  /** Elementwise `<=` as bool; see {@link le}. */
  le(other: TensorLike): Tensor;
  /** Alias of `le`; see {@link le}. */
  lessEqual(other: TensorLike): Tensor;
  /** Elementwise `>` as bool; see {@link gt}. */
  gt(other: TensorLike): Tensor;
  /** Alias of `gt`; see {@link gt}. */
  greater(other: TensorLike): Tensor;
  /** Elementwise `>=` as bool; see {@link ge}. */
  ge(other: TensorLike): Tensor;
  /** Alias of `ge`; see {@link ge}. */
  greaterEqual(other: TensorLike): Tensor;
  /** Same shape and elements, as a boolean; see {@link equal}. */
  equal(other: Tensor): boolean;
  /** Every element close to `other`'s, as a boolean; see {@link allclose}. */
  allclose(other: TensorLike, options?: IscloseOptions): boolean;
  /** Elementwise closeness as bool; see {@link isclose}. */
  isclose(other: TensorLike, options?: IscloseOptions): Tensor;
  /** Elementwise NaN test; see {@link isnan}. */
  isnan(): Tensor;
  /** Elementwise infinity test; see {@link isinf}. */
  isinf(): Tensor;
  /** Elementwise finiteness test; see {@link isfinite}. */
  isfinite(): Tensor;
  /** Elementwise logical and; see {@link logicalAnd}. */
  logicalAnd(other: TensorLike): Tensor;
  /** Elementwise logical or; see {@link logicalOr}. */
  logicalOr(other: TensorLike): Tensor;
  /** Elementwise logical xor; see {@link logicalXor}. */
  logicalXor(other: TensorLike): Tensor;
  /** Elementwise logical not; see {@link logicalNot}. */
  logicalNot(): Tensor;
  /** Elementwise bitwise not (`~`); see {@link bitwiseNot}. */
  bitwiseNot(): Tensor;
}

const P = Tensor.prototype;
const binary = (fn: (a: TensorLike, b: TensorLike) => Tensor) =>
  function (this: Tensor, other: TensorLike) {
    return fn(this, other);
  };
P.eq = binary(eq);
P.ne = binary(ne);
P.notEqual = P.ne;
P.lt = binary(lt);
P.less = P.lt;
P.le = binary(le);
P.lessEqual = P.le;
P.gt = binary(gt);
P.greater = P.gt;
P.ge = binary(ge);
P.greaterEqual = P.ge;
P.logicalAnd = binary(logicalAnd);
P.logicalOr = binary(logicalOr);
P.logicalXor = binary(logicalXor);
P.equal = function (this: Tensor, other: Tensor) {
  return equal(this, other);
};
P.allclose = function (this: Tensor, other: TensorLike, options?: IscloseOptions) {
  return allclose(this, other, options);
};
P.isclose = function (this: Tensor, other: TensorLike, options?: IscloseOptions) {
  return isclose(this, other, options);
};
P.isnan = function (this: Tensor) {
  return isnan(this);
};
P.isinf = function (this: Tensor) {
  return isinf(this);
};
P.isfinite = function (this: Tensor) {
  return isfinite(this);
};
P.logicalNot = function (this: Tensor) {
  return logicalNot(this);
};
P.bitwiseNot = function (this: Tensor) {
  return bitwiseNot(this);
};

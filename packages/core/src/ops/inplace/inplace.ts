import { tf } from '../../backend/tfjs';
import { FunctionNode } from '../../autograd/function-node';
import { isGradEnabled } from '../../autograd/grad-mode';
import { AutogradError } from '../../errors/autograd-error';
import { DTypeError } from '../../errors/dtype-error';
import { ShapeError } from '../../errors/shape-error';
import { promoteTypes } from '../../tensor/dtype';
import { Tensor } from '../../tensor/tensor';
import { assertTensor, rawCast } from '../unary/unary-helpers';

/** @internal How an in-place op may store its result in `self`'s dtype. */
export interface InplaceOptions {
  /** Cast any result dtype to self's (copy_, fill_); otherwise only promotions toward self's are allowed. */
  castAny?: boolean;
}

/** @internal Refuses in-place changes to a leaf that requires grad while grad mode is on. */
export function checkInplaceTarget(t: Tensor, op: string): void {
  assertTensor(t, op, 'self');
  t._assertAlive(op);
  if (t._requiresGrad && t._gradFn === null && isGradEnabled()) {
    throw new AutogradError(`${op}: a leaf Variable that requires grad is being used in an in-place operation.`);
  }
}

/**
 * @internal A second wrapper over `t`'s current value with `t`'s place in the graph, so the
 * out-of-place computation saves the value as it was before the in-place change (as PyTorch
 * saves `original_self`), whatever happens to `t` afterwards.
 */
function aliasOf(t: Tensor): Tensor {
  // Host values are never changed in place, so a host alias shares them.
  const alias = t._h !== null ? Tensor._fromHost(t._h, t._shape, t._dtype) : Tensor._owned(tf.clone(t._value));
  alias._requiresGrad = t._requiresGrad;
  alias._gradFn = t._gradFn;
  if (t._requiresGrad && t._gradFn === null) alias._accumulator = t._getAccumulator();
  return alias;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/**
 * @internal Runs an in-place op: computes `compute(self)` out of place, checks that the result
 * fits `t` (shape and dtype), moves the value into `t` (bumping its version) and, when the
 * result recorded history, moves that history onto `t` so `t` becomes its output.
 */
export function inplace(t: Tensor, op: string, compute: (self: Tensor) => Tensor, options: InplaceOptions = {}): Tensor {
  checkInplaceTarget(t, op);
  const self = aliasOf(t);
  let out: Tensor;
  try {
    out = compute(self);
  } catch (e) {
    self.dispose();
    throw e;
  }
  if (!sameShape(out.shape, t.shape)) {
    self.dispose();
    throw new ShapeError(`${op}: output with shape [${t.shape.join(', ')}] doesn't match the broadcast shape [${out.shape.join(', ')}]`);
  }
  if (out.dtype !== t.dtype && !options.castAny && promoteTypes(out.dtype, t.dtype) !== t.dtype) {
    self.dispose();
    throw new DTypeError(`${op}: result type ${out.dtype} can't be cast to the desired output type ${t.dtype}`);
  }
  if (out._h !== null && out.dtype === t.dtype) t._replaceHost(out._h);
  else t._replaceValue(out.dtype === t.dtype ? tf.clone(out._value) : tf.tidy(() => rawCast(out._value, t.dtype)));
  const node = out._gradFn;
  if (node !== null) {
    if (node instanceof FunctionNode) node.resave(out, t);
    t._gradFn = node;
    t._requiresGrad = true;
  } else {
    self.dispose();
  }
  if (out !== self) out.dispose();
  return t;
}

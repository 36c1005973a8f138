import { promoteTypes } from '../../tensor/dtype';
import type { Tensor } from '../../tensor/tensor';
import { castTo } from '../operands';

/** @internal Casts a list of tensors to their common (promoted) dtype. */
export function promoteList(tensors: readonly Tensor[]): Tensor[] {
  let dtype = tensors[0].dtype;
  for (const t of tensors) dtype = promoteTypes(dtype, t.dtype);
  return tensors.map((t) => castTo(t, dtype));
}

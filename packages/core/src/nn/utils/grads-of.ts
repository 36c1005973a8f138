import { ValueError } from '../../errors/value-error';
import { Tensor } from '../../tensor/tensor';

/** @internal The parameters (one tensor or an iterable) as an array, checked. */
export function paramList(parameters: Tensor | Iterable<Tensor>, fn: string): Tensor[] {
  const list = parameters instanceof Tensor ? [parameters] : Array.from(parameters as Iterable<unknown>);
  list.forEach((p, i) => {
    if (!(p instanceof Tensor)) throw new ValueError(`${fn}: expected Tensors, but parameter ${i} is ${p === null ? 'null' : typeof p}`);
  });
  return list as Tensor[];
}

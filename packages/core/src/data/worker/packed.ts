import type { DType } from '../../tensor/dtype';
import type { CollateTarget } from '../collate/collate-tree';

/** @internal A batch tensor made in a worker: values in a fresh buffer, transferred without copying. */
export class Packed {
  constructor(
    readonly data: Float32Array | Int32Array | Uint8Array,
    readonly shape: number[],
    readonly dtype: DType,
  ) {}
}

/** @internal Collation inside a worker: stacks straight into buffers the main thread will own. */
export const workerTarget: CollateTarget = {
  fromPacked: (data, shape, dtype) => new Packed(data, shape, dtype),
};

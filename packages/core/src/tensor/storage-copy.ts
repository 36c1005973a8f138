import { MathBackendCPU, tf, type TfTensor } from '../backend/tfjs';

type Values = Float32Array | Int32Array | Uint8Array;

/**
 * @internal `values` as read from `t` (`dataSync()`/`data()`), copied when they are the backend's
 * own storage: the cpu backend, and @dl/backend-native built on it, hand out the array the tensor
 * lives in, so writing into a read (or an in-place optimizer step after it) would change the
 * other. wasm and webgl reads are copies already.
 */
export function copyOfStorage(t: TfTensor, values: Values): Values {
  const holder = tf.engine().state.tensorInfo.get(t.dataId)?.backend;
  if (holder instanceof MathBackendCPU && holder.data.get(t.dataId)?.values === values) return values.slice();
  return values;
}

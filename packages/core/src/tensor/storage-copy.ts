import { MathBackendCPU, tf, type TfTensor } from '../backend/tfjs';

type Values = Float32Array | Int32Array | Uint8Array;

/** Whether `t`'s values live in a cpu-family backend (cpu, and @dl/backend-native built on it). */
function onCpuFamily(t: TfTensor): boolean {
  return tf.engine().state.tensorInfo.get(t.dataId)?.backend instanceof MathBackendCPU;
}

/**
 * @internal `values` as read from `t` (`dataSync()`), copied when they are the backend's own
 * storage: the cpu backend, and @dl/backend-native built on it, hand out the array the tensor
 * lives in, so writing into a read (or an in-place optimizer step, or the native backend's reuse
 * of a freed tensor's array) would change the other. wasm and webgl reads are copies already.
 */
export function copyOfStorage(t: TfTensor, values: Values): Values {
  return onCpuFamily(t) ? values.slice() : values;
}

/**
 * @internal `t`'s values, read asynchronously where the backend needs it; on the cpu family a
 * copy taken now (not after an await, when the tensor may have been freed and its array reused).
 */
export async function readCopy(t: TfTensor): Promise<Values> {
  if (onCpuFamily(t)) return (t.dataSync() as Values).slice();
  return (await t.data()) as Values;
}

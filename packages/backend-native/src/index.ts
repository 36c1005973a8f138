export type { NativeInfo } from './addon/native-addon';
export { NATIVE_BACKEND_NAME, registerNativeBackend, type RegisterNativeBackendOptions } from './backend/register-native-backend';
export type { TfjsRuntime } from './backend/runtime';
export { NativeBackendError, NativeKernelError } from './errors';
export { DL_KERNELS } from './kernels/nchw';
export { getNumThreads, nativeInfo, setBlas, setNumThreads } from './threads';

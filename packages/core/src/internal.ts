// @dl/core/internal: extension points for @dl's own packages (the profiler's kernel hooks) and
// for authors of new ops: the TensorFlow.js namespace @dl/core runs on (bundled in @dl/core) and
// the op path every op takes. Its types name TensorFlow.js's: install @tensorflow/tfjs-core (the
// version @dl/core pins) to type-check against it. Not covered by semver.
export { tf, MathBackendCPU, type TfTensor, type NamedAttrMap } from './backend/tfjs';
export { runOp, kernelOp, type OpDef, type SaveSpec } from './autograd/run-op';
export type { BackwardFn } from './autograd/function-node';
export { readPickle } from './serialization/read-pickle';

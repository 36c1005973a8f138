import { tf, type NamedAttrMap, type TfTensor } from '../backend/tfjs';
import { AutogradError } from '../errors/autograd-error';
import { allHost, HOST_KERNELS } from '../tensor/host-kernels';
import type { HostValue } from '../tensor/host-value';
import { Tensor } from '../tensor/tensor';
import { FunctionNode, type BackwardFn } from './function-node';
import { isGradEnabled } from './grad-mode';
import { getKernelGradient } from './kernel-gradients';
import type { Node } from './node';
import { opHooks } from './op-hooks';

/** What an op saves for its backward: some inputs (by position), its output, extra values. */
export interface SaveSpec {
  /** Positions in `inputs` to save, or `'all'`. */
  inputs?: readonly number[] | 'all';
  /** Save the output. */
  output?: boolean;
}

/** The description of one differentiable op, run by `runOp`. */
export interface OpDef {
  /** Forward name, e.g. `MatMul`; the backward node is named `MatMulBackward`. */
  name: string;
  /** The tensors gradients may flow to, in the order `backward` returns gradients. */
  inputs: readonly Tensor[];
  /**
   * Computes the output from the inputs' values. May return `[output, ...extras]`: the extras are
   * saved for backward (after the saved inputs and output) and freed with the graph.
   */
  forward: () => TfTensor | TfTensor[];
  /**
   * Computes the output on the JavaScript heap when every input is a host tensor (small values
   * made from JavaScript data, see `tensor/host-value.ts`); returning null runs `forward`.
   */
  host?: () => HostValue | null;
  /** The gradient rule; omit for ops with no gradient (their outputs never require grad). */
  backward?: BackwardFn;
  save?: SaveSpec;
}

const ENGINE = tf.engine();

/** @internal Whether any input asks for a gradient while recording is on. */
export function needsGrad(inputs: readonly Tensor[]): boolean {
  if (!isGradEnabled()) return false;
  for (let i = 0; i < inputs.length; i++) if (inputs[i]._requiresGrad) return true;
  return false;
}

function edgeOf(t: Tensor): Node | null {
  if (!t._requiresGrad) return null;
  return t._gradFn ?? t._getAccumulator();
}

/**
 * Runs one op and, when an input requires grad, records its backward node. This is the single
 * path every @dl/core op goes through (so the profiler sees every op).
 *
 * @example
 * ```ts
 * const y = runOp({
 *   name: 'Square', inputs: [x], save: { inputs: [0] },
 *   forward: () => tf.square(x._value),
 *   backward: (dy, [xv]) => [tf.mul(dy, tf.mul(xv, 2))],
 * });
 * ```
 */
export function runOp(def: OpDef): Tensor {
  const rec = opHooks.recorder;
  const token = rec ? rec.begin(def.name, def.inputs, 'forward') : null;
  let raw: TfTensor | TfTensor[] | null = null;
  let hv: HostValue | null = null;
  try {
    if (def.host !== undefined && allHost(def.inputs)) hv = def.host();
    if (hv === null) raw = def.forward();
  } finally {
    if (rec) rec.end(token);
  }
  let result: Tensor;
  let extras: TfTensor[] | null = null;
  if (hv !== null) result = Tensor._fromHost(hv.data, hv.shape, hv.dtype);
  else if (Array.isArray(raw)) {
    result = new Tensor(raw[0]);
    extras = raw.slice(1);
  } else result = new Tensor(raw as TfTensor);
  if (!def.backward || !needsGrad(def.inputs) || result._dtype !== 'float32') {
    if (extras) for (const e of extras) e.dispose();
    return result;
  }
  const inputs = def.inputs;
  const saved: Tensor[] = [];
  const spec = def.save;
  if (spec?.inputs === 'all') saved.push(...inputs);
  else if (spec?.inputs) for (const i of spec.inputs) saved.push(inputs[i]);
  if (spec?.output) saved.push(result);
  if (extras) for (const e of extras) saved.push(Tensor._owned(e));
  const next = inputs.map(edgeOf);
  const shapes = inputs.map((t) => t._shape);
  result._gradFn = new FunctionNode(def.name, next, shapes, saved, def.backward);
  result._requiresGrad = true;
  return result;
}

function missingGradient(kernelName: string): BackwardFn {
  return () => {
    throw new AutogradError(`the derivative for '${kernelName}' is not implemented`);
  };
}

/**
 * Runs one TensorFlow.js kernel as an op, with @dl/core's gradient for that kernel as backward
 * (the table in `./kernel-gradients`; tfjs-core alone registers no gradients). A kernel outside
 * the table still runs, but a backward through it throws "the derivative for 'X' is not
 * implemented": use `runOp` with an explicit `backward` for those.
 *
 * @param kernelName the tfjs kernel (`'Add'`, `'BatchMatMul'`, ...); inputs use its input names.
 * @example
 * ```ts
 * const y = kernelOp('Exp', { x });
 * ```
 */
export function kernelOp(kernelName: string, inputs: Record<string, Tensor>, attrs: NamedAttrMap = {}, name = kernelName): Tensor {
  const names = Object.keys(inputs);
  const list = names.map((n) => inputs[n]);
  const forward = () => {
    const rawInputs: Record<string, TfTensor> = {};
    for (let i = 0; i < names.length; i++) rawInputs[names[i]] = list[i]._value;
    return ENGINE.runKernel(kernelName, rawInputs, attrs) as TfTensor;
  };
  const hostKernel = HOST_KERNELS[kernelName];
  const host = hostKernel === undefined ? undefined : () => hostKernel(inputs, attrs);
  if (!needsGrad(list)) return runOp({ name, inputs: list, forward, host });
  const cfg = getKernelGradient(kernelName);
  if (!cfg) return runOp({ name, inputs: list, forward, host, backward: missingGradient(kernelName) });
  // Where each of the kernel's inputs (in the config's order) sits in `list`. A missing one makes
  // the kernel itself fail in forward.
  const at = cfg.inputNames.map((n) => names.indexOf(n));
  const saveAt = (cfg.saveInputs ?? []).map((n) => names.indexOf(n));
  if (at.includes(-1) || saveAt.includes(-1)) return runOp({ name, inputs: list, forward, host, backward: missingGradient(kernelName) });
  const inputShapes = at.map((i) => list[i]._shape);
  const inputDtypes = at.map((i) => list[i]._dtype);
  const backward: BackwardFn = (dy, saved, needs) => {
    const grads: (TfTensor | null)[] = list.map(() => null);
    const wanted = at.map((i) => needs[i]);
    if (!wanted.some(Boolean)) return grads;
    const got = cfg.gradFunc(dy, saved, { attrs, needs: wanted, inputShapes, inputDtypes });
    for (let k = 0; k < at.length; k++) if (wanted[k]) grads[at[k]] = got[k] ?? null;
    return grads;
  };
  return runOp({ name, inputs: list, forward, host, backward, save: { inputs: saveAt, output: cfg.saveOutput === true } });
}

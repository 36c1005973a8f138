import { tf, type TfTensor } from '../backend/tfjs';
import { AutogradError } from '../errors/autograd-error';
import { ShapeError } from '../errors/shape-error';
import type { Tensor } from '../tensor/tensor';
import { AccumulateGrad } from './accumulate-grad';
import type { Node } from './node';
import { opHooks } from './op-hooks';
import { tensorClass } from './tensor-class';

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function rootGradient(t: Tensor, given: Tensor | null): TfTensor {
  if (given === null) {
    if (t.numel() !== 1) {
      throw new AutogradError(`grad can be implicitly created only for scalar outputs (got a tensor of shape [${t.shape.join(', ')}]); pass a gradient of the same shape`);
    }
    return tf.onesLike(t._value.dtype === 'float32' ? t._value : tf.cast(t._value, 'float32'));
  }
  if (!sameShape(given._value.shape, t._value.shape)) {
    throw new ShapeError(`backward: gradient has shape [${given.shape.join(', ')}] but the output has shape [${t.shape.join(', ')}]`);
  }
  return tf.clone(given._value);
}

function runHooks(node: Node, grad: TfTensor): TfTensor {
  const TensorClass = tensorClass();
  let g = grad;
  if (node.hooks) {
    for (const hook of node.hooks) {
      const wrapped = TensorClass._owned(tf.clone(g));
      const replaced = hook(wrapped);
      if (replaced instanceof TensorClass) {
        tf.dispose(g);
        g = tf.clone(replaced._value);
      }
    }
  }
  if (node.retained) {
    const r = node.retained;
    if (r.grad === null) r.grad = TensorClass._owned(tf.keep(tf.clone(g)), true);
    else r.grad._replaceValue(tf.keep(tf.add(r.grad._value, g)));
  }
  return g;
}

/**
 * @internal The backward engine: walks the graph from `roots` in dependency order, sums the
 * gradients reaching each node, and accumulates at leaves. With `capture`, gradients for those
 * tensors are returned instead of accumulated (`autograd.grad`).
 */
export function runBackward(roots: Tensor[], gradients: (Tensor | null)[], retainGraph: boolean, capture: Tensor[] | null): (TfTensor | null)[] {
  const captureAt = new Map<Node, number>();
  const captured: (TfTensor | null)[] = capture ? capture.map(() => null) : [];
  if (capture) {
    capture.forEach((t, i) => {
      if (!t._requiresGrad) throw new AutogradError(`One of the differentiated Tensors (input ${i}) does not require grad`);
      captureAt.set(t._gradFn ?? t._getAccumulator(), i);
    });
  }
  const buffers = new Map<Node, TfTensor>();
  const rootNodes: Node[] = [];
  roots.forEach((t, i) => {
    if (!t._requiresGrad) {
      throw new AutogradError(`element ${i} of tensors does not require grad and does not have a gradFn`);
    }
    const node = t._gradFn ?? t._getAccumulator();
    const g = rootGradient(t, gradients[i] ?? null);
    const prev = buffers.get(node);
    buffers.set(node, prev ? tf.add(prev, g) : g);
    rootNodes.push(node);
  });

  // Count, for every reachable node, how many edges lead into it.
  const deps = new Map<Node, number>();
  const seen = new Set<Node>();
  const stack = [...new Set(rootNodes)];
  for (const n of stack) seen.add(n);
  while (stack.length) {
    const n = stack.pop()!;
    for (const next of n.next) {
      if (!next) continue;
      deps.set(next, (deps.get(next) ?? 0) + 1);
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }

  const ready: Node[] = [...new Set(rootNodes)].filter((n) => !deps.has(n));
  const rec = opHooks.recorder;
  try {
    while (ready.length) {
      const node = ready.pop()!;
      let grad = buffers.get(node);
      buffers.delete(node);
      let outs: (TfTensor | null)[] = [];
      if (grad) {
        grad = runHooks(node, grad);
        const ci = captureAt.get(node);
        if (ci !== undefined) {
          captured[ci] = tf.keep(tf.clone(grad));
        }
        let kept = false;
        if (!(capture && node instanceof AccumulateGrad)) {
          const token = rec ? rec.begin(node.name, null, 'backward') : null;
          try {
            const g = grad;
            outs = tf.tidy(() => node.apply(g) as TfTensor[]) as (TfTensor | null)[];
            // A leaf's first gradient becomes its .grad as it is (this buffer is the engine's own).
            kept = node instanceof AccumulateGrad && node.takeOwnership(g);
          } finally {
            if (rec) rec.end(token);
          }
          // A backward may hand the incoming gradient (or one value) to several inputs: every
          // buffer must own its own tensor.
          for (let i = 0; i < outs.length; i++) {
            const o = outs[i];
            if (o && (o === grad || outs.indexOf(o) < i)) outs[i] = tf.clone(o);
          }
        }
        if (!kept) tf.dispose(grad);
      }
      node.next.forEach((next, i) => {
        if (!next) return;
        const g = outs[i];
        if (g) {
          const prev = buffers.get(next);
          if (prev) {
            buffers.set(next, tf.add(prev, g));
            tf.dispose([prev, g]);
          } else buffers.set(next, g);
        }
        const left = (deps.get(next) ?? 1) - 1;
        deps.set(next, left);
        if (left === 0) ready.push(next);
      });
    }
  } finally {
    for (const g of buffers.values()) tf.dispose(g);
    if (!retainGraph) for (const n of seen) n.release();
  }
  return captured;
}

/** Options of `autograd.grad`. */
export interface GradOptions {
  /** Keep the graph for another backward. @default false */
  retainGraph?: boolean;
  /** Return null (instead of throwing) for inputs the outputs do not depend on. @default false */
  allowUnused?: boolean;
}

/**
 * Computes and returns the gradients of `outputs` with respect to `inputs` without touching
 * `.grad` (PyTorch's `torch.autograd.grad`).
 *
 * @example
 * ```ts
 * const [dx] = dl.grad([x.pow(2).sum()], [x]); // 2 * x
 * ```
 */
export function grad(outputs: Tensor[], inputs: Tensor[], gradOutputs: (Tensor | null)[] | null = null, options: GradOptions = {}): (Tensor | null)[] {
  const got = runBackward(outputs, gradOutputs ?? outputs.map(() => null), options.retainGraph ?? false, inputs);
  const TensorClass = tensorClass();
  return got.map((g, i) => {
    if (g === null) {
      if (!options.allowUnused) {
        throw new AutogradError(`One of the differentiated Tensors (input ${i}) appears to not have been used in the graph. Set allowUnused: true if this is the desired behavior.`);
      }
      return null;
    }
    return TensorClass._owned(g);
  });
}

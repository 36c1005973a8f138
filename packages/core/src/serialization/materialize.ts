import { tf } from '../backend/tfjs';
import { Tensor } from '../tensor/tensor';
import { CheckpointError } from './checkpoint-error';
import { isPlainObject, pathText, type CheckpointValue } from './checkpoint-value';
import { MAX_NESTING } from './limits';
import { PyGlobal } from './pickle-reader';
import { readView } from './tensor-view';
import { pendingOf, StorageRef, type PendingTensor } from './torch-unpickler';


type Container = unknown[] | Record<string, unknown>;

interface Frame {
  node: Container;
  keys: (string | number)[];
  i: number;
  height: number;
  key: string | number;
}

function isContainer(v: unknown): v is Container {
  return Array.isArray(v) || isPlainObject(v);
}

/**
 * @internal Turns an unpickled structure into a `CheckpointValue` in place: pending tensors
 * become `Tensor`s (a tensor shared by several keys stays one tensor), dtype markers become
 * their names, and anything else foreign is refused. Walks without recursion, refusing
 * self-references and nesting deeper than `MAX_NESTING`; on any error the tensors made so far
 * are disposed.
 */
export function materialize(root: unknown, where: string): CheckpointValue {
  const made = new Map<PendingTensor, Tensor>();
  const stack: Frame[] = [];
  const path = (last?: string | number): string => pathText([...stack.slice(1).map((f) => f.key), ...(last === undefined ? [] : [last])]);

  const tensorFor = (p: PendingTensor, at: string): Tensor => {
    const known = made.get(p);
    if (known) return known;
    const data = p.storage.resolve();
    if (!data) throw new CheckpointError(`${where}: tensor at '${at}' uses storage '${p.storage.key}' whose data is missing`);
    const view = readView(data, p.offset, p.size, p.stride, `${where}: tensor at '${at}' (storage '${p.storage.key}')`);
    p.storage.release();
    const t = Tensor._owned(tf.tensor(view.values, view.shape, view.dtype));
    made.set(p, t);
    if (p.requiresGrad && t.dtype === 'float32') t.requiresGrad_(true);
    return t;
  };

  const leaf = (v: unknown, at: string): unknown => {
    const p = pendingOf(v);
    if (p) return tensorFor(p, at);
    if (v === null || typeof v !== 'object' || v instanceof Uint8Array || isContainer(v)) return v;
    if (v instanceof PyGlobal) return v.qualname;
    if (v instanceof StorageRef) throw new CheckpointError(`${where}: a bare storage at '${at}' is not supported (save tensors, not storages)`);
    throw new CheckpointError(`${where}: unsupported value at '${at}' (${(v as object).constructor?.name ?? 'object'})`);
  };

  try {
    if (!isContainer(root)) return leaf(root, '<root>') as CheckpointValue;
    const state = new Map<object, number>([[root, -1]]);
    const frame = (node: Container, key: string | number): Frame => ({ node, keys: Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node), i: 0, height: 0, key });
    stack.push(frame(root, ''));
    while (stack.length > 0) {
      const f = stack[stack.length - 1];
      if (f.i < f.keys.length) {
        const k = f.keys[f.i++];
        const child = (f.node as Record<string | number, unknown>)[k];
        if (!isContainer(child)) {
          const v = leaf(child, path(k));
          if (v !== child) (f.node as Record<string | number, unknown>)[k] = v;
          continue;
        }
        const seen = state.get(child);
        if (seen === -1) throw new CheckpointError(`${where}: the structure refers to itself at '${path(k)}' (self-referencing checkpoints are not supported)`);
        if (seen !== undefined) {
          if (stack.length + seen + 1 > MAX_NESTING) throw new CheckpointError(`${where}: nesting deeper than ${MAX_NESTING} levels at '${path(k)}' (crafted or corrupt checkpoint)`);
          f.height = Math.max(f.height, seen + 1);
          continue;
        }
        if (stack.length >= MAX_NESTING) throw new CheckpointError(`${where}: nesting deeper than ${MAX_NESTING} levels at '${path(k)}' (crafted or corrupt checkpoint)`);
        state.set(child, -1);
        stack.push(frame(child, k));
      } else {
        stack.pop();
        state.set(f.node, f.height);
        const parent = stack[stack.length - 1];
        if (parent) parent.height = Math.max(parent.height, f.height + 1);
      }
    }
    return root as CheckpointValue;
  } catch (e) {
    for (const t of made.values()) t.dispose();
    throw e;
  }
}

import type { Tensor } from '../tensor/tensor';
import { CheckpointError } from './checkpoint-error';
import { pathText } from './checkpoint-value';
import { PickleWriter } from './pickle-writer';
import { tensorBytes } from './tensor-bytes';
import { AncestorGuard, isIndexKey, valueKind } from './value-kind';
import { writeZip, type ZipInput } from './zip-writer';

/** @internal Options of `writeTorch`. */
export interface TorchWriteOptions {
  /** The folder name inside the zip (`torch.save` uses `archive`). @default 'archive' */
  archiveName?: string;
  /** Write ZIP64 records even when not needed (tests). @default false */
  forceZip64?: boolean;
}

const STORAGE: Record<Tensor['dtype'], string> = { float32: 'FloatStorage', int32: 'LongStorage', bool: 'BoolStorage' };

function rowMajorStrides(shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length);
  for (let d = shape.length - 1, s = 1; d >= 0; d--) {
    out[d] = s;
    s *= shape[d];
  }
  return out;
}

function writeIntTuple(p: PickleWriter, values: readonly number[]): void {
  if (values.length === 0) {
    p.emptyTuple();
  } else if (values.length <= 3) {
    for (const v of values) p.int(v);
    p.tupleN(values.length as 1 | 2 | 3);
  } else {
    p.mark();
    for (const v of values) p.int(v);
    p.tuple();
  }
}

/**
 * @internal Writes `obj` in PyTorch's zip checkpoint format (what `torch.save` writes since
 * 1.6): `archive/data.pkl` (pickle protocol 2; plain objects become dicts, arrays lists, tensors
 * `torch._utils._rebuild_tensor_v2` calls over persistent storages), one `archive/data/<key>`
 * entry per tensor, `archive/byteorder` and `archive/version`. float32 tensors are saved as
 * `torch.float32`, int32 as `torch.int64` (PyTorch's `long`), bool as `torch.bool`.
 *
 * Plain objects whose keys are all canonical integers (`{0: ..., 1: ...}`, as an optimizer's
 * `state` is) become dicts with int keys, since JavaScript turned those keys into strings;
 * a `Map` gives exact control (number keys are ints, string keys strs).
 */
export function writeTorch(obj: unknown, op: string, options: TorchWriteOptions = {}): Uint8Array[] {
  const archive = options.archiveName ?? 'archive';
  const p = new PickleWriter();
  const guard = new AncestorGuard(op);
  const storages = new Map<Tensor, string>();
  const entries: ZipInput[] = [];

  const writeKey = (key: string | number, intKeys: boolean): void => {
    if (typeof key === 'number') {
      if (Number.isSafeInteger(key)) p.int(key);
      else p.float(key);
    } else if (intKeys) p.int(Number(key));
    else p.str(key);
  };

  const writeTensor = (t: Tensor): void => {
    let key = storages.get(t);
    if (key === undefined) {
      key = String(storages.size);
      storages.set(t, key);
      entries.push({ name: `${archive}/data/${key}`, data: [tensorBytes(t, true)] });
    }
    p.global('torch._utils', '_rebuild_tensor_v2');
    p.mark();
    p.mark();
    p.str('storage');
    p.global('torch', STORAGE[t.dtype]);
    p.str(key);
    p.str('cpu');
    p.int(t.numel());
    p.tuple();
    p.binpersid();
    p.int(0);
    writeIntTuple(p, t.shape);
    writeIntTuple(p, rowMajorStrides(t.shape));
    p.bool(t.requiresGrad);
    p.global('collections', 'OrderedDict');
    p.emptyTuple();
    p.reduce();
    p.tuple();
    p.reduce();
  };

  const write = (v: unknown, path: (string | number)[]): void => {
    switch (valueKind(v, path, op)) {
      case 'tensor':
        writeTensor(v as Tensor);
        return;
      case 'null':
      case 'undefined':
        p.none();
        return;
      case 'boolean':
        p.bool(v as boolean);
        return;
      case 'number': {
        const n = v as number;
        if (Number.isSafeInteger(n) && !Object.is(n, -0)) p.int(n);
        else p.float(n);
        return;
      }
      case 'bigint':
        p.int(v as bigint);
        return;
      case 'string':
        p.str(v as string);
        return;
      case 'bytes':
        p.bytes(v as Uint8Array);
        return;
      case 'array': {
        const arr = v as unknown[];
        guard.enter(arr, path);
        p.emptyList();
        p.batched(arr.map((x, i) => [x, i] as const), ([x, i]) => write(x, [...path, i]), () => p.appends());
        guard.leave(arr);
        return;
      }
      case 'object': {
        const o = v as Record<string, unknown>;
        guard.enter(o, path);
        const keys = Object.keys(o).filter((k) => o[k] !== undefined);
        const intKeys = keys.length > 0 && keys.every(isIndexKey);
        p.emptyDict();
        p.batched(keys, (k) => {
          writeKey(k, intKeys);
          write(o[k], [...path, k]);
        }, () => p.setitems());
        guard.leave(o);
        return;
      }
      case 'map': {
        const m = v as Map<unknown, unknown>;
        guard.enter(m, path);
        p.emptyDict();
        const items = [...m.entries()];
        p.batched(items, ([k, x]) => {
          if (typeof k !== 'string' && typeof k !== 'number') {
            throw new CheckpointError(`${op}: Map keys at '${pathText(path)}' must be strings or numbers (got ${typeof k})`);
          }
          writeKey(k as string | number, false);
          write(x, [...path, String(k)]);
        }, () => p.setitems());
        guard.leave(m);
        return;
      }
    }
  };

  write(obj, []);
  const pickle = p.stop();
  return writeZip(
    [
      { name: `${archive}/data.pkl`, data: pickle },
      { name: `${archive}/byteorder`, data: [new TextEncoder().encode('little')] },
      ...entries,
      { name: `${archive}/version`, data: [new TextEncoder().encode('3\n')] },
    ],
    { forceZip64: options.forceZip64 },
  );
}

import type { Tensor } from '../tensor/tensor';
import { CheckpointError } from './checkpoint-error';
import { isPlainObject, pathText, type CheckpointValue } from './checkpoint-value';
import { MAX_NESTING } from './limits';
import { setKey } from './pickle-text';
import { AncestorGuard, valueKind } from './value-kind';

/**
 * How the non-tensor structure of a checkpoint is kept in a safetensors file: the JSON text of
 * one value under the `__metadata__` key `dl.structure` (with `dl.structure_version` `"1"`),
 * where tensors are replaced by references to the file's tensor names.
 *
 * ```text
 * value := null | true | false | "string" | finite number
 *        | [value, ...]                              an array
 *        | {"key": value, ...}                       a plain object whose keys don't start with "$"
 *        | {"$tensor": "name"}                       the tensor stored under that name
 *        | {"$object": {"key": value, ...}}          a plain object with some key starting with "$"
 *        | {"$map": [[key, value], ...]}             a Map (keys: strings or numbers)
 *        | {"$number": "NaN" | "Infinity" | "-Infinity" | "-0"}
 *        | {"$bigint": "123456789012345678901"}
 *        | {"$bytes": "<base64>"}                    a Uint8Array
 * ```
 *
 * Tensor names are the dotted path to the tensor (`model.0.weight`, `optimizer.state.0.exp_avg`,
 * `losses.2`), made unique with a `#n` suffix when two paths spell the same; a tensor found
 * twice (tied weights) is stored once and referenced twice. A file whose metadata has no
 * `dl.structure` (made by another tool, or a flat state dict) loads as one flat object of its
 * tensors.
 *
 * @example
 * ```ts
 * // Python: json.loads(safe_open(path, 'pt').metadata()['dl.structure'])
 * serialize({ w: t, epoch: 3 }); // metadata: {"dl.structure": '{"w":{"$tensor":"w"},"epoch":3}', ...}
 * ```
 */
export const STRUCTURE_KEY = 'dl.structure';
/**
 * The `__metadata__` key holding the version (`"1"`) of the structure encoding of `STRUCTURE_KEY`.
 *
 * @example
 * ```ts
 * metadata[STRUCTURE_VERSION_KEY]; // '1'
 * ```
 */
export const STRUCTURE_VERSION_KEY = 'dl.structure_version';

/** @internal A tensor to store under a name. */
export interface NamedTensor {
  name: string;
  tensor: Tensor;
}

/** @internal The result of flattening: tensors by name, and the JSON structure (null when the value is a flat state dict). */
export interface Flattened {
  tensors: NamedTensor[];
  structure: string | null;
}

function toBase64(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return btoa(s);
}

function fromBase64(s: string, where: string): Uint8Array {
  let bin: string;
  try {
    bin = atob(s);
  } catch {
    throw new CheckpointError(`${where}: invalid base64 in a $bytes value`);
  }
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

function isFlatStateDict(obj: unknown, op: string): obj is Record<string, Tensor> {
  if (!isPlainObject(obj)) return false;
  const seen = new Set<unknown>();
  for (const [k, v] of Object.entries(obj)) {
    if (k === '__metadata__' || v === undefined || valueKind(v, [k], op) !== 'tensor' || seen.has(v)) return false;
    seen.add(v);
  }
  return true;
}

/**
 * @internal Splits a value into named tensors and the JSON text of the rest (see `STRUCTURE_KEY`).
 * A flat `{name: Tensor}` object with distinct tensors needs no structure: it is stored as
 * plain safetensors, readable by every tool.
 */
export function flatten(obj: unknown, op: string): Flattened {
  if (isFlatStateDict(obj, op)) {
    return { tensors: Object.entries(obj).filter(([, t]) => t !== undefined).map(([name, tensor]) => ({ name, tensor })), structure: null };
  }
  const tensors: NamedTensor[] = [];
  const names = new Map<Tensor, string>();
  const used = new Set<string>(['__metadata__']);
  const guard = new AncestorGuard(op);

  const nameFor = (t: Tensor, path: (string | number)[]): string => {
    const known = names.get(t);
    if (known !== undefined) return known;
    const base = path.length === 0 ? 'tensor' : path.join('.');
    let name = base;
    for (let n = 1; used.has(name); n++) name = `${base}#${n}`;
    used.add(name);
    names.set(t, name);
    tensors.push({ name, tensor: t });
    return name;
  };

  const encode = (v: unknown, path: (string | number)[]): unknown => {
    switch (valueKind(v, path, op)) {
      case 'tensor':
        return { $tensor: nameFor(v as Tensor, path) };
      case 'null':
      case 'undefined':
        return null;
      case 'boolean':
      case 'string':
        return v;
      case 'number': {
        const n = v as number;
        if (Number.isFinite(n) && !Object.is(n, -0)) return n;
        return { $number: Object.is(n, -0) ? '-0' : String(n) };
      }
      case 'bigint':
        return { $bigint: (v as bigint).toString() };
      case 'bytes':
        return { $bytes: toBase64(v as Uint8Array) };
      case 'array': {
        const arr = v as unknown[];
        guard.enter(arr, path);
        const out = arr.map((x, i) => encode(x, [...path, i]));
        guard.leave(arr);
        return out;
      }
      case 'object': {
        const o = v as Record<string, unknown>;
        guard.enter(o, path);
        const out: Record<string, unknown> = {};
        let dollar = false;
        for (const [k, x] of Object.entries(o)) {
          if (x === undefined) continue;
          if (k.startsWith('$')) dollar = true;
          setKey(out, k, encode(x, [...path, k]));
        }
        guard.leave(o);
        return dollar ? { $object: out } : out;
      }
      case 'map': {
        const m = v as Map<unknown, unknown>;
        guard.enter(m, path);
        const out: unknown[] = [];
        for (const [k, x] of m) {
          if (typeof k !== 'string' && typeof k !== 'number') {
            throw new CheckpointError(`${op}: Map keys at '${pathText(path)}' must be strings or numbers (got ${typeof k})`);
          }
          out.push([k, encode(x, [...path, String(k)])]);
        }
        guard.leave(m);
        return { $map: out };
      }
    }
  };

  const structure = JSON.stringify(encode(obj, []));
  return { tensors, structure };
}

/**
 * @internal Rebuilds a value from its structure JSON and the file's tensors; every reference
 * must name a tensor of the file and every tensor must be referenced (else the file is corrupt).
 */
export function unflatten(structure: string, tensors: Map<string, Tensor>, where: string): CheckpointValue {
  let json: unknown;
  try {
    json = JSON.parse(structure);
  } catch (e) {
    throw new CheckpointError(`${where}: the '${STRUCTURE_KEY}' metadata is not valid JSON (${(e as Error).message})`);
  }
  const referenced = new Set<string>();
  const bad = (path: (string | number)[], what: string): never => {
    throw new CheckpointError(`${where}: '${STRUCTURE_KEY}' metadata at '${pathText(path)}': ${what}`);
  };
  const decode = (v: unknown, path: (string | number)[]): CheckpointValue => {
    if (path.length > MAX_NESTING) bad(path, `nesting deeper than ${MAX_NESTING} levels`);
    if (v === null || typeof v === 'boolean' || typeof v === 'string' || typeof v === 'number') return v;
    if (Array.isArray(v)) return v.map((x, i) => decode(x, [...path, i]));
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1 && keys[0].startsWith('$')) {
      const tag = keys[0];
      const arg = o[tag];
      switch (tag) {
        case '$tensor': {
          if (typeof arg !== 'string') return bad(path, '$tensor must name a tensor');
          const t = tensors.get(arg);
          if (!t) return bad(path, `refers to tensor '${arg}', which the file does not hold`);
          referenced.add(arg);
          return t;
        }
        case '$object': {
          if (!isPlainObject(arg)) return bad(path, '$object must hold an object');
          const out: Record<string, CheckpointValue> = {};
          for (const [k, x] of Object.entries(arg)) setKey(out, k, decode(x, [...path, k]));
          return out;
        }
        case '$map': {
          if (!Array.isArray(arg)) return bad(path, '$map must hold [key, value] pairs');
          const out = new Map<string | number, CheckpointValue>();
          for (const pair of arg) {
            if (!Array.isArray(pair) || pair.length !== 2 || (typeof pair[0] !== 'string' && typeof pair[0] !== 'number')) {
              return bad(path, '$map must hold [key, value] pairs with string or number keys');
            }
            out.set(pair[0], decode(pair[1], [...path, String(pair[0])]));
          }
          return out;
        }
        case '$number': {
          const n = arg === 'NaN' ? NaN : arg === 'Infinity' ? Infinity : arg === '-Infinity' ? -Infinity : arg === '-0' ? -0 : undefined;
          if (n === undefined) return bad(path, `unknown $number '${String(arg)}'`);
          return n;
        }
        case '$bigint': {
          if (typeof arg !== 'string' || !/^-?\d+$/.test(arg)) return bad(path, '$bigint must be a decimal string');
          return BigInt(arg);
        }
        case '$bytes':
          if (typeof arg !== 'string') return bad(path, '$bytes must be a base64 string');
          return fromBase64(arg, where);
        default:
          return bad(path, `unknown tag '${tag}'`);
      }
    }
    const out: Record<string, CheckpointValue> = {};
    for (const k of keys) {
      if (k.startsWith('$')) bad(path, `key '${k}' starts with '$' outside a $object`);
      setKey(out, k, decode(o[k], [...path, k]));
    }
    return out;
  };
  const value = decode(json, []);
  for (const name of tensors.keys()) {
    if (!referenced.has(name)) throw new CheckpointError(`${where}: tensor '${name}' is not referenced by the '${STRUCTURE_KEY}' metadata (corrupt file)`);
  }
  return value;
}

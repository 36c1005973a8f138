import { isTensorLike, isTypedArray } from './tensor-like';

/** @internal A short description of a value's type for error messages: "a Tensor of shape [3] (float32)". */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (isTensorLike(value)) return `a Tensor of shape [${value.shape.join(', ')}] (${value.dtype})`;
  if (isTypedArray(value)) return `a ${value.constructor.name} of length ${value.length}`;
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (value instanceof Map) return 'a Map';
  switch (typeof value) {
    case 'number':
      return `a number (${value})`;
    case 'bigint':
      return `a bigint (${value})`;
    case 'boolean':
      return 'a boolean';
    case 'string':
      return 'a string';
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
    default: {
      const proto = Object.getPrototypeOf(value);
      if (proto === Object.prototype || proto === null) return 'a plain object';
      const name = (proto?.constructor as { name?: string } | undefined)?.name;
      return name ? `an instance of ${name}` : 'an object';
    }
  }
}

/** @internal Whether a value is a plain object (`{...}` or `Object.create(null)`). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

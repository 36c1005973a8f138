/**
 * @internal A short description of a value for error messages: `string 'hello'`,
 * `an array [1, 2]`, `number 2.5`, `undefined`, `a Float32Array`, `a Tensor of shape [2, 3]`.
 * Only called on the error path, so it may allocate.
 */
export function describeArg(x: unknown): string {
  if (x === null) return 'null';
  switch (typeof x) {
    case 'undefined':
      return 'undefined';
    case 'string':
      return `string '${x.length > 24 ? `${x.slice(0, 24)}...` : x}'`;
    case 'number':
    case 'boolean':
      return `${typeof x} ${String(x)}`;
    case 'bigint':
      return `bigint ${String(x)}n`;
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
    default:
      break;
  }
  if (Array.isArray(x)) return `an array ${previewArray(x)}`;
  if (ArrayBuffer.isView(x)) return `a ${(x as object).constructor.name}`;
  const o = x as { shape?: unknown; dtype?: unknown; numel?: unknown };
  if (Array.isArray(o.shape) && typeof o.dtype === 'string' && typeof o.numel === 'function') {
    return `a Tensor of dtype ${o.dtype} and shape [${o.shape.join(', ')}]`;
  }
  const name = (x as object).constructor?.name;
  return name && name !== 'Object' ? `a ${name}` : 'an object';
}

/** `[1, 2]`, `[[1, 2], [3]]`, or `of length 1000` for long arrays. */
function previewArray(a: readonly unknown[]): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(a);
  } catch {
    text = undefined;
  }
  if (text === undefined || text.length > 40) return `of length ${a.length}`;
  return text.replace(/,/g, ', ');
}

/** @internal A number as itself (`2.5`, `-1`), anything else as {@link describeArg} describes it. */
export function describeNumber(x: unknown): string {
  return typeof x === 'number' ? String(x) : describeArg(x);
}

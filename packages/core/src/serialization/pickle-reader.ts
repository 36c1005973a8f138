import type { ByteCursor } from './byte-cursor';
import { CheckpointError } from './checkpoint-error';
import { isPlainObject } from './checkpoint-value';
import { dictKey, intFromBytes, latin1, MAX_INT_BYTES, parseTextInt, rawUnicodeEscape, setKey, unquote } from './pickle-text';
import { UnpicklingError } from './unpickling-error';


/**
 * @internal A global the unpickler was allowed to resolve (`collections.OrderedDict`,
 * `torch._utils._rebuild_tensor_v2`, `torch.FloatStorage`, ...). Only the hooks make these, from
 * an allow-list; `call` is what REDUCE / NEWOBJ may run with the pickled arguments (null for
 * globals that are only markers, such as storage types and dtypes).
 */
export class PyGlobal {
  constructor(
    readonly qualname: string,
    readonly call: ((args: unknown[], kwargs?: Record<string, unknown>) => unknown) | null = null,
  ) {}
}

/** @internal What the caller of `unpickle` decides: which globals exist, persistent ids, BUILD. */
export interface UnpicklerHooks {
  /** Returns the allowed global or throws an `UnpicklingError` naming it. */
  findGlobal(module: string, name: string): PyGlobal;
  /** Resolves a persistent id (PyTorch's storages); absent means persistent ids are refused. */
  persistentLoad?(pid: unknown): unknown;
  /** Applies BUILD's state to an object the hooks made; absent or false means refuse. */
  build?(target: unknown, state: unknown): boolean;
}

const MAX_PROTOCOL = 5;

// Python 3's unpickler renames the Python 2 modules that protocol 0-2 pickles name (its
// `fix_imports`); hooks see, and errors name, the Python 3 spelling.
const PY2_MODULES: Record<string, string> = {
  __builtin__: 'builtins',
  exceptions: 'builtins',
  copy_reg: 'copyreg',
  commands: 'subprocess',
  cPickle: 'pickle',
  cStringIO: 'io',
  StringIO: 'io',
  Queue: 'queue',
  UserDict: 'collections',
  UserList: 'collections',
  UserString: 'collections',
  thread: '_thread',
  urllib2: 'urllib.request',
  _winreg: 'winreg',
};
const utf8 = new TextDecoder('utf-8');

/** Arrays that came from EMPTY_SET / FROZENSET (only ADDITEMS may grow them) and tuples (immutable). */
const SETS = new WeakSet<object>();
const TUPLES = new WeakSet<object>();

function tuple(items: unknown[]): unknown[] {
  TUPLES.add(items);
  return items;
}

function pyRepr(v: unknown): string {
  if (v === null) return 'None';
  if (typeof v === 'string') return `'${v.length > 40 ? `${v.slice(0, 40)}...` : v}'`;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (v instanceof PyGlobal) return v.qualname;
  if (Array.isArray(v)) return 'a list/tuple';
  if (v instanceof Uint8Array) return 'bytes';
  return typeof v === 'object' ? (isPlainObject(v) ? 'a dict' : 'an object') : typeof v;
}

/**
 * @internal A restricted unpickler for protocols 0-5. It interprets the opcodes as a stack
 * machine but can only build primitives, lists, tuples, dicts, sets and what the hooks allow:
 * every GLOBAL / STACK_GLOBAL / INST goes through `hooks.findGlobal`, which refuses anything
 * not on its allow-list, so no code named by the file ever runs. Lengths are checked against
 * the bytes left before anything is allocated.
 *
 * Returns the unpickled value; the cursor is left just after the STOP opcode.
 */
export function unpickle(cursor: ByteCursor, hooks: UnpicklerHooks, what = 'pickle'): unknown {
  const stack: unknown[] = [];
  const marks: number[] = [];
  const memo = new Map<number, unknown>();
  const name = cursor.source.name;
  let opAt = 0;
  let op = 0;

  const fail = (message: string, global?: string): never => {
    throw new UnpicklingError(`${name}: ${what}: ${message} (opcode 0x${op.toString(16).padStart(2, '0')} at offset ${opAt})`, { global });
  };
  const pop = (): unknown => {
    if (stack.length === 0 || (marks.length > 0 && stack.length <= marks[marks.length - 1])) fail('stack underflow (malformed pickle)');
    return stack.pop();
  };
  const top = (): unknown => {
    if (stack.length === 0) fail('stack underflow (malformed pickle)');
    return stack[stack.length - 1];
  };
  const popMark = (): unknown[] => {
    const m = marks.pop();
    if (m === undefined) fail('no MARK on the stack (malformed pickle)');
    return stack.splice(m!);
  };
  const lineText = (): string => latin1(cursor.line());
  const getMemo = (i: number): unknown => {
    if (!memo.has(i)) fail(`memo key ${i} was never stored (malformed pickle)`);
    return memo.get(i);
  };
  const putMemo = (i: number): void => {
    if (!Number.isSafeInteger(i) || i < 0) fail(`invalid memo key ${i}`);
    memo.set(i, top());
  };
  const global = (rawModule: string, qual: string): PyGlobal => {
    const module = Object.hasOwn(PY2_MODULES, rawModule) ? PY2_MODULES[rawModule] : rawModule;
    try {
      return hooks.findGlobal(module, qual);
    } catch (e) {
      if (e instanceof UnpicklingError) {
        const spelled = module === rawModule ? '' : ` (written as '${rawModule}.${qual}')`;
        throw new UnpicklingError(`${name}: ${what}: ${e.message}${spelled} (at offset ${opAt})`, { global: e.global, cause: e });
      }
      throw e;
    }
  };
  const persistent = (pid: unknown): unknown => {
    if (!hooks.persistentLoad) fail('persistent ids are not allowed here');
    try {
      return hooks.persistentLoad!(pid);
    } catch (e) {
      if (e instanceof UnpicklingError && !e.message.startsWith(`${name}:`)) throw new UnpicklingError(`${name}: ${what}: ${e.message} (at offset ${opAt})`, { global: e.global, cause: e });
      throw e;
    }
  };
  const callGlobal = (fn: unknown, args: unknown, kwargs?: unknown): unknown => {
    if (!(fn instanceof PyGlobal) || fn.call === null) fail(`${pyRepr(fn)} is not callable here`);
    if (!Array.isArray(args)) fail(`the arguments of ${pyRepr(fn)} must be a tuple (got ${pyRepr(args)})`);
    if (kwargs !== undefined && kwargs !== null && !isPlainObject(kwargs)) fail(`the keyword arguments of ${pyRepr(fn)} must be a dict`);
    try {
      return (fn as PyGlobal).call!(args as unknown[], (kwargs ?? undefined) as Record<string, unknown> | undefined);
    } catch (e) {
      if (e instanceof UnpicklingError && !e.message.startsWith(`${name}:`)) throw new UnpicklingError(`${name}: ${what}: ${e.message} (at offset ${opAt})`, { global: e.global, cause: e });
      if (e instanceof CheckpointError) throw e;
      throw new UnpicklingError(`${name}: ${what}: ${(fn as PyGlobal).qualname} failed: ${(e as Error)?.message ?? String(e)} (at offset ${opAt})`, { cause: e });
    }
  };
  const setItems = (target: unknown, items: unknown[]): void => {
    if (!isPlainObject(target)) fail(`SETITEM(S) needs a dict below the items (got ${pyRepr(target)})`);
    if (items.length % 2 !== 0) fail('SETITEMS needs key/value pairs (odd number of items)');
    for (let i = 0; i < items.length; i += 2) setKey(target as Record<string, unknown>, dictKey(items[i], `${name}: ${what}`), items[i + 1]);
  };
  const appendItems = (target: unknown, items: unknown[]): void => {
    if (!Array.isArray(target) || SETS.has(target) || TUPLES.has(target)) fail(`APPEND(S) needs a list below the items (got ${TUPLES.has(target as object) ? 'a tuple' : pyRepr(target)})`);
    for (const item of items) (target as unknown[]).push(item);
  };
  const bytesOf = (n: number): Uint8Array => cursor.bytes(n);
  const str = (n: number): string => utf8.decode(bytesOf(n));

  for (;;) {
    opAt = cursor.pos;
    if (cursor.remaining <= 0) fail('the pickle ends before its STOP opcode (truncated)');
    op = cursor.u8();
    switch (op) {
      case 0x80: {
        const proto = cursor.u8();
        if (proto > MAX_PROTOCOL) fail(`unsupported pickle protocol ${proto} (expected 0-${MAX_PROTOCOL})`);
        break;
      }
      case 0x95: // FRAME: a length hint only
        cursor.need(Math.min(cursor.u64(), Number.MAX_SAFE_INTEGER));
        break;
      case 0x2e: // STOP
        return pop();
      case 0x28: // MARK
        marks.push(stack.length);
        break;
      case 0x30: // POP
        if (marks.length > 0 && stack.length === marks[marks.length - 1]) marks.pop();
        else pop();
        break;
      case 0x31: // POP_MARK
        popMark();
        break;
      case 0x32: // DUP
        stack.push(top());
        break;
      // ---- constants and numbers
      case 0x4e: stack.push(null); break; // NONE
      case 0x88: stack.push(true); break; // NEWTRUE
      case 0x89: stack.push(false); break; // NEWFALSE
      case 0x4b: stack.push(cursor.u8()); break; // BININT1
      case 0x4d: stack.push(cursor.u16()); break; // BININT2
      case 0x4a: stack.push(cursor.i32()); break; // BININT
      case 0x8a: // LONG1
        stack.push(intFromBytes(bytesOf(cursor.u8())));
        break;
      case 0x8b: { // LONG4
        const n = cursor.i32();
        if (n < 0) fail('LONG4 with a negative byte count');
        if (n > MAX_INT_BYTES) fail(`integer of ${n} bytes is too large (limit ${MAX_INT_BYTES})`);
        stack.push(intFromBytes(bytesOf(n)));
        break;
      }
      case 0x49: // INT (text)
      case 0x4c: // LONG (text)
        stack.push(parseTextInt(lineText(), `${name}: ${what}`));
        break;
      case 0x46: { // FLOAT (text)
        const t = lineText().trim();
        const v = /^(nan|-?inf)$/i.test(t) ? (t.toLowerCase() === 'nan' ? NaN : t.startsWith('-') ? -Infinity : Infinity) : Number(t);
        if (Number.isNaN(v) && t.toLowerCase() !== 'nan') fail(`invalid float literal '${t.slice(0, 40)}'`);
        stack.push(v);
        break;
      }
      case 0x47: { // BINFLOAT (big-endian)
        const b = bytesOf(8);
        stack.push(new DataView(b.buffer, b.byteOffset, 8).getFloat64(0, false));
        break;
      }
      // ---- strings and bytes
      case 0x58: stack.push(str(cursor.u32())); break; // BINUNICODE
      case 0x8c: stack.push(str(cursor.u8())); break; // SHORT_BINUNICODE
      case 0x8d: stack.push(str(cursor.u64())); break; // BINUNICODE8
      case 0x56: stack.push(rawUnicodeEscape(cursor.line())); break; // UNICODE (text)
      case 0x53: stack.push(unquote(lineText(), `${name}: ${what}`)); break; // STRING (text)
      case 0x54: { // BINSTRING (Python 2 str, decoded as latin-1 like torch's encoding='latin1')
        const n = cursor.i32();
        if (n < 0) fail('BINSTRING with a negative length');
        stack.push(latin1(bytesOf(n)));
        break;
      }
      case 0x55: stack.push(latin1(bytesOf(cursor.u8()))); break; // SHORT_BINSTRING
      case 0x42: stack.push(bytesOf(cursor.u32()).slice()); break; // BINBYTES
      case 0x43: stack.push(bytesOf(cursor.u8()).slice()); break; // SHORT_BINBYTES
      case 0x8e: stack.push(bytesOf(cursor.u64()).slice()); break; // BINBYTES8
      case 0x96: stack.push(bytesOf(cursor.u64()).slice()); break; // BYTEARRAY8
      case 0x97: fail('out-of-band buffers (NEXT_BUFFER) are not supported'); break;
      case 0x98: break; // READONLY_BUFFER: no-op for bytes
      // ---- containers
      case 0x5d: stack.push([]); break; // EMPTY_LIST
      case 0x29: stack.push(tuple([])); break; // EMPTY_TUPLE
      case 0x7d: stack.push({}); break; // EMPTY_DICT
      case 0x8f: { // EMPTY_SET
        const s: unknown[] = [];
        SETS.add(s);
        stack.push(s);
        break;
      }
      case 0x6c: stack.push(popMark()); break; // LIST
      case 0x74: stack.push(tuple(popMark())); break; // TUPLE
      case 0x85: stack.push(tuple([pop()])); break; // TUPLE1
      case 0x86: { // TUPLE2
        const b = pop();
        stack.push(tuple([pop(), b]));
        break;
      }
      case 0x87: { // TUPLE3
        const c = pop();
        const b = pop();
        stack.push(tuple([pop(), b, c]));
        break;
      }
      case 0x91: { // FROZENSET
        const s = popMark();
        SETS.add(s);
        stack.push(s);
        break;
      }
      case 0x64: { // DICT
        const items = popMark();
        const d: Record<string, unknown> = {};
        setItems(d, items);
        stack.push(d);
        break;
      }
      case 0x61: { // APPEND
        const v = pop();
        appendItems(top(), [v]);
        break;
      }
      case 0x65: { // APPENDS
        const items = popMark();
        appendItems(top(), items);
        break;
      }
      case 0x73: { // SETITEM
        const v = pop();
        const k = pop();
        setItems(top(), [k, v]);
        break;
      }
      case 0x75: { // SETITEMS
        const items = popMark();
        setItems(top(), items);
        break;
      }
      case 0x90: { // ADDITEMS
        const items = popMark();
        const s = top();
        if (!Array.isArray(s) || !SETS.has(s)) fail(`ADDITEMS needs a set below the items (got ${pyRepr(s)})`);
        (s as unknown[]).push(...items);
        break;
      }
      // ---- memo
      case 0x70: putMemo(Number(lineText())); break; // PUT
      case 0x71: putMemo(cursor.u8()); break; // BINPUT
      case 0x72: putMemo(cursor.u32()); break; // LONG_BINPUT
      case 0x94: putMemo(memo.size); break; // MEMOIZE
      case 0x67: stack.push(getMemo(Number(lineText()))); break; // GET
      case 0x68: stack.push(getMemo(cursor.u8())); break; // BINGET
      case 0x6a: stack.push(getMemo(cursor.u32())); break; // LONG_BINGET
      // ---- globals and object construction (all through the allow-list)
      case 0x63: { // GLOBAL
        const module = lineText();
        stack.push(global(module, lineText()));
        break;
      }
      case 0x93: { // STACK_GLOBAL
        const qual = pop();
        const module = pop();
        if (typeof module !== 'string' || typeof qual !== 'string') fail('STACK_GLOBAL needs two strings');
        stack.push(global(module as string, qual as string));
        break;
      }
      case 0x69: { // INST
        const module = lineText();
        const cls = global(module, lineText());
        stack.push(callGlobal(cls, popMark()));
        break;
      }
      case 0x6f: { // OBJ
        const items = popMark();
        if (items.length === 0) fail('OBJ needs a class');
        stack.push(callGlobal(items[0], items.slice(1)));
        break;
      }
      case 0x52: { // REDUCE
        const args = pop();
        const fn = pop();
        stack.push(callGlobal(fn, args));
        break;
      }
      case 0x81: { // NEWOBJ
        const args = pop();
        const cls = pop();
        stack.push(callGlobal(cls, args));
        break;
      }
      case 0x92: { // NEWOBJ_EX
        const kwargs = pop();
        const args = pop();
        const cls = pop();
        stack.push(callGlobal(cls, args, kwargs));
        break;
      }
      case 0x62: { // BUILD
        const state = pop();
        const target = top();
        if (!hooks.build?.(target, state)) fail(`BUILD (setting object state) is not allowed on ${pyRepr(target)}`);
        break;
      }
      case 0x82:
      case 0x83:
      case 0x84:
        fail('extension-registry opcodes (EXT1/EXT2/EXT4) are not allowed');
        break;
      case 0x50: // PERSID (text)
        stack.push(persistent(lineText()));
        break;
      case 0x51: // BINPERSID
        stack.push(persistent(pop()));
        break;
      default:
        fail(`unknown pickle opcode 0x${op.toString(16).padStart(2, '0')} (corrupt or not a pickle)`);
    }
  }
}

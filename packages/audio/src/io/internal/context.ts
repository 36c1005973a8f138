import { AudioDecodeError } from '../../errors/audio-decode-error';
import { AudioFormatError } from '../../errors/audio-format-error';

/** @internal Who is reading what, for error messages: `load: clip.wav: ...`. */
export interface IoContext {
  /** The public function (`load`, `info`, `loadSync`, ...). */
  op: string;
  /** The file path, or `<buffer>`. */
  source: string;
}

/** @internal An AudioFormatError `op: source: message`. */
export function formatError(ctx: IoContext, message: string, cause?: unknown): AudioFormatError {
  return new AudioFormatError(`${ctx.op}: ${ctx.source}: ${message}`, cause === undefined ? undefined : { cause });
}

/** @internal An AudioDecodeError `op: source: message`. */
export function decodeError(ctx: IoContext, message: string, cause?: unknown): AudioDecodeError {
  return new AudioDecodeError(`${ctx.op}: ${ctx.source}: ${message}`, cause === undefined ? undefined : { cause });
}

/** @internal The first bytes of `bytes` in hex (`52 49 46 46`), for messages about unknown data. */
export function hexHead(bytes: Uint8Array, at = 0, count = 8): string {
  return Array.from(bytes.subarray(at, at + count), (b) => b.toString(16).padStart(2, '0')).join(' ');
}

/** @internal A four-character code as text, with unprintable bytes as `\xNN`. */
export function fourCC(bytes: Uint8Array, at: number): string {
  let out = '';
  for (let i = at; i < at + 4 && i < bytes.length; i++) {
    const b = bytes[i]!;
    out += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return out;
}

import { ProfilerError } from '../errors/profiler-error';

/** The few synchronous file calls writing a trace needs. */
export interface SyncFs {
  openSync(path: string, flags: string): number;
  writeSync(fd: number, text: string): number;
  closeSync(fd: number): void;
}

/**
 * @internal Node's `fs`, reached without a static import so the main entry stays browser-safe
 * (`process.getBuiltinModule`, Node >= 20.16).
 */
export function nodeFs(op: string): SyncFs {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const fs = proc?.getBuiltinModule?.('node:fs') as SyncFs | undefined;
  if (!fs) throw new ProfilerError(`${op}: writing files needs Node.js >= 20.16 (process.getBuiltinModule); elsewhere use chromeTrace() and save the object yourself`);
  return fs;
}

/** @internal Writes `chunks` to `path` (created or truncated), with a typed error naming the path. */
export function writeChunks(op: string, path: string, chunks: Iterable<string>): void {
  if (typeof path !== 'string' || path.length === 0) throw new ProfilerError(`${op}: path should be a non-empty string, got ${typeof path === 'string' ? "''" : String(path)}`);
  const fs = nodeFs(op);
  let fd: number;
  try {
    fd = fs.openSync(path, 'w');
  } catch (e) {
    throw new ProfilerError(`${op}: cannot write '${path}': ${(e as Error).message}`, { cause: e });
  }
  try {
    for (const c of chunks) fs.writeSync(fd, c);
  } catch (e) {
    throw new ProfilerError(`${op}: writing '${path}' failed: ${(e as Error).message}`, { cause: e });
  } finally {
    fs.closeSync(fd);
  }
}

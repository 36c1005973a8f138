import { WorkerError } from '../errors/worker-error';
import { WorkerExitError } from '../errors/worker-exit-error';
import { WorkerTimeoutError } from '../errors/worker-timeout-error';
import type { SerializedError } from './protocol';

/** @internal Up to 10 indices, for messages. */
export function indicesText(indices: readonly number[]): string {
  return indices.length <= 10 ? `[${indices.join(', ')}]` : `[${indices.slice(0, 10).join(', ')}, ... ${indices.length - 10} more]`;
}

const KNOWN = new Map<string, new (message: string) => Error>([
  ['TypeError', TypeError],
  ['RangeError', RangeError],
  ['SyntaxError', SyntaxError],
  ['ReferenceError', ReferenceError],
]);

/** The worker's error rebuilt in this thread: same name, message and stack. */
function rebuild(err: SerializedError): Error {
  const Ctor = KNOWN.get(err.name) ?? Error;
  const e = new Ctor(err.message);
  if (!KNOWN.has(err.name)) e.name = err.name;
  e.stack = err.stack || `${err.name}: ${err.message}`;
  return e;
}

function stackText(err: SerializedError): string {
  return err.stack ? `\nOriginal stack in the worker:\n${err.stack}` : '';
}

/** @internal An exception while loading a batch, as PyTorch's "Caught X in DataLoader worker N". */
export function taskError(workerId: number, seq: number, index: number | null, indices: readonly number[], err: SerializedError): WorkerError {
  const where = index !== null ? `while loading index ${index} (batch ${seq})` : `while making batch ${seq} (indices ${indicesText(indices)})`;
  return new WorkerError(`Caught ${err.name} in DataLoader worker ${workerId} ${where}: ${err.message}${stackText(err)}`, { workerId, index, originalName: err.name, originalStack: err.stack }, { cause: rebuild(err) });
}

/** @internal A worker that could not start (module, dataset, collateFn or workerInitFn failed). */
export function fatalError(workerId: number, phase: string, err: SerializedError): WorkerError {
  return new WorkerError(`DataLoader worker ${workerId} failed while ${phase}: ${err.name}: ${err.message}${stackText(err)}`, { workerId, originalName: err.name, originalStack: err.stack }, { cause: rebuild(err) });
}

/** @internal A worker thread that ended (exit code) or crashed (uncaught error). */
export function exitError(workerId: number, code: number | null, error: unknown, busy: { seq: number; indices: readonly number[] } | null): WorkerExitError {
  const doing = busy ? ` while loading batch ${busy.seq} (indices ${indicesText(busy.indices)})` : '';
  const how = code !== null ? `exited unexpectedly with code ${code}` : `stopped on an uncaught ${(error as Error)?.name ?? 'error'}: ${(error as Error)?.message ?? String(error)}`;
  const stack = error instanceof Error && error.stack ? `\nOriginal stack in the worker:\n${error.stack}` : '';
  return new WorkerExitError(
    `DataLoader worker ${workerId} ${how}${doing}; the other workers were stopped${stack}`,
    { workerId, exitCode: code, originalName: (error as Error)?.name, originalStack: (error as Error)?.stack },
    { cause: error },
  );
}

/** @internal The loader waited longer than `timeout` for a batch. */
export function timeoutError(workerId: number, timeoutMs: number, seq: number, indices: readonly number[] | null, starting: boolean): WorkerTimeoutError {
  const what = starting ? `for worker ${workerId} to start` : `for batch ${seq}${indices ? ` (indices ${indicesText(indices)})` : ''} from worker ${workerId}`;
  return new WorkerTimeoutError(`DataLoader timed out after ${Math.round(timeoutMs)} ms waiting ${what}; every worker was stopped`, { workerId, timeoutMs });
}

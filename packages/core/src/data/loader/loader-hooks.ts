/**
 * What a profiler implements to time the waits for DataLoader batches (`DataLoader.next`). When
 * none is set, each batch pays one null check.
 */
export interface DataLoaderRecorder {
  /** Called when the loop asks for the next batch; the value returned is handed to `end`. */
  begin(name: string): unknown;
  /** Called when the batch (or the end of the epoch) arrives. */
  end(token: unknown): void;
}

const loaderHooks: { recorder: DataLoaderRecorder | null } = { recorder: null };

/**
 * Installs (or with `null` removes) the DataLoader wait recorder. Used by `@dl/profiler`.
 *
 * @example
 * ```ts
 * setDataLoaderRecorder({ begin: () => performance.now(), end: (t0) => console.log(performance.now() - (t0 as number)) });
 * ```
 */
export function setDataLoaderRecorder(recorder: DataLoaderRecorder | null): void {
  loaderHooks.recorder = recorder;
}

/** @internal Passes batches through, timing each wait while a recorder is set. */
export async function* timeLoaderWaits<B>(source: AsyncIterator<B>): AsyncGenerator<B, void, undefined> {
  let finished = false;
  try {
    for (;;) {
      const rec = loaderHooks.recorder;
      let r: IteratorResult<B>;
      if (rec === null) r = await source.next();
      else {
        const token = rec.begin('DataLoader.next');
        try {
          r = await source.next();
        } finally {
          rec.end(token);
        }
      }
      if (r.done) {
        finished = true;
        return;
      }
      yield r.value;
    }
  } finally {
    // An early `break` (or a throw) in the loop must still close the source (it stops workers).
    if (!finished) await source.return?.();
  }
}

/** @internal The synchronous form of {@link timeLoaderWaits}. */
export function* timeLoaderWaitsSync<B>(source: Iterator<B>): Generator<B, void, undefined> {
  let finished = false;
  try {
    for (;;) {
      const rec = loaderHooks.recorder;
      let r: IteratorResult<B>;
      if (rec === null) r = source.next();
      else {
        const token = rec.begin('DataLoader.next');
        try {
          r = source.next();
        } finally {
          rec.end(token);
        }
      }
      if (r.done) {
        finished = true;
        return;
      }
      yield r.value;
    }
  } finally {
    if (!finished) source.return?.();
  }
}

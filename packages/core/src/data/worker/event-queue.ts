/** @internal A queue of events with a timed wait (null on timeout). */
export class EventQueue<E> {
  private readonly items: E[] = [];
  private waiter: ((e: E | null) => void) | null = null;

  push(e: E): void {
    const w = this.waiter;
    if (w) {
      this.waiter = null;
      w(e);
    } else {
      this.items.push(e);
    }
  }

  /** Wakes the current waiter with null (as if it timed out), e.g. when its iteration is superseded. */
  interrupt(): void {
    const w = this.waiter;
    this.waiter = null;
    w?.(null);
  }

  /** The next event, or null once `timeoutMs` passes (null `timeoutMs`: wait forever). */
  next(timeoutMs: number | null): Promise<E | null> {
    if (this.items.length > 0) return Promise.resolve(this.items.shift() as E);
    return new Promise<E | null>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      this.waiter = (e) => {
        if (timer !== undefined) clearTimeout(timer);
        resolve(e);
      };
      if (timeoutMs !== null) {
        timer = setTimeout(() => {
          this.waiter = null;
          resolve(null);
        }, timeoutMs);
      }
    });
  }
}

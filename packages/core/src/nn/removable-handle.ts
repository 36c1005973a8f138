/**
 * A handle returned when registering a hook; `remove()` unregisters it (PyTorch's
 * `torch.utils.hooks.RemovableHandle`).
 *
 * @example
 * ```ts
 * const handle = model.registerForwardHook((mod, args, out) => console.log(out.shape));
 * model.call(x);
 * handle.remove();
 * ```
 */
export class RemovableHandle {
  private static nextId = 0;
  /** A unique id for this registration. */
  readonly id = RemovableHandle.nextId++;

  /** @internal `hooks` is the map the hook lives in, keyed by this handle's id. */
  constructor(private readonly hooks: Map<number, unknown>) {}

  /** Unregisters the hook; calling it twice is harmless. */
  remove(): void {
    this.hooks.delete(this.id);
  }
}

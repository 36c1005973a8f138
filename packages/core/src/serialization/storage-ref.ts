import { CheckpointError } from './checkpoint-error';
import { ELEMENT_SIZE, type FileDType } from './element-types';
import type { StorageData } from './tensor-view';

/**
 * @internal A storage a persistent id named. Root storages get `data` when their bytes are known
 * (legacy files: only after the pickle); views of another storage (`base`, from byte
 * `byteOffset`) read through it, possibly as another dtype.
 */
export class StorageRef {
  data: StorageData | null = null;
  /** Called when no pending tensor needs this (root) storage any more, to drop cached bytes. */
  onRelease: (() => void) | null = null;
  private users = 0;

  constructor(
    readonly key: string,
    readonly dtype: FileDType,
    readonly numel: number,
    readonly base: StorageRef | null = null,
    readonly byteOffset = 0,
  ) {}

  /** The storage that owns the bytes (itself, or the root of a view). */
  get root(): StorageRef {
    return this.base ? this.base.root : this;
  }

  /** @internal Counts a pending tensor that will read this storage. */
  retain(): void {
    this.root.users++;
  }

  /** @internal A pending tensor is done reading; the last one releases the cached bytes. */
  release(): void {
    const root = this.root;
    if (--root.users === 0) root.onRelease?.();
  }

  /** The readable data, or null while the bytes are still unknown. */
  resolve(): StorageData | null {
    if (!this.base) return this.data;
    const b = this.base.resolve();
    if (!b) return null;
    const size = ELEMENT_SIZE[this.dtype];
    const baseSize = ELEMENT_SIZE[b.dtype];
    const at = this.byteOffset;
    if (at + this.numel * size > b.numel * baseSize) {
      throw new CheckpointError(`storage '${this.key}' (${this.numel} x ${this.dtype} at byte ${at}) does not fit in storage '${this.base.key}' of ${b.numel * baseSize} bytes`);
    }
    return {
      dtype: this.dtype,
      numel: this.numel,
      littleEndian: b.littleEndian,
      read: (start, count) => {
        const first = at + start * size;
        const bytes = b.read(Math.floor(first / baseSize), Math.ceil((first + count * size) / baseSize) - Math.floor(first / baseSize));
        const skip = first % baseSize;
        return bytes.subarray(skip, skip + count * size);
      },
    };
  }
}

/** @internal A tensor described by the pickle, made into a `Tensor` once every storage is readable. */
export class PendingTensor {
  constructor(
    readonly storage: StorageRef,
    readonly offset: unknown,
    readonly size: unknown,
    readonly stride: unknown,
    public requiresGrad: boolean,
  ) {
    storage.retain();
  }
}

// Output arrays of the native kernels, recycled. A new Float32Array costs V8 far more than the
// kernels that fill it (about 50 us for 400 KB here: fresh pages, external-memory accounting and
// the collections it triggers), and a training step makes the same sizes again and again. When a
// tensor's storage is freed (its last tfjs tensor disposed) and that storage is an array a kernel
// here made, which nothing else can still see, it goes to a free list by length; the next kernel
// output of that length takes it instead of a new array.
//
// Nothing else can see such an array: @dl/core's reads (`dataSync`, `data`) return copies on
// this backend, tensors that share the storage hold its dataId (and the backend frees it only
// when the last one goes), and the kernels that take `subarray` views of their input (Slice,
// StridedSlice, Unpack, SplitV) are wrapped so that an array a view was taken of is never
// recycled (see step-storage.ts). A recycled array is not zeroed: only kernels that write every
// output element take one (`outputArray`).

const recyclable = new WeakSet<Float32Array>();
const free = new Map<number, Float32Array[]>();
let pooledBytes = 0;

/** Arrays smaller than this are cheap to make and not pooled. */
const MIN_LENGTH = 1024;
/** The most the free lists hold; beyond it freed arrays are left to the garbage collector. */
const MAX_POOLED_BYTES = 64 * 1024 * 1024;

/** @internal A float32 output of `n` elements, recycled when one is free: the kernel must write every element. */
export function outputArray(n: number): Float32Array {
  if (n >= MIN_LENGTH) {
    const list = free.get(n);
    const a = list?.pop();
    if (a) {
      pooledBytes -= a.byteLength;
      recyclable.add(a);
      return a;
    }
  }
  const a = new Float32Array(n);
  if (n >= MIN_LENGTH) recyclable.add(a);
  return a;
}

/**
 * @internal Takes back the storage of a freed tensor, if a kernel here made it and nothing else
 * sees it (call `forgetStepStorage` too: the array may become another tensor's).
 */
export function releaseStorage(values: unknown): void {
  if (!(values instanceof Float32Array) || !recyclable.has(values)) return;
  recyclable.delete(values);
  if (pooledBytes + values.byteLength > MAX_POOLED_BYTES) return;
  let list = free.get(values.length);
  if (!list) {
    list = [];
    free.set(values.length, list);
  }
  list.push(values);
  pooledBytes += values.byteLength;
}

/** @internal An array something else may now see (a view was taken of it): never recycled. */
export function pinStorage(values: unknown): void {
  if (values instanceof Float32Array) recyclable.delete(values);
}

/** @internal Empties the free lists (tests; `setNumThreads` does not need it). */
export function clearOutputPool(): { arrays: number; bytes: number } {
  let arrays = 0;
  for (const list of free.values()) arrays += list.length;
  const bytes = pooledBytes;
  free.clear();
  pooledBytes = 0;
  return { arrays, bytes };
}

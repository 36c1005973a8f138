// The kernels' output pool: a freed kernel output is the next same-sized output's storage (every
// element rewritten), and nothing else anyone can still see is ever reused: storage made from
// JavaScript data, storage another tensor still shares, an array a view was taken of, data moved
// to another backend.
import { describe, expect, it } from 'vitest';
import { nativeUnavailable, randomArray, skipReason, tf } from '../../test/support/backends';
import { clearOutputPool } from './output-pool';

const storage = (t: tf.Tensor) => (tf.backend() as unknown as { data: { get(id: object): { values: unknown } } }).data.get(t.dataId).values;

describe.skipIf(nativeUnavailable !== null)(`the native kernels' output pool${skipReason}`, () => {
  it("reuses a freed kernel output for the next one of its length, rewriting every element", async () => {
    await tf.setBackend('native');
    clearOutputPool();
    const a = tf.tensor(randomArray(4096, 1), [64, 64]);
    const b = tf.tensor(randomArray(4096, 2), [64, 64]);
    // The expected values, computed into new arrays (nothing freed yet).
    const want = Array.from(tf.matMul(b, a).dataSync());
    const wantExp = Array.from(tf.exp(a).dataSync());
    const first = tf.matMul(a, b);
    const arr = storage(first);
    first.dispose();
    const second = tf.matMul(b, a);
    expect(storage(second)).toBe(arr);
    expect(Array.from(second.dataSync())).toEqual(want);
    // Elementwise outputs too, with values that leave nothing of the old ones.
    second.dispose();
    const e = tf.exp(a);
    expect(storage(e)).toBe(arr);
    expect(Array.from(e.dataSync())).toEqual(wantExp);
  });

  it('never reuses JavaScript data, shared storage, viewed arrays or data moved to another backend', async () => {
    await tf.setBackend('native');
    clearOutputPool();
    const x = tf.tensor(randomArray(8192, 3));
    const next = () => tf.neg(x);
    // JavaScript data.
    const data = randomArray(8192, 4);
    tf.tensor(data).dispose();
    expect(storage(next())).not.toBe(data);
    // Shared by a reshape: freed only when the last tensor goes.
    const y = tf.neg(x);
    const shared = tf.reshape(y, [64, 128]);
    const yArr = storage(y);
    y.dispose();
    expect(storage(next())).not.toBe(yArr);
    expect(Array.from(shared.dataSync())).toEqual(Array.from(x.dataSync(), (v) => -v));
    // A view: a contiguous slice is a subarray of its input's array.
    const z = tf.neg(x);
    const zArr = storage(z);
    const view = tf.slice(z, [0], [100]);
    const kept = Array.from(view.dataSync());
    z.dispose();
    for (let i = 0; i < 3; i++) expect(storage(tf.exp(x))).not.toBe(zArr);
    expect(Array.from(view.dataSync())).toEqual(kept);
    // Moved to the cpu backend (which keeps the very array).
    const w = tf.neg(x);
    const wArr = storage(w);
    const wantW = Array.from(w.dataSync());
    await tf.setBackend('cpu');
    // A kernel on cpu moves w's data there (tfjs frees the native copy, forced).
    const onCpu = Array.from(tf.neg(tf.neg(w)).dataSync());
    expect(onCpu).toEqual(wantW);
    await tf.setBackend('native');
    for (let i = 0; i < 3; i++) expect(storage(tf.exp(x))).not.toBe(wArr);
    await tf.setBackend('cpu');
    expect(Array.from(w.dataSync())).toEqual(wantW);
    await tf.setBackend('native');
  });
});

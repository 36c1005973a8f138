// `inPlace` on the fused optimizer steps: a step writes into the storage an earlier step made
// (no new array), and never into storage anything else can see: an array made from JavaScript
// data, one another tensor shares (a clone or reshape), or one a slice, split or unstack has a
// view of. The values are the same either way.
import { describe, expect, it } from 'vitest';
import { nativeUnavailable, randomArray, skipReason, tf } from '../../test/support/backends';
import { DL_KERNELS } from './nchw';

const storage = (t: tf.Tensor) => (tf.backend() as unknown as { data: { get(id: object): { values: unknown } } }).data.get(t.dataId).values;
const sgd = (param: tf.Tensor, grad: tf.Tensor, momentumBuffer: tf.Tensor | null, inPlace: boolean) =>
  tf.engine().runKernel(DL_KERNELS.sgdStep, { param, grad, ...(momentumBuffer ? { momentumBuffer } : {}) }, { lr: 0.1, momentum: 0.9, inPlace } as never) as tf.Tensor[];

describe.skipIf(nativeUnavailable !== null)(`fused steps in place${skipReason}`, () => {
  it('reuse the storage an earlier step made, with the values of a step into new arrays', async () => {
    await tf.setBackend('native');
    const g = tf.tensor(randomArray(1000, 1));
    let [p, buf] = sgd(tf.tensor(randomArray(1000, 2)), g, null, true);
    let [q, qbuf] = sgd(tf.tensor(randomArray(1000, 2)), g, null, false);
    for (let step = 0; step < 3; step++) {
      const before = [storage(p), storage(buf)];
      const [p2, b2] = sgd(p, g, buf, true);
      expect(storage(p2)).toBe(before[0]);
      expect(storage(b2)).toBe(before[1]);
      expect(p2.dataId).toBe(p.dataId);
      p.dispose();
      buf.dispose();
      [p, buf] = [p2, b2];
      const [q2, qb2] = sgd(q, g, qbuf, false);
      expect(storage(q2)).not.toBe(storage(q));
      q.dispose();
      qbuf.dispose();
      [q, qbuf] = [q2, qb2];
      expect(Array.from(p.dataSync())).toEqual(Array.from(q.dataSync()));
      expect(Array.from(buf.dataSync())).toEqual(Array.from(qbuf.dataSync()));
    }
  });

  it('never write into JavaScript data, shared storage or storage a view was taken of', async () => {
    await tf.setBackend('native');
    const g = tf.tensor(randomArray(12, 3), [3, 4]);
    // Made from JavaScript data: the first step writes a new array.
    const data = randomArray(12, 4);
    const [p0] = sgd(tf.tensor(data, [3, 4]), g, null, true);
    expect(storage(p0)).not.toBe(data);
    const [p1, b1] = sgd(p0, g, null, true);
    const check = (share: (t: tf.Tensor) => tf.Tensor | tf.Tensor[]) => {
      const [p, b] = sgd(p1.clone(), g, b1.clone(), false);
      // p is a step's own output: in place unless something shares it.
      const sharing = share(p);
      const kept = (Array.isArray(sharing) ? sharing : [sharing]).map((t) => Array.from(t.dataSync()));
      const before = storage(p);
      const [p2] = sgd(p, g, b, true);
      expect(storage(p2)).not.toBe(before);
      (Array.isArray(sharing) ? sharing : [sharing]).forEach((t, i) => expect(Array.from(t.dataSync())).toEqual(kept[i]));
    };
    check((t) => tf.clone(t));
    check((t) => tf.reshape(t, [4, 3]));
    check((t) => tf.slice(t, [1, 0], [1, 4]));
    check((t) => tf.split(t, 3));
    check((t) => tf.unstack(t));
    check((t) => tf.stridedSlice(t, [1, 0], [2, 4], [1, 1]));
  });
});

// The training the page runs, and the vitest suite runs again in Node as the reference: a small
// MLP learning XOR of the signs of two Gaussian inputs, through an @dl/ignite Engine. Nothing
// here touches the DOM or Node, so the very same module runs in both places.
import * as dl from '@dl/core';
import { Engine, Events } from '@dl/ignite';
import { profile } from '@dl/profiler';

/** One row of the loss table: the loss and accuracy on the whole training set after an epoch (0: before training). */
export interface EpochRecord {
  epoch: number;
  loss: number;
  accuracy: number;
}

/** One row of the profiler's table: an op or kernel of one evaluation pass. */
export interface ProfiledOp {
  name: string;
  calls: number;
  totalUs: number;
}

/** What a run produced (the page puts it on `window.__dlResult`). */
export interface TrainResult {
  backend: string;
  /** Epochs 1..EPOCHS. */
  epochs: EpochRecord[];
  losses: number[];
  initialLoss: number;
  finalLoss: number;
  finalAccuracy: number;
  iterations: number;
  profiledOps: ProfiledOp[];
  trainMs: number;
}

export const SAMPLES = 128;
export const EPOCHS = 40;
export const BATCH_SIZE = 32;

type Batch = [dl.Tensor, dl.Tensor];

/** `SAMPLES` points from a standard normal; class 1 where the two coordinates' signs differ. */
function makeData(): Batch {
  const x = dl.randn([SAMPLES, 2]);
  const rows = x.tolist() as number[][];
  const labels = Int32Array.from(rows, ([a, b]) => (a > 0 !== b > 0 ? 1 : 0));
  return [x, dl.tensor(labels, { dtype: 'int64' })];
}

/**
 * Trains `Linear(2, 16) → ReLU → Linear(16, 2)` with Adam and cross-entropy for `EPOCHS` epochs
 * of shuffled mini-batches, seeded with `manualSeed(0)`, on whatever backend is active.
 *
 * @param onEpoch called with the record of epoch 0 (before training), then after each epoch with
 *   that epoch's (the page draws as it goes).
 */
export async function trainMlp(onEpoch: (record: EpochRecord) => void = () => {}): Promise<TrainResult> {
  const backend = dl.getBackend();
  dl.manualSeed(0);
  const [x, y] = makeData();
  const { nn, optim } = dl;
  const model = new nn.Sequential(new nn.Linear(2, 16), new nn.ReLU(), new nn.Linear(16, 2));
  const optimizer = new optim.Adam(model.parameters(), { lr: 0.05 });
  const lossFn = new nn.CrossEntropyLoss();
  const loader = new dl.DataLoader(new dl.TensorDataset(x, y), { batchSize: BATCH_SIZE, shuffle: true });

  const evaluate = (): { loss: number; accuracy: number } =>
    dl.noGrad(() =>
      dl.scope(() => {
        const logits = model.forward(x);
        const loss = lossFn.forward(logits, y).item();
        const accuracy = logits.argmax(1).eq(y).float().mean().item();
        return { loss, accuracy };
      }),
    );

  const trainer = new Engine<Batch, number>((_engine, [xb, yb]) =>
    dl.scope(() => {
      optimizer.zeroGrad();
      const loss = lossFn.forward(model.forward(xb), yb);
      loss.backward();
      optimizer.step();
      return loss.item();
    }),
  );
  const epochs: EpochRecord[] = [];
  trainer.on(Events.EPOCH_COMPLETED, (engine) => {
    const record = { epoch: engine.state.epoch, ...evaluate() };
    epochs.push(record);
    onEpoch(record);
  });

  const before = { epoch: 0, ...evaluate() };
  onEpoch(before);
  const started = performance.now();
  const state = await trainer.run(loader, { maxEpochs: EPOCHS });
  const trainMs = performance.now() - started;

  // @dl/profiler's main entry: the ops and kernels of one evaluation pass.
  const prof = profile(() => evaluate());
  const profiledOps = prof
    .keyAverages()
    .map((e) => ({ name: e.key, calls: e.count, totalUs: e.cpuTimeTotal }))
    .sort((a, b) => b.totalUs - a.totalUs);

  const last = epochs[epochs.length - 1];
  return {
    backend,
    epochs,
    losses: epochs.map((e) => e.loss),
    initialLoss: before.loss,
    finalLoss: last.loss,
    finalAccuracy: last.accuracy,
    iterations: state.iteration,
    profiledOps,
    trainMs,
  };
}

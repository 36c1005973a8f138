import { ValueError, mseLoss, tensor, type Tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine';
import { Events } from '../engine/events';
import { NotComputableError } from '../errors/not-computable-error';
import { Accuracy } from './accuracy';
import { Average } from './average';
import { ConfusionMatrix } from './confusion-matrix';
import { DiceCoefficient, IoU, JaccardIndex, cmAccuracy, cmPrecision, cmRecall, mIoU } from './confusion-matrix-metrics';
import { Fbeta } from './fbeta';
import { Frequency } from './frequency';
import { GeometricAverage } from './geometric-average';
import { Loss } from './loss';
import { MeanSquaredError } from './mean-squared-error';
import { BatchFiltered } from './metric-usage';
import { MetricsLambda } from './metrics-lambda';
import { Precision } from './precision';
import { Recall } from './recall';
import { RunningAverage } from './running-average';
import { TopKCategoricalAccuracy } from './top-k-categorical-accuracy';
import { VariableAccumulation } from './variable-accumulation';

const f = (a: number[] | number[][] | number[][][]) => tensor(a as number[][]);
const i32 = (a: number[] | number[][]) => tensor(a as number[], { dtype: 'int32' });
const near = (a: unknown, b: number) => expect(Math.abs((a as number) - b)).toBeLessThan(1e-9);

describe('Accuracy', () => {
  it('handles binary, multiclass and multilabel input', () => {
    const bin = new Accuracy();
    bin.update([f([1, 0, 1, 1]), f([1, 1, 1, 0])]);
    expect(bin.compute()).toBe(0.5);
    const multi = new Accuracy();
    multi.update([f([[0.1, 0.9, 0], [0.8, 0.1, 0.1], [0.2, 0.3, 0.5]]), i32([1, 0, 0])]);
    near(multi.compute(), 2 / 3);
    const ml = new Accuracy({ isMultilabel: true });
    ml.update([f([[1, 0, 1], [0, 1, 1]]), f([[1, 0, 1], [0, 1, 0]])]);
    expect(ml.compute()).toBe(0.5);
  });

  it('checks shapes, binary values and type changes with ignite messages', () => {
    const acc = new Accuracy();
    expect(() => acc.update([f([[[1]]]), i32([1])])).toThrow(ValueError);
    expect(() => acc.update([f([[[1]]]), i32([1])])).toThrow('Accuracy: y must have shape of (batch_size, ...) and y_pred must have shape of (batch_size, num_categories, ...) or (batch_size, ...), but given [1] vs [1, 1, 1]');
    expect(() => acc.update([f([[0.2, 0.8]]), i32([[1], [0]])])).toThrow('Accuracy: y and y_pred must have compatible shapes, got [2, 1] vs [1, 2]');
    expect(() => acc.update([f([0.5, 1]), f([1, 0])])).toThrow("Accuracy: for binary cases, y_pred must be comprised of 0's and 1's (found 0.5)");
    acc.update([f([1, 0]), f([1, 0])]);
    expect(() => acc.update([f([[0.2, 0.8]]), i32([1])])).toThrow('Accuracy: input data type has changed from binary to multiclass');
    expect(() => new Accuracy({ isMultilabel: true }).update([f([[1], [0]]), f([[1], [0]])])).toThrow(
      'Accuracy: y and y_pred must have same shape of (batch_size, num_categories, ...) and num_categories > 1, got [2, 1] vs [2, 1]',
    );
    expect(() => new Accuracy().compute()).toThrow(NotComputableError);
    expect(() => new Accuracy().compute()).toThrow('Accuracy must have at least one example before it can be computed.');
    expect(() => new Accuracy().update([1, 2] as never)).toThrow('Accuracy.update: expected the output [yPred, y] as two Tensors (use outputTransform to pick them), got an array of 2 (number, number)');
  });
});

describe('Precision and Recall', () => {
  const yPred = f([[0.9, 0.1, 0], [0.2, 0.7, 0.1], [0.1, 0.2, 0.7], [0.8, 0.1, 0.1], [0.3, 0.6, 0.1]]);
  const y = i32([0, 1, 1, 2, 1]);
  // predicted: 0, 1, 2, 0, 1; per class TP: 1, 2, 0; predicted counts 2, 2, 1; actual 1, 3, 1
  it.each([
    [false, [0.5, 1, 0], [1, 2 / 3, 0]],
    ['macro', 0.5, 5 / 9],
    ['micro', 0.6, 0.6],
    ['weighted', (0.5 * 1 + 1 * 3 + 0) / 5, (1 + 2 + 0) / 5],
  ] as const)('average %s', (average, p, r) => {
    const prec = new Precision({ average });
    const rec = new Recall({ average });
    prec.update([yPred, y]);
    rec.update([yPred, y]);
    const check = (got: unknown, want: number | readonly number[]) => (typeof want === 'number' ? near(got, want) : (want as number[]).forEach((w, i) => near((got as number[])[i], w)));
    check(prec.compute(), p);
    check(rec.compute(), r);
  });

  it('handles binary input (a number without average) and multilabel samples averaging', () => {
    const p = new Precision();
    p.update([f([1, 1, 0, 1]), f([1, 0, 0, 1])]);
    near(p.compute(), 2 / 3);
    const s = new Recall({ average: 'samples', isMultilabel: true });
    s.update([f([[1, 0, 1], [0, 1, 0]]), f([[1, 1, 1], [0, 1, 1]])]);
    near(s.compute(), (2 / 3 + 1 / 2) / 2);
  });

  it('rejects bad averages and incompatible input with ValueError', () => {
    expect(() => new Precision({ average: 'mean' as never })).toThrow(`Precision: average should be a boolean or one of 'macro', 'micro', 'weighted' and 'samples', got "mean"`);
    expect(() => new Recall({ average: 'samples' }).update([yPred, y])).toThrow("Recall: average='samples' is incompatible with binary and multiclass input data");
    expect(() => new Precision().update([f([[0.2, 0.8]]), i32([4])])).toThrow(
      'Precision: y_pred contains fewer classes than y. Number of classes in the prediction is 2 and an element in y has invalid class = 5',
    );
    expect(() => new Recall().compute()).toThrow('Recall must have at least one example before it can be computed.');
    expect(() => Fbeta(0)).toThrow('Fbeta: beta should be a positive number, but given 0');
    expect(() => Fbeta(1, { precision: new Precision({ average: true }) })).toThrow('Fbeta: input precision metric should have average=false');
    expect(() => Fbeta(1, { recall: new Recall(), outputTransform: (x) => x as [Tensor, Tensor] })).toThrow('Fbeta: if recall argument is provided, outputTransform should be undefined');
  });
});

describe('TopKCategoricalAccuracy', () => {
  it('counts targets among the k best scores', () => {
    const m = new TopKCategoricalAccuracy({ k: 2 });
    m.update([f([[0.1, 0.5, 0.4], [0.7, 0.2, 0.1]]), i32([2, 2])]);
    expect(m.compute()).toBe(0.5);
    expect(() => new TopKCategoricalAccuracy({ k: 0 })).toThrow('TopKCategoricalAccuracy: k should be a positive integer, got 0');
    expect(() => new TopKCategoricalAccuracy({ k: 4 }).update([f([[0.1, 0.5, 0.4]]), i32([1])])).toThrow('TopKCategoricalAccuracy.update: k=4 is larger than the number of classes 3');
  });
});

describe('ConfusionMatrix and its metrics', () => {
  const yPred = f([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4], [0.3, 0.7]]);
  const y = i32([0, 1, 1, 5]);
  it('counts target rows by predicted columns, ignoring targets out of range, and normalizes', () => {
    const cm = new ConfusionMatrix(2);
    cm.update([yPred, y]);
    expect(cm.compute()).toEqual([[1, 0], [1, 1]]);
    const rec = new ConfusionMatrix(2, { average: 'recall' });
    rec.update([yPred, y]);
    expect(rec.compute()[1].map((v) => v.toFixed(3))).toEqual(['0.500', '0.500']);
    const sam = new ConfusionMatrix(2, { average: 'samples' });
    sam.update([yPred, y]);
    expect(sam.compute()).toEqual([[0.25, 0], [0.25, 0.25]]);
  });

  it('derives IoU, Dice, accuracy, precision and recall', () => {
    const run = (m: MetricsLambda) => {
      m.update([yPred, y]);
      return m.compute();
    };
    expect((run(IoU(new ConfusionMatrix(2))) as number[]).map((v) => v.toFixed(3))).toEqual(['0.500', '0.500']);
    expect((run(IoU(new ConfusionMatrix(2), { ignoreIndex: 0 })) as number[]).map((v) => v.toFixed(3))).toEqual(['0.500']);
    near(run(mIoU(new ConfusionMatrix(2))), 0.5);
    expect((run(JaccardIndex(new ConfusionMatrix(2))) as number[]).length).toBe(2);
    expect((run(DiceCoefficient(new ConfusionMatrix(2))) as number[]).map((v) => v.toFixed(3))).toEqual(['0.667', '0.667']);
    near(run(cmAccuracy(new ConfusionMatrix(2))), 2 / 3);
    near(run(cmPrecision(new ConfusionMatrix(2))), (0.5 + 1) / 2);
    expect((run(cmRecall(new ConfusionMatrix(2), { average: false })) as number[]).map((v) => v.toFixed(3))).toEqual(['1.000', '0.500']);
  });

  it('rejects bad arguments with ValueError', () => {
    expect(() => new ConfusionMatrix(1)).toThrow('ConfusionMatrix: numClasses needs to be an integer > 1, got 1');
    expect(() => new ConfusionMatrix(2, { average: 'all' as never })).toThrow(`ConfusionMatrix: average can be undefined or one of 'samples', 'recall', 'precision', got "all"`);
    expect(() => new ConfusionMatrix(3).update([yPred, y])).toThrow('ConfusionMatrix: y_pred does not have correct number of classes: 2 vs 3');
    expect(() => IoU(new ConfusionMatrix(2), { ignoreIndex: 2 })).toThrow('IoU: ignoreIndex should be an integer in the range of [0, 2), but given 2');
    expect(() => IoU(new ConfusionMatrix(2, { average: 'recall' }))).toThrow("IoU: ConfusionMatrix should have average attribute either undefined or 'samples'");
    expect(() => IoU({} as never)).toThrow('IoU: cm should be an instance of ConfusionMatrix, but given object');
    expect(() => new ConfusionMatrix(2).compute()).toThrow('Confusion matrix must have at least one example before it can be computed.');
  });
});

describe('Loss and regression metrics', () => {
  it('weights each batch mean loss by its size, passes criterion kwargs, and checks the loss is a scalar', () => {
    const loss = new Loss(mseLoss);
    loss.update([f([1, 2]), f([1, 4])]);
    loss.update([f([0, 0, 0, 0]), f([1, 1, 1, 1])]);
    near(loss.compute(), (2 * 2 + 1 * 4) / 6);
    const withKw = new Loss((a, b, kw) => mseLoss(a, b).mul((kw?.scale as number) ?? 1));
    const e = new Engine(() => ({ yPred: f([0]), y: f([2]), criterionKwargs: { scale: 3 } }));
    withKw.attach(e, 'loss');
    return e.run([0]).then((s) => {
      expect(s.metrics.loss).toBe(12);
      expect(() => new Loss((a) => a).update([f([1, 2]), f([1, 2])])).toThrow('Loss.update: lossFn did not return the average loss (a scalar Tensor), got shape [2]');
      expect(() => new Loss(3 as never)).toThrow('Loss: lossFn should be a function (yPred, y) => Tensor or a loss module, got number');
    });
  });

  it('checks regression shapes', () => {
    expect(() => new MeanSquaredError().update([f([1, 2]), f([1])])).toThrow('MeanSquaredError.update: input data shapes should be the same, but given [2] and [1]');
    expect(() => new MeanSquaredError().compute()).toThrow('MeanSquaredError must have at least one example before it can be computed.');
  });
});

describe('accumulation metrics', () => {
  it('averages numbers and tensors over their batch dimension', () => {
    const avg = new Average();
    avg.update(1);
    avg.update(f([[2, 4], [6, 8]]));
    expect(avg.compute()).toEqual([3, 13 / 3]);
    const g = new GeometricAverage();
    g.update(1);
    g.update(4);
    near(g.compute(), 2);
    const acc = new VariableAccumulation((a, x) => Math.max(a as number, x as number));
    acc.update(3);
    acc.update(7);
    expect(acc.compute()).toEqual([7, 2]);
    expect(() => new Average().compute()).toThrow('Average must have at least one example before it can be computed.');
    expect(() => new Average().update('x' as never)).toThrow('Average.update: output should be a number or a Tensor, but given string');
    expect(() => new VariableAccumulation(3 as never)).toThrow('VariableAccumulation: op should be a function, but given number');
  });

  it('measures a frequency in units per second', async () => {
    const e = new Engine(async () => new Promise((r) => setTimeout(() => r(10), 5)));
    new Frequency({ outputTransform: (x) => x as number }).attach(e, 'perSec');
    const s = await e.run([0, 1, 2]);
    expect(s.metrics.perSec).toBeGreaterThan(100);
    expect(Number.isInteger(s.metrics.perSec)).toBe(true);
  });
});

describe('Metric attach, usages, arithmetic and state', () => {
  it('attaches epoch-wise, batch-wise and filtered, and detaches', async () => {
    const batches = [[f([1, 0]), f([1, 1])], [f([1, 1]), f([1, 1])]];
    const e = new Engine((_e, b: Tensor[]) => b);
    const epoch = new Accuracy();
    const batch = new Accuracy();
    const filtered = new Accuracy();
    epoch.attach(e, 'epoch');
    batch.attach(e, 'batch', 'batch_wise');
    filtered.attach(e, 'filtered', new BatchFiltered({ once: 2 }));
    const perBatch: number[] = [];
    e.on(Events.ITERATION_COMPLETED, (eng) => void perBatch.push(eng.state.metrics.batch as number));
    const s = await e.run(batches);
    expect([s.metrics.epoch, s.metrics.filtered, perBatch]).toEqual([0.75, 1, [0.5, 1]]);
    expect(epoch.isAttached(e)).toBe(true);
    epoch.detach(e);
    expect(epoch.isAttached(e)).toBe(false);
    expect(() => epoch.attach(e, 'x', 'sometimes' as never)).toThrow(/Accuracy.attach: usage should be 'epochWise', .* got "sometimes"/);
  });

  it('reads yPred and y from object outputs, with ignite message when keys are missing', async () => {
    const e = new Engine(() => ({ yPred: f([1, 0]), y: f([1, 0]) }));
    new Accuracy().attach(e, 'acc');
    expect((await e.run([0])).metrics.acc).toBe(1);
    const bad = new Engine(() => ({ pred: f([1]) }));
    new Accuracy().attach(bad, 'acc');
    await expect(bad.run([0])).rejects.toThrow('Accuracy: when the transformed engine output is an object, it should contain the keys [yPred, y], got [pred]');
  });

  it('combines metrics with arithmetic into MetricsLambda', async () => {
    const p = new Precision({ average: false });
    const r = new Recall({ average: false });
    const f1 = p.mul(r).mul(2).div(p.add(r)).mean();
    const gap = p.at(0).sub(r.at(0));
    const e = new Engine(() => [f([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]]), i32([0, 1, 1])]);
    f1.attach(e, 'f1');
    gap.attach(e, 'gap');
    new Accuracy().apply((a) => a * 100).attach(e, 'pct');
    const s = await e.run([0]);
    near(s.metrics.f1, (2 / 3 + 2 / 3) / 2);
    near(s.metrics.gap, 0.5 - 1);
    near(s.metrics.pct, 200 / 3);
    const lam = new MetricsLambda((a: number) => a + 1, new Accuracy());
    lam.update([f([1]), f([1])]);
    expect(lam.compute()).toBe(2);
    expect(() => lam.attach(new Engine(() => null), 'x')).toThrow("MetricsLambda.attach: the underlying metrics are already updated, can't attach while using the reset/update/compute API");
    const attached = new MetricsLambda((a: number) => a, new Accuracy());
    attached.attach(new Engine(() => null), 'a');
    expect(() => attached.update([f([1]), f([1])])).toThrow("MetricsLambda: it is already attached to an engine, and MetricsLambda can't use the update API while it's attached");
    expect(() => new Precision({ average: false }).at(5).compute()).toThrow('Precision must have at least one example before it can be computed.');
  });

  it('saves and restores accumulators, and skips the next reset so an attached metric resumes', async () => {
    const a = new Accuracy();
    a.update([f([1, 0, 1]), f([1, 1, 1])]);
    const sd = a.stateDict();
    expect(sd).toMatchObject({ numCorrect: 2, numExamples: 3, type: 'binary' });
    const b = new Accuracy();
    b.loadStateDict(sd);
    const e = new Engine(() => [f([1]), f([1])]);
    b.attach(e, 'acc');
    expect((await e.run([0])).metrics.acc).toBe(0.75);
    expect(() => b.loadStateDict({ numCorrect: 1 })).toThrow("Accuracy.loadStateDict: required state attribute 'numExamples' is absent in provided state_dict (keys: numCorrect)");
  });

  it('RunningAverage averages a source metric every iteration and validates its options', async () => {
    const outs = [[f([1, 1]), f([1, 1])], [f([0, 0]), f([1, 1])]];
    const e = new Engine((_e, b: Tensor[]) => b);
    new RunningAverage({ src: new Accuracy(), alpha: 0.5 }).attach(e, 'runAcc');
    const seen: number[] = [];
    e.on(Events.ITERATION_COMPLETED, (eng) => void seen.push(eng.state.metrics.runAcc as number));
    await e.run(outs);
    expect(seen).toEqual([1, 0.5]);
    expect(() => new RunningAverage()).toThrow('RunningAverage: outputTransform should not be undefined if src corresponds to the output of process function');
    expect(() => new RunningAverage({ src: new Accuracy(), outputTransform: (x) => x as number })).toThrow('RunningAverage: outputTransform should be undefined if src is a Metric');
    expect(() => new RunningAverage({ alpha: 0, outputTransform: (x) => x as number })).toThrow('RunningAverage: alpha should be a number between 0.0 and 1.0, got 0');
    expect(() => new RunningAverage({ outputTransform: (x) => x as number }).compute()).toThrow('RunningAverage must have at least one update before it can be computed.');
  });
});

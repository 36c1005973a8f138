// Metric values ignite 0.4.13 computed over the same batches (test/fixtures/ignite_reference.json).
import { crossEntropy, type Tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { floats, ints, loadIgniteReference } from '../../test/support/reference';
import { Engine } from '../engine/engine';
import { Events } from '../engine/events';
import { Accuracy } from './accuracy';
import { ConfusionMatrix } from './confusion-matrix';
import { IoU, mIoU } from './confusion-matrix-metrics';
import { Fbeta } from './fbeta';
import { Loss } from './loss';
import { MeanAbsoluteError } from './mean-absolute-error';
import { MeanPairwiseDistance } from './mean-pairwise-distance';
import { MeanSquaredError } from './mean-squared-error';
import type { Metric } from './metric';
import type { MetricValue } from './metric-value';
import { Precision } from './precision';
import { Recall } from './recall';
import { RootMeanSquaredError } from './root-mean-squared-error';
import { RunningAverage } from './running-average';
import { TopKCategoricalAccuracy } from './top-k-categorical-accuracy';

const ref = loadIgniteReference();
const values = ref.metrics.values;

function closeTo(actual: MetricValue, expected: number | number[] | number[][]): void {
  if (typeof expected === 'number') {
    expect(typeof actual).toBe('number');
    expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-5 + 1e-4 * Math.abs(expected));
    return;
  }
  expect(Array.isArray(actual)).toBe(true);
  expect((actual as MetricValue[]).length).toBe(expected.length);
  expected.forEach((e, i) => closeTo((actual as MetricValue[])[i], e));
}

function runOver(metric: Metric, batches: [Tensor, Tensor][]): MetricValue {
  metric.reset();
  for (const b of batches) metric.update(b as never);
  return metric.compute();
}

const classification = (): [Tensor, Tensor][] => ref.metrics.classification_batches.map(([p, y]) => [floats(p), ints(y)]);
const regression = (): [Tensor, Tensor][] => ref.metrics.regression_batches.map(([p, y]) => [floats(p), floats(y)]);
const segmentation = (): [Tensor, Tensor][] => ref.metrics.segmentation_batches.map(([p, y]) => [floats(p), ints(y)]);

describe('metrics against ignite 0.4.13 values', () => {
  it.each([
    ['Accuracy', () => new Accuracy()],
    ['Precision(average=False)', () => new Precision({ average: false })],
    ['Precision(average=True)', () => new Precision({ average: true })],
    ['Recall(average=False)', () => new Recall({ average: false })],
    ['Recall(average=True)', () => new Recall({ average: true })],
    ['Fbeta(beta=1)', () => Fbeta(1)],
    ['TopKCategoricalAccuracy(k=2)', () => new TopKCategoricalAccuracy({ k: 2 })],
    ['ConfusionMatrix(num_classes=4)', () => new ConfusionMatrix(4)],
    ['Loss(cross_entropy)', () => new Loss(crossEntropy)],
  ] as const)('%s matches over the classification batches', (name, make) => {
    closeTo(runOver(make(), classification()), values[name]);
  });

  it.each([
    ['MeanAbsoluteError', () => new MeanAbsoluteError()],
    ['MeanSquaredError', () => new MeanSquaredError()],
    ['RootMeanSquaredError', () => new RootMeanSquaredError()],
    ['MeanPairwiseDistance', () => new MeanPairwiseDistance()],
  ] as const)('%s matches over the regression batches', (name, make) => {
    closeTo(runOver(make(), regression()), values[name]);
  });

  it('IoU and mIoU match over the segmentation batches', () => {
    closeTo(runOver(IoU(new ConfusionMatrix(3)), segmentation()), values['IoU(ConfusionMatrix(3))']);
    closeTo(runOver(mIoU(new ConfusionMatrix(3)), segmentation()), values['mIoU(ConfusionMatrix(3))']);
  });

  it('gives the same values attached to an evaluator as with reset/update/compute', async () => {
    const batches = classification();
    const evaluator = new Engine((_e, b: [Tensor, Tensor]) => b);
    new Accuracy().attach(evaluator, 'acc');
    new Loss(crossEntropy).attach(evaluator, 'loss');
    Fbeta(1).attach(evaluator, 'f1');
    const { metrics } = await evaluator.run(batches);
    closeTo(metrics.acc, values.Accuracy as number);
    closeTo(metrics.loss, values['Loss(cross_entropy)'] as number);
    closeTo(metrics.f1, values['Fbeta(beta=1)'] as number);
  });

  it('RunningAverage of the engine output follows ignite with alpha 0.9', async () => {
    const ra = ref.running_average;
    const seen: number[] = [];
    const e = new Engine((eng) => ra.outputs[eng.state.iteration - 1]);
    new RunningAverage({ outputTransform: (x) => x as number, alpha: ra.alpha }).attach(e, 'ra');
    e.on(Events.ITERATION_COMPLETED, (eng) => void seen.push(eng.state.metrics.ra as number));
    await e.run(Array.from({ length: 8 }, (_, i) => i), { maxEpochs: 1 });
    closeTo(seen, ra.values);
  });
});

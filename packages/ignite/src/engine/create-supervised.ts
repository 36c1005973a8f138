import type { nn, optim } from '@dl/core';
import type { LossFunction } from '../metrics/loss';
import type { Metric } from '../metrics/metric';
import { Engine } from './engine';
import { supervisedEvaluationStep, supervisedTrainingStep, type SupervisedEvaluationOptions, type SupervisedTrainingOptions } from './supervised-step';

/** Options of {@link createSupervisedTrainer}. */
export interface CreateSupervisedTrainerOptions<O> extends SupervisedTrainingOptions<O> {
  /** Make runs deterministic (ignite's `DeterministicEngine`): each pass over the data is reseeded. @default false */
  deterministic?: boolean;
}

/** Options of {@link createSupervisedEvaluator}. */
export interface CreateSupervisedEvaluatorOptions<O> extends SupervisedEvaluationOptions<O> {
  /** Metrics to attach, by name. @default {} */
  metrics?: Record<string, Metric>;
}

/**
 * A trainer Engine for a model, optimizer and loss (ignite's `create_supervised_trainer`); each
 * iteration's output is the loss as a number unless `outputTransform` says otherwise.
 *
 * @example
 * ```ts
 * const trainer = createSupervisedTrainer(model, new optim.Adam(model.parameters(), { lr: 1e-3 }), new nn.CrossEntropyLoss());
 * await trainer.run(trainLoader, { maxEpochs: 10 });
 * ```
 */
export function createSupervisedTrainer<O = number>(
  model: nn.Module,
  optimizer: optim.Optimizer<object>,
  lossFn: LossFunction,
  options: CreateSupervisedTrainerOptions<O> = {},
): Engine<unknown, O> {
  const trainer = new Engine<unknown, O>(supervisedTrainingStep<O>(model, optimizer, lossFn, options));
  trainer.deterministic = options.deterministic ?? false;
  return trainer;
}

/**
 * An evaluator Engine for a model (ignite's `create_supervised_evaluator`): outputs
 * `[yPred, y]`, with `metrics` attached so `evaluator.state.metrics` holds them after each run.
 *
 * @example
 * ```ts
 * const evaluator = createSupervisedEvaluator(model, { metrics: { accuracy: new Accuracy(), loss: new Loss(dl.crossEntropy) } });
 * const { metrics } = await evaluator.run(valLoader);
 * ```
 */
export function createSupervisedEvaluator<O = [unknown, unknown]>(model: nn.Module, options: CreateSupervisedEvaluatorOptions<O> = {}): Engine<unknown, O> {
  const evaluator = new Engine<unknown, O>(supervisedEvaluationStep<O>(model, options));
  for (const [name, metric] of Object.entries(options.metrics ?? {})) metric.attach(evaluator as Engine, name);
  return evaluator;
}

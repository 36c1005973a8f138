import { Tensor, ValueError, nn, noGrad, scope, type optim } from '@dl/core';
import type { LossFunction } from '../metrics/loss';
import type { Engine } from './engine';

/** Splits a batch into model input and target (ignite's `prepare_batch`). */
export type PrepareBatch = (batch: unknown, device?: string, nonBlocking?: boolean) => [unknown, unknown];

/** Options shared by the supervised steps and factories (ignite's arguments in camelCase). */
export interface SupervisedStepOptions {
  /** Accepted for PyTorch compatibility; TensorFlow.js has one backend at a time (`dl.setBackend`). @default undefined */
  device?: string;
  /** Accepted for PyTorch compatibility; no effect. @default false */
  nonBlocking?: boolean;
  /** Splits a batch into `[x, y]`. @default the batch itself, which must be `[x, y]` */
  prepareBatch?: PrepareBatch;
  /** Maps the model's output to `yPred` (a model returning several values). @default the output itself */
  modelTransform?: (output: unknown) => unknown;
  /** Runs the model. @default (model, x) => model.call(x) */
  modelFn?: (model: nn.Module, x: unknown) => unknown;
}

/** Options of {@link supervisedTrainingStep} and {@link createSupervisedTrainer}. */
export interface SupervisedTrainingOptions<O> extends SupervisedStepOptions {
  /** What each iteration returns as `state.output`, from `(x, y, yPred, loss)`. @default loss.item() */
  outputTransform?: (x: unknown, y: unknown, yPred: unknown, loss: Tensor) => O;
  /** Accumulate gradients over this many iterations before each `optimizer.step()`. @default 1 */
  gradientAccumulationSteps?: number;
}

/** Options of {@link supervisedEvaluationStep}. */
export interface SupervisedEvaluationOptions<O> extends SupervisedStepOptions {
  /** What each iteration returns, from `(x, y, yPred)`. @default [yPred, y] */
  outputTransform?: (x: unknown, y: unknown, yPred: unknown) => O;
}

/** @internal ignite's default `prepare_batch`: the batch is `[x, y]`. */
export function defaultPrepareBatch(batch: unknown): [unknown, unknown] {
  if (!Array.isArray(batch) || batch.length !== 2) {
    throw new ValueError(`prepareBatch: expected a batch [x, y] (give prepareBatch for other batches), got ${Array.isArray(batch) ? `an array of ${batch.length}` : typeof batch}`);
  }
  return [batch[0], batch[1]];
}

/** @internal Calls a loss function or loss module. */
export function callLoss(lossFn: LossFunction, yPred: unknown, y: unknown): Tensor {
  const l =
    typeof lossFn === 'function'
      ? lossFn(yPred as Tensor, y as Tensor)
      : lossFn instanceof nn.Module
        ? (lossFn as unknown as { call(a: unknown, b: unknown): Tensor }).call(yPred, y)
        : lossFn.forward(yPred as Tensor, y as Tensor);
  if (!(l instanceof Tensor)) throw new ValueError(`lossFn should return a Tensor, got ${typeof l}`);
  return l;
}

const defaultModelFn = (model: nn.Module, x: unknown): unknown => (model as unknown as { call(x: unknown): unknown }).call(x);

/**
 * The process function of a supervised trainer (ignite's `supervised_training_step`): zero the
 * gradients, forward, loss, backward, optimizer step, inside a `dl.scope` so each iteration's
 * temporaries are freed. With `gradientAccumulationSteps > 1`, the loss is divided by it and the
 * optimizer steps every that many iterations.
 *
 * @example
 * ```ts
 * const trainer = new Engine(supervisedTrainingStep(model, optimizer, dl.crossEntropy));
 * ```
 */
export function supervisedTrainingStep<O = number>(
  model: nn.Module,
  optimizer: optim.Optimizer<object>,
  lossFn: LossFunction,
  options: SupervisedTrainingOptions<O> = {},
): (engine: Engine<unknown, O>, batch: unknown) => O {
  const op = 'supervisedTrainingStep';
  if (!(model instanceof nn.Module)) throw new ValueError(`${op}: model should be an nn.Module`);
  if (optimizer === null || typeof optimizer !== 'object' || typeof optimizer.step !== 'function' || typeof optimizer.zeroGrad !== 'function') throw new ValueError(`${op}: optimizer should be an Optimizer`);
  const steps = options.gradientAccumulationSteps ?? 1;
  if (!(Number.isInteger(steps) && steps > 0)) {
    throw new ValueError(`${op}: gradientAccumulationSteps must be a strictly positive integer (1, the default, accumulates nothing), got ${String(steps)}`);
  }
  const prepare = options.prepareBatch ?? defaultPrepareBatch;
  const modelFn = options.modelFn ?? defaultModelFn;
  const modelTransform = options.modelTransform ?? ((o: unknown) => o);
  const outputTransform = options.outputTransform ?? ((_x: unknown, _y: unknown, _p: unknown, loss: Tensor) => loss.item() as O);
  return (engine, batch) => {
    const iteration = engine.state.iteration;
    if ((iteration - 1) % steps === 0) optimizer.zeroGrad();
    model.train();
    return scope(() => {
      const [x, y] = prepare(batch, options.device, options.nonBlocking);
      const yPred = modelTransform(modelFn(model, x));
      let loss = callLoss(lossFn, yPred, y);
      if (steps > 1) loss = loss.div(steps);
      loss.backward();
      if (iteration % steps === 0) optimizer.step();
      return outputTransform(x, y, yPred, steps > 1 ? loss.mul(steps) : loss);
    });
  };
}

/**
 * The process function of a supervised evaluator (ignite's `supervised_evaluation_step`): eval
 * mode, no gradients, returns `[yPred, y]` for the metrics.
 *
 * @example
 * ```ts
 * const evaluator = new Engine(supervisedEvaluationStep(model));
 * new Accuracy().attach(evaluator, 'accuracy');
 * ```
 */
export function supervisedEvaluationStep<O = [unknown, unknown]>(model: nn.Module, options: SupervisedEvaluationOptions<O> = {}): (engine: Engine<unknown, O>, batch: unknown) => O {
  if (!(model instanceof nn.Module)) throw new ValueError('supervisedEvaluationStep: model should be an nn.Module');
  const prepare = options.prepareBatch ?? defaultPrepareBatch;
  const modelFn = options.modelFn ?? defaultModelFn;
  const modelTransform = options.modelTransform ?? ((o: unknown) => o);
  const outputTransform = options.outputTransform ?? ((_x: unknown, y: unknown, yPred: unknown) => [yPred, y] as O);
  return (_engine, batch) => {
    model.eval();
    return noGrad(() =>
      scope(() => {
        const [x, y] = prepare(batch, options.device, options.nonBlocking);
        const yPred = modelTransform(modelFn(model, x));
        return outputTransform(x, y, yPred);
      }),
    );
  };
}

import { ValueError, type Tensor } from '@dl/core';
import type { OutputTransform } from './metric';
import { MetricsLambda } from './metrics-lambda';
import { Precision } from './precision';
import { Recall } from './recall';

/** Options of {@link Fbeta}. */
export interface FbetaOptions {
  /** Average the per-class scores into one number. @default true */
  average?: boolean;
  /** A Precision with `average: false` to reuse (then no outputTransform). @default a new one */
  precision?: Precision;
  /** A Recall with `average: false` to reuse (then no outputTransform). @default a new one */
  recall?: Recall;
  /** Maps the engine output to `[yPred, y]` for the Precision and Recall made here. @default identity */
  outputTransform?: OutputTransform<[Tensor, Tensor]>;
}

/**
 * The F-beta score (ignite's `Fbeta`): (1 + β²)·P·R / (β²·P + R) per class from a Precision and
 * a Recall, averaged over classes unless `average` is false.
 *
 * @example
 * ```ts
 * Fbeta(1).attach(evaluator, 'f1');
 * ```
 */
export function Fbeta(beta: number, options: FbetaOptions = {}): MetricsLambda<number | number[]> {
  if (!(typeof beta === 'number' && beta > 0)) throw new ValueError(`Fbeta: beta should be a positive number, but given ${String(beta)}`);
  const { average = true, outputTransform } = options;
  if (options.precision !== undefined && outputTransform !== undefined) throw new ValueError('Fbeta: if precision argument is provided, outputTransform should be undefined');
  if (options.recall !== undefined && outputTransform !== undefined) throw new ValueError('Fbeta: if recall argument is provided, outputTransform should be undefined');
  const precision = options.precision ?? new Precision({ outputTransform, average: false });
  if (precision.average !== false) throw new ValueError('Fbeta: input precision metric should have average=false');
  const recall = options.recall ?? new Recall({ outputTransform, average: false });
  if (recall.average !== false) throw new ValueError('Fbeta: input recall metric should have average=false');
  const b2 = beta * beta;
  const f = (p: number, r: number) => ((1 + b2) * p * r) / (b2 * p + r + 1e-15);
  return new MetricsLambda((p: number | number[], r: number | number[]) => {
    const scores = typeof p === 'number' ? [f(p, r as number)] : p.map((pi, i) => f(pi, (r as number[])[i]));
    if (average) return scores.reduce((a, b) => a + b, 0) / scores.length;
    return typeof p === 'number' ? scores[0] : scores;
  }, precision, recall);
}

// The ignite 0.4.13 reference fixture (test/fixtures/ignite_reference.json, see test/fixtures/README.md)
// and helpers to turn its arrays into tensors.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tensor, type Tensor } from '@dl/core';

export const fixturePath = fileURLToPath(new URL('../fixtures/ignite_reference.json', import.meta.url));

type Row = [string, number, number, number?];
type Nested = number | Nested[];

export interface IgniteReference {
  event_order: { data: number[]; max_epochs: number; log: Row[] };
  terminate: { data: number[]; max_epochs: number; terminate_at_iteration: number; log: Row[] };
  metrics: {
    classification_batches: [number[][], number[]][];
    regression_batches: [number[][], number[][]][];
    segmentation_batches: [Nested[], Nested[]][];
    values: Record<string, number | number[] | number[][]>;
  };
  running_average: { alpha: number; outputs: number[]; values: number[] };
  checkpoint: { scores_by_epoch: number[]; files_after_run: string[] };
  early_stopping: { patience: number; scores_by_epoch: number[]; stopped_after_epoch: number };
}

export function loadIgniteReference(): IgniteReference {
  return JSON.parse(readFileSync(fixturePath, 'utf8')) as IgniteReference;
}

/** Float scores `[N, C, ...]`. */
export const floats = (a: Nested[]): Tensor => tensor(a as number[][]);
/** Class indices `[N, ...]` (int32, as PyTorch's int64 targets). */
export const ints = (a: Nested[]): Tensor => tensor(a as number[], { dtype: 'int32' });

import { ArrayDataset } from './array-dataset';
import { ChainDataset } from './chain-dataset';
import { ConcatDataset } from './concat-dataset';
import { Subset } from './subset';
import { TensorDataset } from './tensor-dataset';

/** @internal The datasets `{ module: '@dl/core', export }` names, rebuilt without importing the package by name. */
export const builtinDatasets: Record<string, unknown> = { ArrayDataset, ChainDataset, ConcatDataset, Subset, TensorDataset };

export { CORE_MODULE } from './module-export';

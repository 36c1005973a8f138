// PyTorch 1.13's torch.utils.data results for fixed seeds (test/fixtures/data/torch-data.json, written
// by test/fixtures/generators/gen_torch_data.py), for tests.
import { readFixtureJson } from './fixtures';

export interface TorchData {
  randperm: Record<string, number[]>;
  random_sampler_seed0_two_epochs: number[][];
  random_sampler_replacement_seed1_n40: number[];
  random_sampler_seed2_n25: number[];
  random_sampler_default_generator_after_manual_seed3: number[][];
  subset_random_sampler_seed2: number[];
  weighted_weights: number[];
  weighted_replacement_seed0_n20: number[];
  weighted_no_replacement_seed0_n5: number[];
  weighted_no_replacement_seed4_n1: number[];
  batch_sampler_10_3: number[][];
  batch_sampler_10_3_drop: number[][];
  distributed_11_3_seed5: Record<string, number[][]>;
  random_split_10_3_7_seed42: number[][];
  random_split_11_fracs_seed0: number[][];
  loader_shuffle_manual_seed7_two_epochs: number[][][];
  loader_shuffle_generator7_two_epochs: number[][][];
  worker_seeds_generator11: number[][];
  collate_scalars: { dtypes: string[]; values: unknown[][] };
}

export const torchData = readFixtureJson<TorchData>('data', 'torch-data.json');

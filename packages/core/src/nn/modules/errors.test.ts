import { describe, expect, it } from 'vitest';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import { tf } from '../../backend/tfjs';
import { Tensor } from '../../tensor/tensor';
import * as nn from './index';

const zeros = (shape: number[]) => Tensor._owned(tf.zeros(shape));

/** Asserts `fn` throws `cls` with exactly `message`. */
function throwsExactly(fn: () => unknown, cls: new (...a: never[]) => Error, message: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(cls);
  expect((caught as Error).message).toBe(message);
}

describe('wrong input shapes name the layer, the expected and the actual shape', () => {
  it('Linear and Bilinear', () => {
    throwsExactly(() => new nn.Linear(10, 100).forward(zeros([4, 7])), ShapeError, 'Linear: expected input of shape [*, 10], got input of shape [4, 7]');
    throwsExactly(() => new nn.Linear(10, 100).forward(zeros([])), ShapeError, 'Linear: expected input of shape [*, 10], got a 0-d tensor');
    throwsExactly(() => new nn.Linear(2, 2).forward([1, 2] as unknown as Tensor), ValueError, 'Linear: expected a Tensor input, got Array');
    throwsExactly(
      () => new nn.Bilinear(2, 3, 4).forward(zeros([5, 2]), zeros([4, 3])),
      ShapeError,
      'Bilinear: expected inputs of shape [*, 2] and [*, 3] with the same leading dims, got [5, 2] and [4, 3]',
    );
  });

  it('convolutions and norms', () => {
    throwsExactly(() => new nn.Conv2d(3, 8, 3).forward(zeros([2, 4, 9, 9])), ShapeError, 'Conv2d: expected input of shape [N, 3, H, W] or [3, H, W], got input of shape [2, 4, 9, 9]');
    throwsExactly(() => new nn.Conv1d(3, 8, 3).forward(zeros([3, 4, 5, 6])), ShapeError, 'Conv1d: expected input of shape [N, 3, L] or [3, L], got input of shape [3, 4, 5, 6]');
    throwsExactly(() => new nn.ConvTranspose2d(2, 3, 3).forward(zeros([1, 3, 4, 4])), ShapeError, 'ConvTranspose2d: expected input of shape [N, 2, H, W] or [2, H, W], got input of shape [1, 3, 4, 4]');
    throwsExactly(() => new nn.BatchNorm2d(3).forward(zeros([2, 3, 4])), ShapeError, 'BatchNorm2d: expected 4D input of shape [N, 3, H, W], got input of shape [2, 3, 4]');
    throwsExactly(() => new nn.BatchNorm1d(3).forward(zeros([2, 4])), ShapeError, 'BatchNorm1d: expected 2D or 3D input of shape [N, 3] or [N, 3, L], got input of shape [2, 4]');
    throwsExactly(() => new nn.BatchNorm3d(3).forward(zeros([2, 3, 4, 4])), ShapeError, 'BatchNorm3d: expected 5D input of shape [N, 3, D, H, W], got input of shape [2, 3, 4, 4]');
    throwsExactly(() => new nn.LayerNorm([4, 5]).forward(zeros([2, 5, 4])), ShapeError, 'LayerNorm: expected input of shape [*, 4, 5], got input of shape [2, 5, 4]');
    throwsExactly(() => new nn.GroupNorm(2, 4).forward(zeros([2, 6, 3])), ShapeError, 'GroupNorm: expected input of shape [N, 4, *], got input of shape [2, 6, 3]');
    throwsExactly(() => new nn.InstanceNorm2d(3).forward(zeros([2, 4, 5, 5])), ShapeError, 'InstanceNorm2d: expected input of shape [N, 3, H, W] or [3, H, W], got input of shape [2, 4, 5, 5]');
    throwsExactly(() => new nn.PReLU({ numParameters: 3 }).forward(zeros([2, 4])), ShapeError, 'PReLU: Mismatch in parameter count: got 3 parameters for input of shape [2, 4] with 4 channels');
    throwsExactly(() => new nn.GLU().forward(zeros([2, 3])), ShapeError, 'GLU: Halving dimension must be even, but dimension 1 is size 3 (input shape [2, 3])');
  });

  it('recurrent layers', () => {
    throwsExactly(() => new nn.LSTM(4, 3).forward(zeros([5, 2, 3])), ShapeError, 'LSTM: input.size(-1) must be equal to input_size. Expected 4, got 3 (input shape [5, 2, 3])');
    throwsExactly(() => new nn.GRU(4, 3).forward(zeros([4])), ShapeError, 'GRU: Expected input to be 2D or 3D, got 1D tensor instead (shape [4])');
    throwsExactly(() => new nn.RNN(4, 3, { numLayers: 2 }).forward(zeros([5, 2, 4]), zeros([1, 2, 3])), ShapeError, 'RNN: Expected hidden size [2, 2, 3], got [1, 2, 3]');
    throwsExactly(() => new nn.RNN(4, 3).forward(zeros([5, 4]), zeros([1, 2, 3])), ShapeError, 'RNN: Expected hidden size [1, 3], got [1, 2, 3]');
    throwsExactly(() => new nn.LSTM(4, 3).forward(zeros([5, 2, 4]), [zeros([1, 2, 3]), zeros([1, 2, 2])]), ShapeError, 'LSTM: Expected hidden[1] size [1, 2, 3], got [1, 2, 2]');
    throwsExactly(() => new nn.LSTM(4, 3).forward(zeros([5, 2, 4]), zeros([1, 2, 3]) as unknown as [Tensor, Tensor]), ValueError, 'LSTM: hx must be a pair [h0, c0]');
  });
});

describe('bad constructor arguments get typed errors', () => {
  it('Linear, Bilinear and convolutions', () => {
    throwsExactly(() => new nn.Linear(2.5, 3), ValueError, 'Linear: inFeatures must be a non-negative integer, got 2.5');
    throwsExactly(() => new nn.Bilinear(2, -1, 3), ValueError, 'Bilinear: feature sizes must be non-negative integers, got 2, -1, 3');
    throwsExactly(() => new nn.Conv2d(3, 8, 3, { groups: 2 }), ValueError, 'Conv2d: in_channels must be divisible by groups (got inChannels 3, groups 2)');
    throwsExactly(() => new nn.Conv2d(4, 6, 3, { groups: 4 }), ValueError, 'Conv2d: out_channels must be divisible by groups (got outChannels 6, groups 4)');
    throwsExactly(() => new nn.Conv2d(4, 6, 3, { groups: 0 }), ValueError, 'Conv2d: groups must be a positive integer, got 0');
    throwsExactly(() => new nn.Conv2d(0, 6, 3), ValueError, 'Conv2d: inChannels must be a positive integer, got 0');
    throwsExactly(() => new nn.Conv2d(1, 1, [3, 3, 3]), ValueError, 'Conv2d: kernelSize must be an integer or 2 integers >= 1, got [3, 3, 3]');
    throwsExactly(() => new nn.Conv1d(1, 1, 3, { padding: 'full' as 'same' }), ValueError, "Conv1d: Invalid padding string 'full', should be one of 'valid', 'same'");
    throwsExactly(() => new nn.Conv2d(1, 1, 3, { padding: 'same', stride: 2 }), ValueError, "Conv2d: padding='same' is not supported for strided convolutions");
    throwsExactly(
      () => new nn.Conv2d(1, 1, 3, { paddingMode: 'mirror' as 'zeros' }),
      ValueError,
      "Conv2d: padding_mode must be one of 'zeros', 'reflect', 'replicate', 'circular', but got padding_mode='mirror'",
    );
    throwsExactly(() => new nn.ConvTranspose2d(1, 1, 3, { paddingMode: 'reflect' }), ValueError, `ConvTranspose2d: Only "zeros" padding mode is supported for ConvTranspose2d, got 'reflect'`);
  });

  it('ConvTranspose outputSize', () => {
    const up = new nn.ConvTranspose2d(2, 2, 3, { stride: 2, padding: 1 });
    const x = zeros([1, 2, 3, 3]);
    expect(up.forward(x, { outputSize: [1, 2, 6, 6] }).shape).toEqual([1, 2, 6, 6]);
    throwsExactly(() => up.forward(x, { outputSize: [7, 7] }), ValueError, 'ConvTranspose2d: requested an output size of [7, 7], but valid sizes range from [5, 5] to [6, 6] (for an input of [3, 3])');
    throwsExactly(() => up.forward(x, { outputSize: [6] }), ValueError, 'ConvTranspose2d: for 4D input, output_size must have 2 or 4 elements (got 1)');
  });

  it('norms, dropout, embeddings and activations', () => {
    throwsExactly(() => new nn.BatchNorm2d(0), ValueError, 'BatchNorm2d: numFeatures must be a positive integer, got 0');
    throwsExactly(() => new nn.InstanceNorm1d(-1), ValueError, 'InstanceNorm1d: numFeatures must be a positive integer, got -1');
    throwsExactly(() => new nn.LayerNorm([]), ValueError, 'LayerNorm: normalizedShape must be positive integers, got []');
    throwsExactly(() => new nn.GroupNorm(3, 4), ValueError, 'GroupNorm: num_channels must be divisible by num_groups (got numChannels 4, numGroups 3)');
    throwsExactly(() => new nn.Dropout(1.5), ValueError, 'Dropout: dropout probability has to be between 0 and 1, but got 1.5');
    throwsExactly(() => new nn.Dropout2d(-0.1), ValueError, 'Dropout2d: dropout probability has to be between 0 and 1, but got -0.1');
    throwsExactly(() => new nn.Embedding(5, 3, { paddingIdx: 5 }), ValueError, 'Embedding: Padding_idx must be within num_embeddings (got paddingIdx 5 for 5 embeddings)');
    throwsExactly(() => new nn.Embedding(5, -3), ValueError, 'Embedding: numEmbeddings and embeddingDim must be non-negative integers, got 5 and -3');
    throwsExactly(
      () => new nn.Embedding(5, 3, { weight: zeros([5, 2]) }),
      ShapeError,
      'Embedding: Shape of weight does not match num_embeddings and embedding_dim (expected [5, 3], got [5, 2])',
    );
    throwsExactly(() => nn.Embedding.fromPretrained(zeros([5])), ShapeError, 'Embedding.fromPretrained: Embeddings parameter is expected to be 2-dimensional, got shape [5]');
    throwsExactly(() => new nn.EmbeddingBag(5, 3, { mode: 'min' as 'sum' }), ValueError, "EmbeddingBag: mode has to be one of sum, mean or max, got 'min'");
    throwsExactly(() => new nn.PReLU({ numParameters: 0 }), ValueError, 'PReLU: numParameters must be a positive integer, got 0');
    throwsExactly(() => new nn.Softmax().forward(3 as unknown as Tensor), ShapeError, 'Softmax: expected a Tensor input');
    throwsExactly(() => new nn.CrossEntropyLoss({ weight: [1, 2] as unknown as Tensor }), ValueError, 'CrossEntropyLoss: expected a Tensor weight, got Array');
  });

  it('recurrent layers', () => {
    throwsExactly(() => new nn.LSTM(4, 3, { dropout: 2 }), ValueError, 'LSTM: dropout should be a number in range [0, 1] representing the probability of an element being zeroed, got 2');
    throwsExactly(() => new nn.GRU(4, 0), ValueError, 'GRU: hidden_size must be greater than zero, got 0');
    throwsExactly(() => new nn.RNN(4, 3, { numLayers: 0 }), ValueError, 'RNN: num_layers must be greater than zero, got 0');
    throwsExactly(() => new nn.LSTM(4, 3, { projSize: 3 }), ValueError, 'LSTM: proj_size has to be smaller than hidden_size (got projSize 3, hiddenSize 3)');
    throwsExactly(() => new nn.RNN(4, 3, { nonlinearity: 'gelu' as 'tanh' }), ValueError, "RNN: Unknown nonlinearity 'gelu'. Select from 'tanh' or 'relu'.");
    throwsExactly(() => new nn.LSTM(0, 3), ValueError, 'LSTM: inputSize must be a positive integer, got 0');
  });
});

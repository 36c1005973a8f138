// nn layers check their constructor arguments and forward inputs and throw @dl's typed errors
// naming the layer, the argument, what it accepts and what it got.
import { describe, expect, it } from 'vitest';
import * as dl from '../index';
import { ArgumentTypeError, ValueError, nn, type Tensor } from '../index';
import { throwsExactly } from '../../test/support/throws-exactly';



// A wrong value typed as the parameter it is passed for (what a JavaScript caller can do).
const bad = <T>(v: unknown) => v as T;

describe('constructor arguments', () => {
  it('sizes must be integers in range (ValueError), as in PyTorch', () => {
    throwsExactly(() => new nn.Linear(-1, 3), ValueError, 'Linear: inFeatures must be a non-negative integer, got -1');
    throwsExactly(() => new nn.Linear(2.5, 3), ValueError, 'Linear: inFeatures must be a non-negative integer, got 2.5');
    throwsExactly(() => new nn.Linear(2, -3), ValueError, 'Linear: outFeatures must be a non-negative integer, got -3');
    throwsExactly(() => new nn.Linear(bad<number>('2'), 3), ValueError, "Linear: inFeatures must be a non-negative integer, got string '2'");
    throwsExactly(() => new nn.Conv2d(2.5, 8, 3), ValueError, 'Conv2d: inChannels must be a positive integer, got 2.5');
    throwsExactly(() => new nn.Conv1d(1, bad<number>(undefined), 3), ValueError, 'Conv1d: outChannels must be a positive integer, got undefined');
    throwsExactly(() => new nn.BatchNorm1d(bad<number>('a')), ValueError, "BatchNorm1d: numFeatures must be a positive integer, got string 'a'");
    throwsExactly(() => new nn.LSTM(bad<number>([4]), 3), ValueError, 'LSTM: inputSize must be a positive integer, got an array [4]');
    throwsExactly(() => new nn.GRUCell(4, 2.5), ValueError, 'GRUCell: hiddenSize must be a positive integer, got 2.5');
  });

  it('a kernel size that is not a number or a list of numbers is an ArgumentTypeError', () => {
    throwsExactly(() => new nn.Conv2d(3, 8, bad<number>('3')), ArgumentTypeError, "Conv2d: kernelSize must be an integer or 2 integers >= 1, got string '3'");
    throwsExactly(() => new nn.Conv2d(3, 8, 3, { stride: bad<number>('2') }), ArgumentTypeError, "Conv2d: stride must be an integer or 2 integers >= 1, got string '2'");
  });

  it('options passed as a positional value throw instead of being ignored', () => {
    // PyTorch's nn.LeakyReLU(0.2), nn.Linear(2, 3, False) and nn.CrossEntropyLoss('sum') spelled in JavaScript.
    throwsExactly(() => new nn.LeakyReLU(bad<object>(0.2)), ArgumentTypeError, 'LeakyReLU: expected options to be an object such as { negativeSlope: 0.2 }, got number 0.2');
    throwsExactly(() => new nn.Linear(2, 3, bad<object>(false)), ArgumentTypeError, 'Linear: expected options to be an object such as { bias: false }, got boolean false');
    throwsExactly(() => new nn.ELU(bad<object>(1)), ArgumentTypeError, 'ELU: expected options to be an object such as { alpha: 1 }, got number 1');
    throwsExactly(() => new nn.Hardtanh(bad<object>(-2)), ArgumentTypeError, 'Hardtanh: expected options to be an object such as { minVal: -1, maxVal: 1 }, got number -2');
    throwsExactly(() => new nn.CrossEntropyLoss(bad<object>('sum')), ArgumentTypeError, "CrossEntropyLoss: expected options to be an object such as { reduction: 'sum' }, got string 'sum'");
    throwsExactly(() => new nn.Dropout(0.5, bad<object>(true)), ArgumentTypeError, 'Dropout: expected options to be an object such as { inplace: true }, got boolean true');
    throwsExactly(() => new nn.Flatten(bad<object>(1)), ArgumentTypeError, 'Flatten: expected options to be an object such as { startDim: 1, endDim: -1 }, got number 1');
    throwsExactly(() => new nn.LSTM(4, 3, bad<object>(2)), ArgumentTypeError, 'LSTM: expected options to be an object such as { numLayers: 2, batchFirst: true }, got number 2');
  });

  it('dims, thresholds and sizes are checked when the layer is made', () => {
    throwsExactly(() => new nn.Softmax(bad<number>('1')), ArgumentTypeError, "Softmax: expected dim to be an integer, got string '1'");
    throwsExactly(() => new nn.LogSoftmax(1.5), ValueError, 'LogSoftmax: expected dim to be an integer, got 1.5');
    throwsExactly(() => new nn.GLU(bad<number>([1])), ArgumentTypeError, 'GLU: expected dim to be an integer, got an array [1]');
    throwsExactly(() => new nn.Threshold(bad<number>('0.1'), 0), ArgumentTypeError, "Threshold: expected threshold to be a number, got string '0.1'");
    throwsExactly(() => new nn.Unflatten(1, bad<number[]>(6)), ArgumentTypeError, 'Unflatten: expected unflattenedSize to be an array of integers, got number 6');
    throwsExactly(() => new nn.ModuleList(bad<nn.Module[]>(3)), ArgumentTypeError, 'ModuleList: expected modules to be an iterable such as an array, got number 3');
    expect(new nn.Softmax(null).dim).toBe(null);
  });
});

describe('forward inputs that are not tensors', () => {
  const wrong = [1, 2] as unknown as Tensor;

  it('name the layer', () => {
    throwsExactly(() => new nn.Linear(2, 3).forward(wrong), ArgumentTypeError, 'Linear: expected a Tensor input, got Array');
    throwsExactly(() => new nn.Conv2d(1, 1, 1).forward(bad<Tensor>(null)), ArgumentTypeError, 'Conv2d: expected a Tensor input, got null');
    throwsExactly(() => new nn.BatchNorm1d(2).forward(bad<Tensor>('x')), ArgumentTypeError, 'BatchNorm1d: expected a Tensor input, got string');
    throwsExactly(() => new nn.Embedding(4, 2).forward(wrong), ArgumentTypeError, 'Embedding: expected a Tensor input, got Array');
    throwsExactly(() => new nn.LSTM(2, 3).forward(wrong), ArgumentTypeError, 'LSTM: expected a Tensor input, got Array');
    throwsExactly(() => new nn.GLU().forward(wrong), ArgumentTypeError, 'GLU: expected a Tensor input, got Array');
    throwsExactly(() => new nn.Sequential(new nn.Linear(2, 2), new nn.ReLU()).forward(wrong), ArgumentTypeError, 'Linear: expected a Tensor input, got Array');
  });

  it('stateless layers name the function they run', () => {
    throwsExactly(() => new nn.ReLU().forward(wrong), ArgumentTypeError, 'relu: expected input to be a Tensor, got an array [1, 2] (wrap arrays with dl.tensor())');
    throwsExactly(() => new nn.Tanh().forward(bad<Tensor>('x')), ArgumentTypeError, "tanh: expected input to be a Tensor, got string 'x'");
    throwsExactly(() => new nn.Dropout().forward(wrong), ArgumentTypeError, 'dropout: expected input to be a Tensor, got an array [1, 2] (wrap arrays with dl.tensor())');
    throwsExactly(() => new nn.MSELoss().forward(dl.ones([2]), wrong), ArgumentTypeError, 'mseLoss: expected target to be a Tensor, got an array [1, 2] (wrap arrays with dl.tensor())');
  });
});

describe('module names in repr and messages', () => {
  // From the sources the names are the class names; the bundled dist keeps them only with
  // esbuild's keepNames (the tsup config), otherwise they print as `_Sequential(`.
  it('are the class names, also for user subclasses', () => {
    const seq = new nn.Sequential(new nn.Linear(2, 3), new nn.ReLU());
    expect(seq.toString()).toBe('Sequential(\n  (0): Linear(in_features=2, out_features=3, bias=True)\n  (1): ReLU()\n)');
    class TinyNet extends nn.Module {
      fc = new nn.Linear(1, 1);
      override forward(x: Tensor): Tensor {
        return this.fc.forward(x);
      }
    }
    expect(new TinyNet().toString().startsWith('TinyNet(\n')).toBe(true);
    expect(new ArgumentTypeError('m').name).toBe('ArgumentTypeError');
  });
});

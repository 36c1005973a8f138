import { describe, expect, it } from 'vitest';
import { matmul, relu, sqrt, tensor } from '../index';
import { Tensor } from '../tensor/tensor';
import { CheckpointError } from './checkpoint-error';
import { deserialize } from './serialize';
import { expected, expectMatches, fixtureBytes } from '../../test/support/serialization-fixtures';
import { UnpicklingError } from './unpickling-error';

describe('deserialize (PyTorch files written by torch.save)', () => {
  const files = ['mlp_bn_state_dict.pth', 'nested_checkpoint.pth', 'views.pth', 'dtypes.pth', 'parameter.pth', 'numpy_values.pth', 'legacy_format.pth', 'protocol4_state_dict.pth', 'protocol5_checkpoint.pth'];
  for (const name of files) {
    it(`loads ${name} with the values PyTorch saved`, () => {
      const value = deserialize(fixtureBytes(name));
      expectMatches(value, expected.files[name]);
    });
  }

  it('keeps the state dict key order and num_batches_tracked of BatchNorm', () => {
    const sd = deserialize<Record<string, Tensor>>(fixtureBytes('mlp_bn_state_dict.pth'));
    expect(Object.keys(sd)).toEqual(['0.weight', '0.bias', '2.weight', '2.bias', '3.weight', '3.bias', '3.running_mean', '3.running_var', '3.num_batches_tracked']);
    expect(sd['3.num_batches_tracked'].dtype).toBe('int32');
    expect(sd['3.num_batches_tracked'].item()).toBe(3);
  });

  it("computes PyTorch's eval-mode output of Sequential(Linear, ReLU, Linear, BatchNorm1d) from the loaded weights", () => {
    const sd = deserialize<Record<string, Tensor>>(fixtureBytes('mlp_bn_state_dict.pth'));
    const io = expected.files.mlp_bn_forward as { input: { __tensor__: { data: number[]; shape: number[] } }; output: { __tensor__: { data: number[] } } };
    const x = tensor(io.input.__tensor__.data).reshape(io.input.__tensor__.shape);
    const h = relu(matmul(x, sd['0.weight'].t()).add(sd['0.bias']));
    const z = matmul(h, sd['2.weight'].t()).add(sd['2.bias']);
    const y = z.sub(sd['3.running_mean']).div(sqrt(sd['3.running_var'].add(1e-5))).mul(sd['3.weight']).add(sd['3.bias']);
    const got = Array.from(y.dataSync());
    io.output.__tensor__.data.forEach((want, i) => expect(Math.abs(got[i] - want)).toBeLessThan(1e-5 + 1e-4 * Math.abs(want)));
  });

  it('gives tensors that share a storage in the file as separate tensors with the right views', () => {
    const v = deserialize<Record<string, Tensor>>(fixtureBytes('views.pth'));
    expect(v.column.tolist()).toEqual([1, 5, 9]);
    expect(v.transposed.shape).toEqual([4, 3]);
  });

  it('refuses an int64 value that does not fit int32', () => {
    expect(() => deserialize(fixtureBytes('int64_overflow.pth'))).toThrowError(CheckpointError);
    expect(() => deserialize(fixtureBytes('int64_overflow.pth'))).toThrowError(/int64 value 1099511627776 at flat index 0 does not fit int32/);
  });
});

describe('deserialize (malicious PyTorch files)', () => {
  const cases: [string, string][] = [
    ['malicious_os_system.pth', 'posix.system'],
    ['malicious_eval.pth', 'builtins.eval'],
    ['malicious_popen.pth', 'subprocess.Popen'],
    ['malicious_legacy.pth', 'posix.system'],
  ];
  for (const [name, global] of cases) {
    it(`refuses ${name} naming the global ${global}`, () => {
      let error: unknown;
      try {
        deserialize(fixtureBytes(name));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(UnpicklingError);
      expect((error as UnpicklingError).global).toBe(global);
      expect((error as Error).message).toMatch(new RegExp(`refusing global '${global.replace('.', '\\.')}': checkpoints may only rebuild tensors`));
    });
  }
});

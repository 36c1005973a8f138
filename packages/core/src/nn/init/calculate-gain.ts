import { ValueError } from '../../errors/value-error';

/** Nonlinearities `calculateGain` knows (PyTorch's names; `leakyRelu` is accepted too). */
export type Nonlinearity =
  | 'linear'
  | 'conv1d'
  | 'conv2d'
  | 'conv3d'
  | 'conv_transpose1d'
  | 'conv_transpose2d'
  | 'conv_transpose3d'
  | 'sigmoid'
  | 'tanh'
  | 'relu'
  | 'leaky_relu'
  | 'leakyRelu'
  | 'selu';

const UNIT = new Set(['linear', 'conv1d', 'conv2d', 'conv3d', 'conv_transpose1d', 'conv_transpose2d', 'conv_transpose3d', 'sigmoid']);

/**
 * The recommended gain for a nonlinearity (PyTorch's `nn.init.calculate_gain`): 1 for linear
 * and sigmoid, 5/3 for tanh, sqrt(2) for relu, sqrt(2 / (1 + slope²)) for leaky_relu, 3/4 for
 * selu.
 *
 * @param param the negative slope of leaky_relu. @default 0.01
 * @example
 * ```ts
 * nn.init.calculateGain('leaky_relu', 0.2); // 1.3867...
 * ```
 */
export function calculateGain(nonlinearity: Nonlinearity, param?: number | null): number {
  if (UNIT.has(nonlinearity)) return 1;
  switch (nonlinearity) {
    case 'tanh':
      return 5 / 3;
    case 'relu':
      return Math.sqrt(2);
    case 'leaky_relu':
    case 'leakyRelu': {
      let slope = 0.01;
      if (param !== undefined && param !== null) {
        if (typeof param !== 'number' || !Number.isFinite(param)) throw new ValueError(`calculateGain: negative_slope ${String(param)} not a valid number`);
        slope = param;
      }
      return Math.sqrt(2 / (1 + slope ** 2));
    }
    case 'selu':
      return 3 / 4;
    default:
      throw new ValueError(`calculateGain: Unsupported nonlinearity ${String(nonlinearity)}`);
  }
}

import { nn } from '@dl/core';

/**
 * The seed's FizzBuzz network: bits in, one hidden ReLU layer, four class scores out.
 *
 * @example
 * ```ts
 * const model = fizzBuzzNet(10, 100);
 * ```
 */
export function fizzBuzzNet(inputSize = 10, hidden = 100): nn.Sequential {
  return new nn.Sequential(new nn.Linear(inputSize, hidden), new nn.ReLU(), new nn.Linear(hidden, 4));
}

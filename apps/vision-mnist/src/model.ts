import { nn } from '@dl/core';

/**
 * A LeNet-style CNN for 28 x 28 digits: two 5 x 5 convolutions (1 -> 16 -> 32 channels), each
 * followed by ReLU and 2 x 2 max pooling (28 -> 24 -> 12 -> 8 -> 4), then a linear layer from the
 * 32 x 4 x 4 features to the 10 class scores: 18,378 weights.
 *
 * @example
 * ```ts
 * const model = mnistNet();
 * model.forward(dl.zeros([1, 1, 28, 28])).shape; // [1, 10]
 * ```
 */
export function mnistNet(): nn.Sequential {
  return new nn.Sequential(
    new nn.Conv2d(1, 16, 5),
    new nn.ReLU(),
    new nn.MaxPool2d(2),
    new nn.Conv2d(16, 32, 5),
    new nn.ReLU(),
    new nn.MaxPool2d(2),
    new nn.Flatten(),
    new nn.Linear(32 * 4 * 4, 10),
  );
}

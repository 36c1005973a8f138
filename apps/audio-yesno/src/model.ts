import { nn } from '@dl/core';

/**
 * The word classifier: three 3x3 convolutions over the log-mel image (batch norm, ReLU, max
 * pooling), an average over time only (the bands keep their place: which frequencies carry a
 * vowel is what tells "yes" from "no"), and a linear layer to the two classes (no, yes).
 *
 * @example
 * ```ts
 * const model = yesNoNet(40); // input [batch, 1, 40, frames]
 * ```
 */
export function yesNoNet(nMels = 40): nn.Sequential {
  if (!Number.isInteger(nMels / 4)) throw new Error(`yesNoNet: nMels must be a multiple of 4, got ${nMels}`);
  return new nn.Sequential(
    new nn.Conv2d(1, 16, 3, { padding: 1 }),
    new nn.BatchNorm2d(16),
    new nn.ReLU(),
    new nn.MaxPool2d(2),
    new nn.Conv2d(16, 32, 3, { padding: 1 }),
    new nn.BatchNorm2d(32),
    new nn.ReLU(),
    new nn.MaxPool2d(2),
    new nn.Conv2d(32, 32, 3, { padding: 1 }),
    new nn.BatchNorm2d(32),
    new nn.ReLU(),
    new nn.AdaptiveAvgPool2d([nMels / 4, 1]),
    new nn.Flatten(),
    new nn.Dropout(0.3),
    new nn.Linear(32 * (nMels / 4), 2),
  );
}

import { Adam, type AdamOptions } from './adam';
import type { ParamsInput } from './optimizer';

/**
 * AdamW (PyTorch's `torch.optim.AdamW`): Adam with decoupled weight decay, which shrinks the
 * parameters by `lr * weightDecay` each step instead of adding an L2 term to the gradient.
 *
 * @param options as Adam's; `weightDecay` @default 1e-2
 * @example
 * ```ts
 * const opt = new optim.AdamW(model.parameters(), { lr: 1e-3, weightDecay: 0.05 });
 * ```
 */
export class AdamW extends Adam {
  protected override get name(): string {
    return 'AdamW';
  }

  protected override get decoupled(): boolean {
    return true;
  }

  constructor(params: ParamsInput<AdamOptions>, options: AdamOptions = {}) {
    super(params, { ...options, weightDecay: options.weightDecay ?? 1e-2 });
  }
}

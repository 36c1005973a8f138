import type { Tensor } from '../tensor/tensor';

// The autograd engine (backward.ts, accumulate-grad.ts) wraps gradients in Tensors and checks what
// hooks return, while Tensor's own methods (`backward()`, the leaf accumulator) call the engine.
// So that the modules do not import each other, the engine imports Tensor as a type only and
// reaches the class through here: tensor.ts registers it while it loads. The engine only ever
// runs on Tensors, so tensor.ts has always loaded, and registered the class, by then.
let registered: typeof Tensor | null = null;

/** @internal Called once, by tensor.ts as it loads. */
export function setTensorClass(cls: typeof Tensor): void {
  registered = cls;
}

/** @internal The Tensor class, for modules below tensor.ts that make or recognize Tensors. */
export function tensorClass(): typeof Tensor {
  if (registered === null) throw new Error('@dl/core internal error: the autograd engine ran before tensor/tensor.ts loaded');
  return registered;
}

import type { KernelGradient } from './types';
import { nonDifferentiable } from './util';

/** Gradient of `LessEqual`: zeros (a comparison; its bool output never carries a gradient). */
export const lessEqualGradient: KernelGradient = nonDifferentiable('LessEqual', ['a', 'b']);

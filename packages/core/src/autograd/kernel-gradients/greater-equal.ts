import type { KernelGradient } from './types';
import { nonDifferentiable } from './util';

/** Gradient of `GreaterEqual`: zeros (a comparison; its bool output never carries a gradient). */
export const greaterEqualGradient: KernelGradient = nonDifferentiable('GreaterEqual', ['a', 'b']);

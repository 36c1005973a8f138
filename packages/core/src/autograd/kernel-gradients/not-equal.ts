import type { KernelGradient } from './types';
import { nonDifferentiable } from './util';

/** Gradient of `NotEqual`: zeros (a comparison; its bool output never carries a gradient). */
export const notEqualGradient: KernelGradient = nonDifferentiable('NotEqual', ['a', 'b']);

import { ValueError } from '../errors/value-error';

/** A parameter or buffer whose shape in a state dict differs from the module's. */
export interface ShapeMismatch {
  /** The state-dict key, e.g. `fc.weight`. */
  key: string;
  /** The shape in the state dict. */
  checkpointShape: number[];
  /** The shape in the module. */
  modelShape: number[];
}

/**
 * `Module.loadStateDict` could not load a state dict: it lists the missing and unexpected keys
 * (under `strict`) and every shape mismatch, as PyTorch's message does.
 *
 * @example
 * ```ts
 * try { model.loadStateDict(sd); } catch (e) { if (e instanceof nn.StateDictError) console.log(e.missingKeys); }
 * ```
 */
export class StateDictError extends ValueError {
  constructor(
    moduleName: string,
    /** Keys the module has that the state dict lacks. */
    readonly missingKeys: string[],
    /** Keys the state dict has that the module does not. */
    readonly unexpectedKeys: string[],
    /** Keys whose shapes differ. */
    readonly mismatches: ShapeMismatch[],
    /** Other problems (values that are not tensors). */
    readonly otherErrors: string[] = [],
  ) {
    const lines: string[] = [];
    const quote = (keys: string[]) => keys.map((k) => `"${k}"`).join(', ');
    if (unexpectedKeys.length > 0) lines.push(`Unexpected key(s) in state_dict: ${quote(unexpectedKeys)}.`);
    if (missingKeys.length > 0) lines.push(`Missing key(s) in state_dict: ${quote(missingKeys)}.`);
    for (const m of mismatches) {
      lines.push(`size mismatch for ${m.key}: copying a param with shape [${m.checkpointShape.join(', ')}] from checkpoint, the shape in current model is [${m.modelShape.join(', ')}].`);
    }
    lines.push(...otherErrors);
    super(`Error(s) in loading state_dict for ${moduleName}:\n\t${lines.join('\n\t')}`);
  }
}

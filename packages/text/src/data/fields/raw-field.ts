import { type Processing, runProcessing } from '../utils/pipeline';
import { checkDevice, type Device } from './device';

/** Options of {@link RawField}. */
export interface RawFieldOptions {
  /** Applied to each value when an Example is made. @default none */
  preprocessing?: Processing | null;
  /** Applied to the list of a batch's values when a Batch is made. @default none */
  postprocessing?: Processing | null;
  /** Whether this field is a target (Batch iteration yields inputs, then targets). @default false */
  isTarget?: boolean;
}

/**
 * A column of a dataset with no assumption about its type (torchtext's `RawField`): values pass
 * through `preprocessing` when an Example is made and the batch's list of values through
 * `postprocessing` when a Batch is made, untouched otherwise (no tensors). {@link Field} is the
 * text-to-tensor field built on it.
 *
 * @example
 * ```ts
 * const ID = new RawField();
 * const fields: FieldList = [['id', ID], ['text', new Field()]];
 * ID.process(['q1', 'q2']); // ['q1', 'q2']
 * ```
 */
export class RawField {
  /** See {@link RawFieldOptions.preprocessing}. */
  preprocessing: Processing | null;
  /** See {@link RawFieldOptions.postprocessing}. */
  postprocessing: Processing | null;
  /** See {@link RawFieldOptions.isTarget}. */
  isTarget: boolean;

  constructor(options: RawFieldOptions = {}) {
    this.preprocessing = options.preprocessing ?? null;
    this.postprocessing = options.postprocessing ?? null;
    this.isTarget = options.isTarget ?? false;
  }

  /** One value as an Example stores it: `preprocessing(x)`, or `x`. */
  preprocess(x: unknown): unknown {
    return this.preprocessing ? runProcessing(this.preprocessing, x) : x;
  }

  /** A batch's values as the Batch holds them: `postprocessing(batch)`, or `batch`. */
  process(batch: unknown[], device?: Device): unknown {
    checkDevice(device, `${this.constructor.name}.process`);
    return this.postprocessing ? runProcessing(this.postprocessing, batch) : batch;
  }
}

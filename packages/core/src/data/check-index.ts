import { IndexError } from '../errors/index-error';

/**
 * @internal Resolves a dataset index (negative counts from the end, as Python sequences do) or
 * throws an IndexError naming the index and the length.
 */
export function checkIndex(index: number, length: number, who: string): number {
  if (typeof index !== 'number' || !Number.isInteger(index)) {
    throw new IndexError(`${who}: index must be an integer, got ${typeof index === 'number' ? index : typeof index}`);
  }
  if (index < -length || index >= length) {
    throw new IndexError(`${who}: index ${index} is out of range for a dataset of length ${length}`);
  }
  return index < 0 ? index + length : index;
}

import { Dataset } from '../dataset/dataset';
import { Example } from '../dataset/example';
import type { FieldList } from '../dataset/fields-spec';
import { Field } from '../fields/field';

/** The 12 examples of data_classic.py's iterator cases: `text` of `lens[i]` words, `id` i. */
export async function lengthsDataset(lens = [5, 1, 9, 3, 3, 7, 2, 8, 4, 6, 1, 2]): Promise<Dataset> {
  const TEXT = new Field();
  const ID = new Field({ sequential: false, useVocab: false });
  const fields: FieldList = [
    ['text', TEXT],
    ['id', ID],
  ];
  const ds = new Dataset(
    lens.map((n, i) => Example.fromList([Array.from({ length: n }, (_, j) => `w${j}`).join(' '), i], fields)),
    fields,
  );
  await TEXT.buildVocab(ds);
  return ds;
}

/** The text length of an example of {@link lengthsDataset}. */
export const textLength = (ex: Example) => (ex.text as string[]).length;

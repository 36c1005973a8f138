import { DatasetError } from '@dl/core/node';
import { compareCodePoints } from './internal/compare-code-points';
import { listFolder } from './internal/list-folder';

/**
 * The classes of a folder dataset: their names, sorted, and each name's index.
 *
 * @example
 * ```ts
 * const { classes, classToIdx }: FoundClasses = await findClasses('/data/pets'); // ['cat', 'dog'], { cat: 0, dog: 1 }
 * ```
 */
export interface FoundClasses {
  /** The class folder names, sorted by code point (Python's `sorted`). */
  classes: string[];
  /** Each class name's index in `classes`. */
  classToIdx: Record<string, number>;
}

/**
 * Finds the class folders of a dataset laid out as `directory/<class>/.../<file>`
 * (torchvision's `find_classes`): the names of the sub-folders of `directory` (symlinks to
 * folders count), sorted, and a map from each name to its index.
 *
 * Throws a {@link DatasetError} when `directory` cannot be read or holds no folder
 * (`Couldn't find any class folder in <directory>.`, torchvision's message).
 *
 * @example
 * ```ts
 * // /data/pets/cat/1.png, /data/pets/dog/2.png
 * await findClasses('/data/pets'); // { classes: ['cat', 'dog'], classToIdx: { cat: 0, dog: 1 } }
 * ```
 */
export async function findClasses(directory: string): Promise<FoundClasses> {
  let entries: Awaited<ReturnType<typeof listFolder>>;
  try {
    entries = await listFolder(directory);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    const what = code === 'ENOENT' ? 'no such folder' : code === 'ENOTDIR' ? 'not a folder' : (error as Error).message;
    throw new DatasetError(`findClasses: cannot list the class folders of ${directory}: ${what} (${code})`, { cause: error });
  }
  const classes = entries
    .filter((entry) => entry.isDirectory)
    .map((entry) => entry.name)
    .sort(compareCodePoints);
  if (classes.length === 0) throw new DatasetError(`Couldn't find any class folder in ${directory}.`);
  return { classes, classToIdx: Object.fromEntries(classes.map((name, i) => [name, i])) };
}

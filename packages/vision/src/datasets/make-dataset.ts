import { ValueError } from '@dl/core';
import { DatasetError } from '@dl/core/node';
import { join } from 'node:path';
import { findClasses } from './find-classes';
import { hasFileAllowedExtension } from './has-file-allowed-extension';
import { compareCodePoints } from './internal/compare-code-points';
import { isDirectory } from './internal/list-folder';
import { walkFiles } from './internal/walk-files';

/**
 * Options of {@link makeDataset}.
 *
 * @example
 * ```ts
 * const options: MakeDatasetOptions = { extensions: IMG_EXTENSIONS, allowEmpty: true };
 * ```
 */
export interface MakeDatasetOptions {
  /** The classes to collect and their indices. @default the result of {@link findClasses} on `directory` */
  classToIdx?: Readonly<Record<string, number>>;
  /** File extensions to keep (case-insensitive); excludes `isValidFile`. @default undefined */
  extensions?: string | readonly string[];
  /** Keeps a file when it returns true (given the file's path); excludes `extensions`. @default undefined */
  isValidFile?: (path: string) => boolean;
  /** Accept classes without any valid file instead of throwing. @default false */
  allowEmpty?: boolean;
}

/**
 * One sample of a folder dataset: the file's path and its class index.
 *
 * @example
 * ```ts
 * const [path, classIndex]: FolderSample = ['/data/pets/cat/1.png', 0];
 * ```
 */
export type FolderSample = [path: string, classIndex: number];

/**
 * Lists the samples of a dataset laid out as `directory/<class>/.../<file>` (torchvision's
 * `make_dataset`): for each class in sorted order, every file under its folder (sub-folders and
 * symlinked folders included, as `os.walk(followlinks=True)`), folders in path order and files
 * sorted in each, kept when its name ends with one of `extensions` (ignoring case) or when
 * `isValidFile(path)` says so. Exactly one of `extensions` and `isValidFile` must be given.
 *
 * Throws a {@link ValueError} for an empty `classToIdx` or when both or neither of `extensions`
 * and `isValidFile` are given, and a {@link DatasetError} when a class has no valid file (unless
 * `allowEmpty`), with torchvision's message and the folder: `Found no valid file for the classes
 * cat, dog in /data/pets. Supported extensions are: .jpg, .png`.
 *
 * @example
 * ```ts
 * // /data/pets/cat/1.png, /data/pets/cat/sub/2.PNG, /data/pets/dog/3.jpg
 * await makeDataset('/data/pets', { extensions: ['.png', '.jpg'] });
 * // [['/data/pets/cat/1.png', 0], ['/data/pets/cat/sub/2.PNG', 0], ['/data/pets/dog/3.jpg', 1]]
 * ```
 */
export async function makeDataset(directory: string, options: MakeDatasetOptions = {}): Promise<FolderSample[]> {
  const { extensions, isValidFile, allowEmpty = false } = options;
  const classToIdx = options.classToIdx ?? (await findClasses(directory)).classToIdx;
  const names = Object.keys(classToIdx).sort(compareCodePoints);
  if (names.length === 0) throw new ValueError("makeDataset: 'classToIdx' must have at least one entry to collect any samples.");
  if ((extensions === undefined) === (isValidFile === undefined)) {
    throw new ValueError('makeDataset: Both extensions and isValidFile cannot be undefined or defined at the same time');
  }
  const keep = isValidFile ?? ((path: string) => hasFileAllowedExtension(path, extensions!));

  const perClass = await Promise.all(
    names.map(async (name) => {
      const folder = join(directory, name);
      if (!(await isDirectory(folder))) return [];
      return (await walkFiles(folder)).filter((path) => keep(path));
    }),
  );

  const samples: FolderSample[] = [];
  const empty: string[] = [];
  names.forEach((name, i) => {
    const index = classToIdx[name]!;
    for (const path of perClass[i]!) samples.push([path, index]);
    if (perClass[i]!.length === 0) empty.push(name);
  });
  if (empty.length > 0 && !allowEmpty) {
    let message = `Found no valid file for the classes ${empty.join(', ')} in ${directory}. `;
    if (extensions !== undefined) {
      message += `Supported extensions are: ${typeof extensions === 'string' ? extensions : extensions.join(', ')}`;
    }
    throw new DatasetError(message);
  }
  return samples;
}

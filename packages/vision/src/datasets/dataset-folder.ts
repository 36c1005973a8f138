import { ArgumentTypeError } from '@dl/core';
import type { DatasetResource, VisionDatasetOptions } from '@dl/core/node';
import { findClasses, type FoundClasses } from './find-classes';
import { makeDataset, type FolderSample, type MakeDatasetOptions } from './make-dataset';
import { VisionDataset } from './vision-dataset';

/**
 * Options of {@link DatasetFolder}.
 *
 * @example
 * ```ts
 * const options: DatasetFolderOptions<string> = { loader: (p) => readFile(p, 'utf8'), extensions: ['.txt'], allowEmpty: true };
 * ```
 */
export interface DatasetFolderOptions<S, TX = S, TY = number>
  extends Omit<VisionDatasetOptions<S, number, TX, TY>, 'transforms' | 'download' | 'downloadOptions'> {
  /** Reads one sample given its path (may be async). */
  loader: (path: string) => S | Promise<S>;
  /** File extensions to keep (case-insensitive); excludes `isValidFile`. @default undefined */
  extensions?: string | readonly string[];
  /** Keeps a file when it returns true (given its path); excludes `extensions`. @default undefined */
  isValidFile?: (path: string) => boolean;
  /** Accept class folders without any valid file instead of throwing. @default false */
  allowEmpty?: boolean;
}

interface Index {
  classes: string[];
  classToIdx: Record<string, number>;
  samples: FolderSample[];
  targets: number[];
}

/**
 * A generic dataset of files laid out by class (torchvision's `DatasetFolder`):
 *
 * ```text
 * root/class_x/xxx.ext
 * root/class_x/nested/xxz.ext
 * root/class_y/123.ext
 * ```
 *
 * Classes are the sorted sub-folder names of `root` ({@link findClasses}); samples are the files
 * under each ({@link makeDataset}), kept by `extensions` or `isValidFile`. Each item is
 * `[loader(path), classIndex]`, transformed; when `loader` is async, `getItem` returns a Promise.
 * `root` is the folder of class folders itself (nothing is downloaded). The folder is scanned by
 * `prepare()` (or the first `getItem`); `classes`, `classToIdx`, `samples` and `targets` are
 * read after that. Override `findClasses` or `makeDataset` in a subclass to change the layout.
 *
 * Throws a `DatasetError` when `root` has no class folder or a class folder has no valid file
 * (unless `allowEmpty`), a `ValueError` when both or neither of `extensions` and `isValidFile`
 * are given.
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * const texts = await new DatasetFolder('/data/reviews', {
 *   loader: (path) => readFile(path, 'utf8'),
 *   extensions: ['.txt'],
 * }).prepare();
 * texts.classes; // ['negative', 'positive']
 * const [text, label] = await texts.getItem(0);
 * ```
 */
export class DatasetFolder<S, TX = S, TY = number> extends VisionDataset<S, number, TX, TY> {
  /** Nothing to download: the files are already in `root`. */
  protected readonly resources: readonly DatasetResource[] = [];
  /** Reads one sample given its path. */
  readonly loader: (path: string) => S | Promise<S>;
  /** The extensions files are kept by, if given. */
  readonly extensions: string | readonly string[] | undefined;
  /** The file filter, if given. */
  readonly isValidFile: ((path: string) => boolean) | undefined;
  /** Whether class folders without valid files are accepted. */
  readonly allowEmpty: boolean;

  private index: Index | undefined;

  constructor(root: string, options: DatasetFolderOptions<S, TX, TY>) {
    super(root, options);
    const { loader } = options ?? {};
    if (typeof loader !== 'function') {
      throw new ArgumentTypeError(`${new.target.name}: expected options.loader to be a function (path) => sample, got ${loader === null ? 'null' : typeof loader}`);
    }
    this.loader = loader;
    this.extensions = options.extensions;
    this.isValidFile = options.isValidFile;
    this.allowEmpty = options.allowEmpty ?? false;
  }

  /** The repr's title: the class's name (`DatasetFolder`, `ImageFolder`, or a subclass's). */
  get name(): string {
    return this.constructor.name;
  }

  /** The class folders' root: `root` itself (no sub-folder named after the dataset). */
  override get folder(): string {
    return this.root;
  }

  /** The class names, sorted. */
  get classes(): string[] {
    return this.scanned().classes;
  }

  /** Each class name's index. */
  get classToIdx(): Record<string, number> {
    return this.scanned().classToIdx;
  }

  /** Every sample: `[path, classIndex]`. */
  get samples(): FolderSample[] {
    return this.scanned().samples;
  }

  /** The class index of every sample. */
  get targets(): number[] {
    return this.scanned().targets;
  }

  get length(): number {
    return this.scanned().samples.length;
  }

  /**
   * Finds the classes under `directory` (the root); override to consider a subset of the
   * folders or another layout. @default {@link findClasses}
   */
  findClasses(directory: string): Promise<FoundClasses> {
    return findClasses(directory);
  }

  /** Lists the samples under `directory` for `classToIdx`; override to read another layout. @default {@link makeDataset} */
  makeDataset(directory: string, options: MakeDatasetOptions & { classToIdx: Readonly<Record<string, number>> }): Promise<FolderSample[]> {
    return makeDataset(directory, options);
  }

  /** The folder is scanned by `load()`, which says precisely what is missing. */
  protected override async checkExists(): Promise<boolean> {
    return true;
  }

  protected async load(): Promise<void> {
    const { classes, classToIdx } = await this.findClasses(this.root);
    const samples = await this.makeDataset(this.root, {
      classToIdx,
      extensions: this.extensions,
      isValidFile: this.isValidFile,
      allowEmpty: this.allowEmpty,
    });
    this.index = { classes, classToIdx, samples, targets: samples.map((s) => s[1]) };
  }

  protected loadItem(i: number): [S, number] | Promise<[S, number]> {
    const [path, target] = this.index!.samples[i]!;
    const sample = this.loader(path);
    return sample instanceof Promise ? sample.then((s): [S, number] => [s, target]) : [sample, target];
  }

  private scanned(): Index {
    this.ensurePrepared();
    return this.index!;
  }
}

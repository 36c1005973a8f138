import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { inspect } from 'node:util';
import { checkIndex } from '../data/check-index';
import { Dataset } from '../data/dataset';
import { ValueError } from '../errors/value-error';
import { downloadResource, resourcePath, type DatasetDownloadOptions, type DatasetResource } from './dataset-resource';
import { DatasetError } from './errors/dataset-error';

/** Options every {@link VisionDataset} takes (torchvision's `transform`, `target_transform`, `transforms`, `download`). */
export interface VisionDatasetOptions<X, Y, TX = X, TY = Y> {
  /** Applied to each input. @default undefined */
  transform?: (input: X) => TX;
  /** Applied to each target. @default undefined */
  targetTransform?: (target: Y) => TY;
  /** Applied to each (input, target) pair; excludes `transform` and `targetTransform`. @default undefined */
  transforms?: (input: X, target: Y) => [TX, TY];
  /** Download the files when they are missing from the dataset folder. @default false */
  download?: boolean;
  /** Settings for the downloads (progress, retries, timeout, headers, ca, ...). @default {} */
  downloadOptions?: DatasetDownloadOptions;
}

/**
 * Base class of datasets kept in a folder, like torchvision's `VisionDataset` (any modality fits):
 * it holds `root` and the transforms, downloads its `resources` on request, and implements the
 * map-style {@link Dataset} contract (`getItem`, `length`) over a subclass's `loadItem`.
 *
 * A subclass sets `name` and `resources`, and implements `load()` (read the files, once) and
 * `loadItem(index)` (one raw item) and `length`. Files live in `join(root, name)`. Downloads and
 * reads are async, so construct, then `await dataset.prepare()` (it resolves with the dataset);
 * `getItem` on an unprepared dataset prepares it first.
 *
 * @example
 * ```ts
 * class Lines extends VisionDataset<string, number> {
 *   readonly name = 'Lines';
 *   protected readonly resources = [{ url: 'https://example.org/lines.txt', sha256: '…' }];
 *   private rows: string[] = [];
 *   protected async load() { this.rows = (await readFile(join(this.folder, 'lines.txt'), 'utf8')).split('\n'); }
 *   protected loadItem(i: number): [string, number] { return [this.rows[i], i]; }
 *   get length() { return this.rows.length; }
 * }
 * const lines = await new Lines('/data', { download: true, transform: (s) => s.toUpperCase() }).prepare();
 * String(lines); // 'Dataset Lines\n    Number of datapoints: …\n    Root location: /data'
 * ```
 */
export abstract class VisionDataset<X, Y, TX = X, TY = Y> extends Dataset<[TX, TY]> {
  /** The dataset's name: the title of its repr and the name of its folder under `root`. */
  abstract readonly name: string;
  /** The folder datasets are kept in (absolute). */
  readonly root: string;
  /** Applied to each input. */
  readonly transform: ((input: X) => TX) | undefined;
  /** Applied to each target. */
  readonly targetTransform: ((target: Y) => TY) | undefined;
  /** Applied to each (input, target) pair. */
  readonly transforms: ((input: X, target: Y) => [TX, TY]) | undefined;
  /** Whether missing files are downloaded. */
  readonly download: boolean;
  /** Settings for the downloads. */
  protected readonly downloadOptions: DatasetDownloadOptions;
  /** The files this dataset downloads (its download metadata). */
  protected abstract readonly resources: readonly DatasetResource[];

  private preparing: Promise<void> | undefined;
  private prepared = false;

  constructor(root: string, options: VisionDatasetOptions<X, Y, TX, TY> = {}) {
    super();
    if (typeof root !== 'string' || root === '') {
      throw new ValueError(`${new.target.name}: root must be a folder path, got ${root === '' ? "''" : typeof root}`);
    }
    if (options.transforms && (options.transform || options.targetTransform)) {
      throw new ValueError(`${new.target.name}: pass transforms, or transform and targetTransform, not both`);
    }
    this.root = resolve(root);
    this.transform = options.transform;
    this.targetTransform = options.targetTransform;
    this.transforms = options.transforms;
    this.download = options.download ?? false;
    this.downloadOptions = options.downloadOptions ?? {};
  }

  /** The folder this dataset's files live in: `join(root, name)`. */
  get folder(): string {
    return join(this.root, this.name);
  }

  /** Whether `prepare()` has finished. */
  get isPrepared(): boolean {
    return this.prepared;
  }

  /**
   * Downloads the files when `download` is set and they are missing, checks they are there
   * (else a {@link DatasetError}), and loads them; resolves with the dataset. Later calls
   * return at once.
   *
   * @example
   * ```ts
   * const train = await new Iris('./data', { download: true }).prepare();
   * ```
   */
  async prepare(): Promise<this> {
    this.preparing ??= (async () => {
      if (this.download && !(await this.checkExists())) await this.downloadFiles();
      if (!(await this.checkExists())) {
        throw new DatasetError(
          `${this.name}: dataset not found in ${this.folder}${this.download ? ' after downloading it' : '; pass download: true to download it'}`,
        );
      }
      await this.load();
      this.prepared = true;
    })();
    try {
      await this.preparing;
    } catch (error) {
      this.preparing = undefined; // let a later call try again
      throw error;
    }
    return this;
  }

  /** The (transformed) item at `index`; negative indices count from the end. */
  getItem(index: number): [TX, TY] | Promise<[TX, TY]> {
    if (!this.prepared) return this.prepare().then(() => this.getItem(index));
    const raw = this.loadItem(checkIndex(index, this.length, this.name));
    return raw instanceof Promise ? raw.then((item) => this.applyTransforms(item)) : this.applyTransforms(raw);
  }

  /** Reads the dataset's files into memory (or indexes them); called once by `prepare()`. */
  protected abstract load(): Promise<void>;

  /** The raw (untransformed) item at a valid index `0 <= index < length`. */
  protected abstract loadItem(index: number): [X, Y] | Promise<[X, Y]>;

  /** Whether the files are in `folder`; by default, whether every resource's file is there. */
  protected async checkExists(): Promise<boolean> {
    for (const resource of this.resources) {
      if (!(await isFile(resourcePath(resource, this.folder)))) return false;
    }
    return true;
  }

  /** Downloads (and extracts) every resource into `folder`. */
  protected async downloadFiles(): Promise<void> {
    for (const resource of this.resources) await downloadResource(resource, this.folder, this.downloadOptions);
  }

  /** Extra lines for the repr (split, train/test, ...), like torchvision's `extra_repr`. */
  protected extraRepr(): string {
    return '';
  }

  /** Throws a {@link DatasetError} unless `prepare()` has finished; for `length` getters. */
  protected ensurePrepared(): void {
    if (!this.prepared) {
      throw new DatasetError(`${this.name}: not prepared yet; call await dataset.prepare() first`);
    }
  }

  /** The repr torchvision prints: name, number of datapoints, root, extra lines and transforms. */
  override toString(): string {
    const body = [
      `Number of datapoints: ${this.prepared ? this.length : '? (not prepared)'}`,
      `Root location: ${this.root}`,
      ...this.extraRepr().split('\n').filter((line) => line !== ''),
    ];
    if (this.transforms) body.push(`Transforms: ${describe(this.transforms)}`);
    if (this.transform || this.targetTransform) {
      body.push('StandardTransform');
      if (this.transform) body.push(`Transform: ${describe(this.transform)}`);
      if (this.targetTransform) body.push(`Target transform: ${describe(this.targetTransform)}`);
    }
    return [`Dataset ${this.name}`, ...body.map((line) => `    ${line}`)].join('\n');
  }

  /** Node's `console.log` shows the repr. */
  [inspect.custom](): string {
    return this.toString();
  }

  private applyTransforms([input, target]: [X, Y]): [TX, TY] {
    if (this.transforms) return this.transforms(input, target);
    return [
      this.transform ? this.transform(input) : (input as unknown as TX),
      this.targetTransform ? this.targetTransform(target) : (target as unknown as TY),
    ];
  }
}

function describe(fn: (...args: never[]) => unknown): string {
  if (fn.toString !== Function.prototype.toString) return String(fn);
  return fn.name ? `${fn.name}()` : '<function>';
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DatasetError, VisionDataset, type DatasetResource, type VisionDatasetOptions } from '@dl/core/node';
import { tensor, type Tensor } from '@dl/core';

/** Options of {@link __Name__}. */
export type __Name__Options<TX = Tensor, TY = number> = VisionDatasetOptions<Tensor, number, TX, TY>;

/**
 * __description__. Each item is `[features, label]`: a float32 Tensor of the numeric columns
 * and the index of the class named in the last column (see `classes`).
 *
 * The archive is downloaded from `__Name__.resources` (checksum verified) into `root/__Name__`.
 *
 * @example
 * ```ts
 * import { DataLoader } from '@dl/core';
 * import { __Name__ } from '@dl/datasets-__name__';
 * const data = await new __Name__('./data', { download: true }).prepare();
 * for await (const [x, y] of new DataLoader(data, { batchSize: 16, shuffle: true })) {
 *   // x: Tensor [16, features], y: Tensor [16]
 * }
 * ```
 */
export class __Name__<TX = Tensor, TY = number> extends VisionDataset<Tensor, number, TX, TY> {
  /** Where the data comes from: the download metadata. */
  static readonly resources: readonly DatasetResource[] = [
    {
      url: '__url__',
      sha256: '__sha256__',
      extract: true,
    },
  ];
  /** The CSV file inside the archive. */
  static readonly dataFile = '__file__';

  readonly name = '__Name__';
  protected readonly resources = __Name__.resources;

  /** The class names, in label order (as they first appear in the file). */
  classes: string[] = [];
  private features: Float32Array[] = [];
  private labels: number[] = [];

  constructor(root: string, options: __Name__Options<TX, TY> = {}) {
    super(root, options);
  }

  get length(): number {
    this.ensurePrepared();
    return this.labels.length;
  }

  protected override async checkExists(): Promise<boolean> {
    return (await super.checkExists()) && (await access(this.dataPath()).then(() => true, () => false));
  }

  protected async load(): Promise<void> {
    const text = await readFile(this.dataPath(), 'utf8');
    const index = new Map<string, number>();
    text.split(/\r?\n/).forEach((line, row) => {
      if (line.trim() === '') return;
      const cells = line.split(',').map((cell) => cell.trim());
      const label = cells.pop()!;
      const values = cells.map(Number);
      if (values.length === 0 || values.some((v) => Number.isNaN(v))) {
        throw new DatasetError(`${this.name}: line ${row + 1} of ${this.dataPath()} is not numbers then a label: '${line}'`);
      }
      if (this.features.length > 0 && values.length !== this.features[0]!.length) {
        throw new DatasetError(
          `${this.name}: line ${row + 1} of ${this.dataPath()} has ${values.length} features, expected ${this.features[0]!.length}`,
        );
      }
      if (!index.has(label)) index.set(label, index.size);
      this.features.push(Float32Array.from(values));
      this.labels.push(index.get(label)!);
    });
    this.classes = [...index.keys()];
  }

  protected loadItem(i: number): [Tensor, number] {
    return [tensor(this.features[i]!), this.labels[i]!];
  }

  protected override extraRepr(): string {
    return `Classes: ${this.classes.join(', ')}`;
  }

  private dataPath(): string {
    return join(this.folder, (this.constructor as typeof __Name__).dataFile);
  }
}

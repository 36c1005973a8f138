import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DatasetError, VisionDataset, type DatasetResource, type VisionDatasetOptions } from '@dl/core/node';
import { tensor, type Tensor } from '@dl/core';

/** Options of {@link Iris}. */
export interface IrisOptions<TX = Tensor, TY = number> extends VisionDatasetOptions<Tensor, number, TX, TY> {
  /**
   * Read `bezdekIris.data`, whose samples 35 and 38 match Fisher's paper (as scikit-learn's copy
   * does), instead of UCI's original `iris.data`, which has two wrong values there. @default true
   */
  corrected?: boolean;
}

/**
 * Fisher's Iris flower measurements: 150 flowers, 4 features, 3 species, from the UCI Machine
 * Learning Repository. Each item is `[features, label]`: a float32 Tensor of sepal length,
 * sepal width, petal length and petal width (cm), and the species index into {@link Iris.classes}.
 *
 * The archive is downloaded from `Iris.resources` (SHA-256 verified) into `root/Iris`.
 *
 * @example
 * ```ts
 * import { DataLoader } from '@dl/core';
 * import { Iris } from '@dl/datasets-iris';
 * const data = await new Iris('./data', { download: true }).prepare();
 * for await (const [x, y] of new DataLoader(data, { batchSize: 16, shuffle: true })) {
 *   // x: Tensor [16, 4], y: Tensor [16]
 * }
 * ```
 */
export class Iris<TX = Tensor, TY = number> extends VisionDataset<Tensor, number, TX, TY> {
  /** Where the data comes from: the download metadata. */
  static readonly resources: readonly DatasetResource[] = [
    {
      url: 'https://archive.ics.uci.edu/static/public/53/iris.zip',
      sha256: 'd11fe30213d36434a0879aab7cb00ce3c812eb7ba2495874438abff7b7b762e9',
      extract: true,
    },
  ];
  /** The species, in label order. */
  static readonly classes: readonly string[] = ['Iris-setosa', 'Iris-versicolor', 'Iris-virginica'];
  /** The four measurements, in feature order. */
  static readonly featureNames: readonly string[] = [
    'sepal length (cm)',
    'sepal width (cm)',
    'petal length (cm)',
    'petal width (cm)',
  ];

  readonly name = 'Iris';
  protected readonly resources = Iris.resources;
  /** Whether the corrected file (`bezdekIris.data`) is read. */
  readonly corrected: boolean;
  /** The species names, in label order. */
  readonly classes = Iris.classes;

  private features: Float32Array[] = [];
  private labels: number[] = [];

  constructor(root: string, options: IrisOptions<TX, TY> = {}) {
    super(root, options);
    this.corrected = options.corrected ?? true;
  }

  /** The data file read from the archive. */
  get dataFile(): string {
    return this.corrected ? 'bezdekIris.data' : 'iris.data';
  }

  get length(): number {
    this.ensurePrepared();
    return this.labels.length;
  }

  protected override async checkExists(): Promise<boolean> {
    return (await super.checkExists()) && (await access(this.dataPath()).then(() => true, () => false));
  }

  protected async load(): Promise<void> {
    const path = this.dataPath();
    const text = await readFile(path, 'utf8');
    const features: Float32Array[] = [];
    const labels: number[] = [];
    text.split(/\r?\n/).forEach((line, row) => {
      if (line.trim() === '') return;
      const cells = line.split(',').map((cell) => cell.trim());
      const label = this.classes.indexOf(cells.pop() ?? '');
      const values = cells.map(Number);
      if (values.length !== 4 || values.some((v) => Number.isNaN(v)) || label < 0) {
        throw new DatasetError(
          `${this.name}: line ${row + 1} of ${path} is not 4 measurements and a species (${this.classes.join(', ')}): '${line}'`,
        );
      }
      features.push(Float32Array.from(values));
      labels.push(label);
    });
    this.features = features;
    this.labels = labels;
  }

  protected loadItem(i: number): [Tensor, number] {
    return [tensor(this.features[i]!), this.labels[i]!];
  }

  protected override extraRepr(): string {
    return `File: ${this.dataFile}${this.corrected ? ' (corrected)' : ''}`;
  }

  private dataPath(): string {
    return join(this.folder, this.dataFile);
  }
}

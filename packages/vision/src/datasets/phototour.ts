import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { IndexError, ValueError, type ModuleExport } from '@dl/core';
import { DatasetError, downloadResource, extractArchive, type DatasetResource, type VisionDatasetOptions } from '@dl/core/node';
import { Image } from '../image/image';
import { openPatchStore, PATCH_SIZE, type PatchStore } from './internal/patch-store';
import { readInfoFile, readMatchesFile } from './internal/phototour-text-files';
import { VisionDataset } from './vision-dataset';

/**
 * The six PhotoTour sets.
 *
 * @example
 * ```ts
 * const name: PhotoTourName = 'notredame_harris';
 * ```
 */
export type PhotoTourName = 'notredame' | 'yosemite' | 'liberty' | 'notredame_harris' | 'yosemite_harris' | 'liberty_harris';

/**
 * A PhotoTour input: one patch (`train: true`) or a pair of patches (`train: false`).
 *
 * @example
 * ```ts
 * const single: PhotoTourInput<Image, true> = patch; // train: true
 * const pair: PhotoTourInput<Image, false> = [patch1, patch2]; // train: false
 * ```
 */
export type PhotoTourInput<P, Train extends boolean> = Train extends false ? [P, P] : P;

/**
 * A PhotoTour item: `[patch, pointId]` for training (the patch and its 3D point id from
 * `info.txt`), `[[patch1, patch2], match]` for testing (a pair and 1 when both show the same 3D
 * point, else 0).
 *
 * @example
 * ```ts
 * const [pair, match]: PhotoTourItem<Image, false> = await test.getItem(0);
 * ```
 */
export type PhotoTourItem<T, Train extends boolean> = [PhotoTourInput<T, Train>, number];

/**
 * Options of {@link PhotoTour}.
 *
 * @example
 * ```ts
 * const options: PhotoTourOptions<Tensor, false> = { train: false, transform: new ToTensor(), download: true };
 * ```
 */
export interface PhotoTourOptions<T = Image, Train extends boolean = true>
  extends Omit<VisionDatasetOptions<Image, number, T, number>, 'transforms' | 'targetTransform'> {
  /** Serve single patches (true) or the pairs of the matches file (false). @default true */
  train?: Train;
  /** Applied to each patch (to both patches of a pair). @default undefined */
  transform?: (patch: Image) => T;
}

const NAMES: readonly PhotoTourName[] = ['notredame', 'yosemite', 'liberty', 'notredame_harris', 'yosemite_harris', 'liberty_harris'];

/**
 * The Multi-view Stereo Correspondence dataset of Brown et al. (torchvision's `PhotoTour`):
 * 64x64 grayscale patches around interest points in photos of Notre Dame, Yosemite and the Statue
 * of Liberty, for learning local descriptors. The zip archive (real URL and MD5 in
 * `PhotoTour.urls`) is downloaded to `root/<name>.zip` and extracted into `root/<name>`: 1024x1024
 * BMP sheets of 16x16 patches, `info.txt` (each patch's 3D point id) and
 * `m50_100000_100000_0.txt` (100,000 matching and non-matching pairs).
 *
 * Items differ from torchvision's by design (each is a typed `[input, target]` pair): with
 * `train: true` (default) `[patch, pointId]` where torchvision gives the patch alone; with
 * `train: false` `[[patch1, patch2], match]` where torchvision gives `(patch1, patch2, match)`.
 * Patches are `L` {@link Image}s (torchvision: uint8 tensors); `transform` applies to each.
 *
 * The first `prepare()` cuts the sheets (decoded synchronously) into `root/<name>.patches`
 * (a 16-byte header and the raw patches, as torchvision caches `root/<name>.pt`); items are then
 * read from that file, so DataLoader workers share the OS cache instead of each holding 2 GB.
 *
 * @example
 * ```ts
 * const train = await new PhotoTour('./data', 'liberty', { download: true }).prepare();
 * const [patch, pointId] = train.getItem(0); // <Image mode=L size=64x64>, 0
 * const test = await new PhotoTour('./data', 'liberty', { train: false }).prepare();
 * const [[a, b], match] = test.getItem(0); // match: 1 or 0
 * ```
 */
export class PhotoTour<T = Image, Train extends boolean = true> extends VisionDataset<
  PhotoTourInput<Image, Train>,
  number,
  PhotoTourInput<T, Train>,
  number
> {
  /** Per set: `[url, filename, md5]` (torchvision's `urls`). */
  static readonly urls: Readonly<Record<PhotoTourName, readonly [string, string, string]>> = {
    notredame_harris: ['http://matthewalunbrown.com/patchdata/notredame_harris.zip', 'notredame_harris.zip', '69f8c90f78e171349abdf0307afefe4d'],
    yosemite_harris: ['http://matthewalunbrown.com/patchdata/yosemite_harris.zip', 'yosemite_harris.zip', 'a73253d1c6fbd3ba2613c45065c00d46'],
    liberty_harris: ['http://matthewalunbrown.com/patchdata/liberty_harris.zip', 'liberty_harris.zip', 'c731fcfb3abb4091110d0ae8c7ba182c'],
    notredame: ['http://icvl.ee.ic.ac.uk/vbalnt/notredame.zip', 'notredame.zip', '509eda8535847b8c0a90bbb210c83484'],
    yosemite: ['http://icvl.ee.ic.ac.uk/vbalnt/yosemite.zip', 'yosemite.zip', '533b2e8eb7ede31be40abc317b2fd4f0'],
    liberty: ['http://icvl.ee.ic.ac.uk/vbalnt/liberty.zip', 'liberty.zip', 'fdd9152f138ea5ef2091746689176414'],
  };
  /** Mean pixel value (in [0, 1]) per set. */
  static readonly means: Readonly<Record<PhotoTourName, number>> = {
    notredame: 0.4854,
    yosemite: 0.4844,
    liberty: 0.4437,
    notredame_harris: 0.4854,
    yosemite_harris: 0.4844,
    liberty_harris: 0.4437,
  };
  /** Pixel standard deviation (in [0, 1]) per set. */
  static readonly stds: Readonly<Record<PhotoTourName, number>> = {
    notredame: 0.1864,
    yosemite: 0.1818,
    liberty: 0.2019,
    notredame_harris: 0.1864,
    yosemite_harris: 0.1818,
    liberty_harris: 0.2019,
  };
  /** Number of patches per set (the last sheet is partly blank). */
  static readonly lens: Readonly<Record<PhotoTourName, number>> = {
    notredame: 468159,
    yosemite: 633587,
    liberty: 450092,
    liberty_harris: 379587,
    yosemite_harris: 450912,
    notredame_harris: 325295,
  };
  /** The sheets' file name ending. */
  static readonly imageExt = 'bmp';
  /** The file of 3D point ids. */
  static readonly infoFile = 'info.txt';
  /** The file of matching pairs. */
  static readonly matchesFiles = 'm50_100000_100000_0.txt';

  readonly name: string = 'PhotoTour';
  /** Which set: `notredame`, `yosemite`, `liberty` or their `_harris` variants (torchvision's `name`). */
  readonly subset: PhotoTourName;
  /** Whether items are single patches (true) or pairs (false). */
  readonly train: Train;
  /** The archive to download. */
  protected readonly resources: readonly DatasetResource[];
  private readonly photoTourOptions: PhotoTourOptions<T, Train>;
  private readonly patchTransform: ((patch: Image) => T) | undefined;
  private store: PatchStore | undefined;
  private labelList: Int32Array = new Int32Array(0);
  private matchList: Int32Array = new Int32Array(0);

  constructor(root: string, name: PhotoTourName, options: PhotoTourOptions<T, Train> = {}) {
    // The base applies `transform` to a whole input; PhotoTour applies it per patch in getItem.
    super(root, options as VisionDatasetOptions<PhotoTourInput<Image, Train>, number, PhotoTourInput<T, Train>, number>);
    if (!NAMES.includes(name)) {
      throw new ValueError(`PhotoTour: Unknown value '${String(name)}' for argument name. Valid values are {'${NAMES.join("', '")}'}.`);
    }
    this.subset = name;
    this.train = (options.train ?? true) as Train;
    this.photoTourOptions = options;
    this.patchTransform = options.transform;
    const [url, filename, md5] = PhotoTour.urls[name];
    this.resources = [{ url, filename, md5 }];
  }

  /** The extracted files: `root/<name>`. */
  override get folder(): string {
    return join(this.root, this.subset);
  }

  /** The patch cache: `root/<name>.patches`. */
  get cacheFile(): string {
    return join(this.root, `${this.subset}.patches`);
  }

  /** The set's mean pixel value, for `Normalize`. */
  get mean(): number {
    return PhotoTour.means[this.subset];
  }

  /** The set's pixel standard deviation, for `Normalize`. */
  get std(): number {
    return PhotoTour.stds[this.subset];
  }

  /** Each patch's 3D point id (`info.txt`). */
  get labels(): Int32Array {
    this.ensurePrepared();
    return this.labelList;
  }

  /** The pairs, flat: `[patch1, patch2, match]` per pair. */
  get matches(): Int32Array {
    this.ensurePrepared();
    return this.matchList;
  }

  get length(): number {
    this.ensurePrepared();
    return this.train ? this.store!.count : this.matchList.length / 3;
  }

  /** The item at `index` (negative counts from the end); synchronous once prepared. */
  override getItem(index: number): PhotoTourItem<T, Train> | Promise<PhotoTourItem<T, Train>> {
    if (!this.isPrepared) return this.prepare().then(() => this.getItem(index));
    const [input, target] = this.loadItem(resolveIndex(index, this.length, this.name));
    const t = this.patchTransform;
    if (!t) return [input, target] as unknown as PhotoTourItem<T, Train>;
    const out = this.train ? t(input as Image) : (input as [Image, Image]).map((patch) => t(patch));
    return [out, target] as unknown as PhotoTourItem<T, Train>;
  }

  /** Closes the patch cache file. */
  close(): void {
    this.store?.close();
  }

  /** Rebuilds with `(root, name, options)`. */
  override workerSpec(): ModuleExport | undefined {
    const spec = super.workerSpec();
    return spec && { ...spec, args: [this.rootLocation, this.subset, this.photoTourOptions] };
  }

  /** The patches count as there when the text files are (the sheets are needed only without a cache). */
  protected override async checkExists(): Promise<boolean> {
    const files = [PhotoTour.infoFile, PhotoTour.matchesFiles].map((f) => join(this.folder, f));
    return (await Promise.all(files.map((f) => access(f).then(() => true, () => false)))).every(Boolean);
  }

  /** Downloads the zip into `root`, extracts it into `root/<name>` and deletes it (as torchvision). */
  protected override async downloadFiles(): Promise<void> {
    for (const resource of this.resources) {
      const zip = await downloadResource({ ...resource, extract: false }, this.root, this.downloadOptions);
      await extractArchive(zip, this.folder, { removeFinished: true, format: 'zip' });
    }
  }

  /** How many patches to keep: the set's `lens` entry. */
  protected get patchLimit(): number {
    return PhotoTour.lens[this.subset];
  }

  protected async load(): Promise<void> {
    const store = await openPatchStore(this.folder, this.cacheFile, this.patchLimit, this.name);
    try {
      const infoFile = join(this.folder, PhotoTour.infoFile);
      this.labelList = await readInfoFile(infoFile, this.name);
      if (this.labelList.length < store.count) {
        throw new DatasetError(`${this.name}: ${infoFile} has ${this.labelList.length} lines, but there are ${store.count} patches (one line per patch)`);
      }
      this.matchList = await readMatchesFile(join(this.folder, PhotoTour.matchesFiles), store.count, this.name);
    } catch (error) {
      store.close();
      throw error;
    }
    this.store?.close();
    this.store = store;
  }

  protected loadItem(i: number): [PhotoTourInput<Image, Train>, number] {
    const store = this.store!;
    const patch = (k: number) => new Image(PATCH_SIZE, PATCH_SIZE, 'L', store.read(k));
    if (this.train) return [patch(i) as PhotoTourInput<Image, Train>, this.labelList[i]!];
    const m = this.matchList.subarray(i * 3, i * 3 + 3);
    return [[patch(m[0]!), patch(m[1]!)] as PhotoTourInput<Image, Train>, m[2]!];
  }

  protected override extraRepr(): string {
    return `Split: ${this.train ? 'Train' : 'Test'}`;
  }
}

function resolveIndex(index: number, length: number, who: string): number {
  if (!Number.isInteger(index)) throw new IndexError(`${who}: index must be an integer, got ${typeof index === 'number' ? index : typeof index}`);
  if (index < -length || index >= length) throw new IndexError(`${who}: index ${index} is out of range for a dataset of length ${length}`);
  return index < 0 ? index + length : index;
}

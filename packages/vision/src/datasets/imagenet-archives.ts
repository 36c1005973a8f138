import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { checkIntegrity, DatasetError, extractArchive } from '@dl/core/node';
import { matStruct, matToNumber, matToString } from './mat/mat-access';
import { readMatFile } from './mat/read-mat';

/**
 * The three ImageNet 2012 archives: file name and MD5 (torchvision's `ARCHIVE_META`).
 *
 * @example
 * ```ts
 * const [file, md5] = IMAGENET_ARCHIVES.val; // 'ILSVRC2012_img_val.tar', '29b22e2961454d5413ddabcf34fc5622'
 * ```
 */
export interface ImageNetArchives {
  train: readonly [string, string];
  val: readonly [string, string];
  devkit: readonly [string, string];
}

/**
 * The archives of ImageNet's 2012 classification challenge (ILSVRC2012) and their MD5s, as
 * torchvision lists them. They cannot be downloaded automatically: get them from
 * https://image-net.org/ and place them in the dataset's root.
 *
 * @example
 * ```ts
 * IMAGENET_ARCHIVES.devkit; // ['ILSVRC2012_devkit_t12.tar.gz', 'fa75699e90414af021442c21a62c3abf']
 * ```
 */
export const IMAGENET_ARCHIVES: ImageNetArchives = Object.freeze({
  train: ['ILSVRC2012_img_train.tar', '1d675b47d978889d74fa0da5fadfb00e'] as const,
  val: ['ILSVRC2012_img_val.tar', '29b22e2961454d5413ddabcf34fc5622'] as const,
  devkit: ['ILSVRC2012_devkit_t12.tar.gz', 'fa75699e90414af021442c21a62c3abf'] as const,
});

/**
 * The metadata file {@link parseDevkitArchive} writes in the root (torchvision writes `meta.bin` with torch.save).
 *
 * @example
 * ```ts
 * await readFile(join(root, IMAGENET_META_FILE), 'utf8');
 * ```
 */
export const IMAGENET_META_FILE = 'meta.json';

/**
 * What the devkit tells: each leaf synset's words, and the synset of each validation image, in order.
 *
 * @example
 * ```ts
 * const meta: ImageNetMeta = await loadImageNetMeta('/data/imagenet');
 * ```
 */
export interface ImageNetMeta {
  /** WordNet id to class names (`'n01440764'` -> `['tench', 'Tinca tinca']`). */
  wnidToClasses: Record<string, string[]>;
  /** The WordNet id of validation image 1, 2, ... (from the ground truth file). */
  valWnids: string[];
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Throws a {@link DatasetError} unless `root/file` is there with its MD5 (torchvision's
 * `_verify_archive`), saying where to get it.
 *
 * @example
 * ```ts
 * await verifyImageNetArchive('/data/imagenet', ...IMAGENET_ARCHIVES.devkit);
 * ```
 */
export async function verifyImageNetArchive(root: string, file: string, md5: string): Promise<void> {
  const path = join(root, file);
  if (await checkIntegrity(path, { md5 })) return;
  const why = (await exists(path)) ? 'is corrupted (its MD5 is not' : 'is not present (expected MD5';
  throw new DatasetError(
    `ImageNet: the archive ${file} ${why} ${md5}) in ${root}. ImageNet cannot be downloaded automatically: download ${file} from https://image-net.org/ and place it in ${root}.`,
  );
}

/**
 * Reads the devkit archive (`ILSVRC2012_devkit_t12.tar.gz`): the leaf synsets of `data/meta.mat`
 * (its struct array `synsets`, those with `num_children == 0`: their `ILSVRC2012_ID`, `WNID` and
 * comma-separated `words`) and `data/ILSVRC2012_validation_ground_truth.txt`, then writes
 * {@link IMAGENET_META_FILE} in `root` (torchvision's `parse_devkit_archive`, which writes
 * `meta.bin`). Resolves with the metadata.
 *
 * @example
 * ```ts
 * const { wnidToClasses } = await parseDevkitArchive('/data/imagenet');
 * wnidToClasses.n01440764; // ['tench', 'Tinca tinca']
 * ```
 */
export async function parseDevkitArchive(root: string, file: string = IMAGENET_ARCHIVES.devkit[0], md5: string = IMAGENET_ARCHIVES.devkit[1]): Promise<ImageNetMeta> {
  await verifyImageNetArchive(root, file, md5);
  const tmp = await mkdtemp(join(root, '.dl-devkit-'));
  try {
    await extractArchive(join(root, file), tmp);
    const data = join(tmp, 'ILSVRC2012_devkit_t12', 'data');
    const metaPath = join(data, 'meta.mat');
    if (!(await exists(metaPath))) throw new DatasetError(`ImageNet: ${join(root, file)} holds no ILSVRC2012_devkit_t12/data/meta.mat`);
    const synsets = matStruct((await readMatFile(metaPath)).synsets, `ImageNet: ${file}: meta.mat: synsets`, ['ILSVRC2012_ID', 'WNID', 'words', 'num_children']);
    const idxToWnid = new Map<number, string>();
    const wnidToClasses: Record<string, string[]> = {};
    synsets.elements.forEach((s, i) => {
      const what = `ImageNet: ${file}: meta.mat: synsets(${i + 1})`;
      if (matToNumber(s.num_children, `${what}.num_children`) !== 0) return;
      const wnid = matToString(s.WNID, `${what}.WNID`);
      idxToWnid.set(matToNumber(s.ILSVRC2012_ID, `${what}.ILSVRC2012_ID`), wnid);
      Object.defineProperty(wnidToClasses, wnid, { value: matToString(s.words, `${what}.words`).split(', '), enumerable: true, writable: true, configurable: true });
    });
    const truthPath = join(data, 'ILSVRC2012_validation_ground_truth.txt');
    const truth = await readFile(truthPath, 'utf8').catch((error: unknown) => {
      throw new DatasetError(`ImageNet: ${join(root, file)} holds no ILSVRC2012_devkit_t12/data/ILSVRC2012_validation_ground_truth.txt`, { cause: error });
    });
    const valWnids = truth
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '')
      .map((line, i) => {
        const wnid = idxToWnid.get(Number(line));
        if (wnid === undefined) throw new DatasetError(`ImageNet: ${file}: line ${i + 1} of the validation ground truth is ${JSON.stringify(line)}, not the ILSVRC2012_ID of a leaf synset`);
        return wnid;
      });
    const meta: ImageNetMeta = { wnidToClasses, valWnids };
    const target = join(root, IMAGENET_META_FILE);
    await writeFile(`${target}.part`, `${JSON.stringify(meta)}\n`);
    await rename(`${target}.part`, target);
    return meta;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/**
 * Reads {@link IMAGENET_META_FILE} from `root` (torchvision's `load_meta_file`), or throws a
 * {@link DatasetError} saying {@link ImageNet} writes it.
 *
 * @example
 * ```ts
 * const { valWnids } = await loadImageNetMeta('/data/imagenet');
 * ```
 */
export async function loadImageNetMeta(root: string): Promise<ImageNetMeta> {
  const path = join(root, IMAGENET_META_FILE);
  let meta: unknown;
  try {
    meta = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new DatasetError(`ImageNet: the meta file ${path} is not present in the root directory or is corrupted. This file is automatically created by the ImageNet dataset.`, { cause: error });
  }
  const m = meta as Partial<ImageNetMeta> | null;
  if (!m || typeof m.wnidToClasses !== 'object' || !Array.isArray(m.valWnids)) {
    throw new DatasetError(`ImageNet: the meta file ${path} should hold wnidToClasses and valWnids`);
  }
  return m as ImageNetMeta;
}

/** Extracts into a hidden staging folder, runs `fill` on it, then renames it to `folder`, so a failure leaves no half-made split. */
async function staged(root: string, folder: string, fill: (staging: string) => Promise<void>): Promise<void> {
  const staging = await mkdtemp(join(root, `.dl-${folder}-`));
  try {
    await fill(staging);
    await rename(staging, join(root, folder));
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Extracts `ILSVRC2012_img_train.tar` (a tar of one tar per class) into `root/<folder>/<wnid>/`
 * (torchvision's `parse_train_archive`). The folder appears only once everything is extracted.
 *
 * @example
 * ```ts
 * await parseTrainArchive('/data/imagenet'); // /data/imagenet/train/n01440764/n01440764_10026.JPEG, ...
 * ```
 */
export async function parseTrainArchive(root: string, file: string = IMAGENET_ARCHIVES.train[0], md5: string = IMAGENET_ARCHIVES.train[1], folder = 'train'): Promise<void> {
  await verifyImageNetArchive(root, file, md5);
  await staged(root, folder, async (staging) => {
    await extractArchive(join(root, file), staging);
    for (const name of (await readdir(staging)).sort()) {
      if (extname(name) !== '.tar') continue;
      await extractArchive(join(staging, name), join(staging, name.slice(0, -4)), { removeFinished: true });
    }
  });
}

/**
 * Extracts `ILSVRC2012_img_val.tar` (50,000 images in one folder) into `root/<folder>/<wnid>/`,
 * the i-th image (in sorted order) going to the folder of `wnids[i]` (by default the validation
 * ground truth from {@link loadImageNetMeta}), as torchvision's `parse_val_archive`. Throws a
 * {@link DatasetError} when the archive holds another number of images than `wnids` lists.
 *
 * @example
 * ```ts
 * await parseValArchive('/data/imagenet'); // /data/imagenet/val/n01751748/ILSVRC2012_val_00000001.JPEG, ...
 * ```
 */
export async function parseValArchive(
  root: string,
  file: string = IMAGENET_ARCHIVES.val[0],
  md5: string = IMAGENET_ARCHIVES.val[1],
  wnids?: readonly string[],
  folder = 'val',
): Promise<void> {
  const labels = wnids ?? (await loadImageNetMeta(root)).valWnids;
  await verifyImageNetArchive(root, file, md5);
  await staged(root, folder, async (staging) => {
    await extractArchive(join(root, file), staging);
    const images = (await readdir(staging)).sort();
    if (images.length !== labels.length) {
      throw new DatasetError(`ImageNet: ${join(root, file)} holds ${images.length} images but the validation ground truth lists ${labels.length}`);
    }
    for (const wnid of new Set(labels)) await mkdir(join(staging, wnid));
    for (let i = 0; i < images.length; i++) await rename(join(staging, images[i]!), join(staging, labels[i]!, images[i]!));
  });
}

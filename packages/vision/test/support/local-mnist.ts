import type { ModuleExport } from '@dl/core';
import type { DatasetResource } from '@dl/core/node';
import type { Image } from '../../src/image/image';
import { MNIST } from '../../src/datasets/mnist';
import type { MnistOptions } from '../../src/datasets/internal/mnist-base';

/** Options of {@link LocalMNIST}: MNIST's, plus where the files are served and their MD5s (plain data, so workers get them too). */
export interface LocalMnistOptions<TX = Image, TY = number> extends MnistOptions<TX, TY> {
  origin: string;
  md5s: Record<string, string>;
}

/**
 * MNIST with its resources on a local test server. A DataLoader worker rebuilds it from this
 * module (its workerSpec names this file), with the same `(root, options)`.
 */
export class LocalMNIST<TX = Image, TY = number> extends MNIST<TX, TY> {
  protected override readonly resources: readonly DatasetResource[];

  constructor(root: string, options: LocalMnistOptions<TX, TY>) {
    super(root, options);
    this.resources = MNIST.files.map(([file]) => ({ url: `${options.origin}/${file}`, md5: options.md5s[file], extract: true }));
  }

  override workerSpec(): ModuleExport {
    return { module: import.meta.url, export: 'LocalMNIST', args: [this.rootLocation, this.options] };
  }
}

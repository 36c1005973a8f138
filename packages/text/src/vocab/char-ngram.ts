import { VECTORS_MIRROR_ENV, mirrored } from './internal/vectors-files';
import { type UnkInit, unkValues } from './unk-init';
import { Vectors, type VectorsOptions } from './vectors';

/**
 * Character n-gram vectors of Hashimoto et al.'s joint many-task model, 100 dimensions
 * (torchtext's `CharNGram`): the file `charNgram.txt`, from the JMT archive, holds one vector per
 * character 2-, 3- and 4-gram (`2gram-#BEGIN#c`, `3gram-hip`, `4gram-hip#END#`). The vector of a
 * word is the mean of the vectors of its n-grams, with `#BEGIN#` and `#END#` around its
 * characters; a word with none of them in the file, and `'<unk>'`, get `unkInit`'s vector.
 *
 * Unlike torchtext, whose `CharNGram[token]` has shape `[1, dim]`, `get` returns `[dim]` as every
 * other set does (`Vocab.loadVectors` gives the same values either way).
 *
 * @example
 * ```ts
 * const charngram = await new CharNGram().load();
 * charngram.get('chip').shape; // [100]
 * ```
 */
export class CharNGram extends Vectors {
  /** The file in the archive (torchtext's `CharNGram.name`). */
  static readonly fileName = 'charNgram.txt';
  /** The JMT archive (torchtext's `CharNGram.url`). */
  static readonly url = 'http://www.logos.t.u-tokyo.ac.jp/~hassy/publications/arxiv2016jmt/jmt_pre-trained_embeddings.tar.gz';

  constructor(options: VectorsOptions = {}) {
    const url = options.url ?? mirrored(CharNGram.url, options.mirror ?? process.env[VECTORS_MIRROR_ENV]);
    super(CharNGram.fileName, { ...options, url, mirror: options.url === undefined ? undefined : options.mirror });
  }

  /** @internal The mean of the token's n-gram vectors (or `unkInit`'s vector). */
  override _valuesOf(token: string, unkInit: UnkInit | undefined = this.unkInit): Float32Array {
    const { table, data, dim } = this.data;
    if (token === '<unk>') return unkValues(unkInit, dim, 'CharNGram.get');
    // Python's list(token): code points, so a character outside the BMP is one character.
    const chars = ['#BEGIN#', ...Array.from(token), '#END#'];
    const sum = new Float32Array(dim); // float32 sums, as torchtext's FloatTensor, so the means match bit for bit
    let found = 0;
    for (const n of [2, 3, 4]) {
      for (let i = 0; i + n <= chars.length; i++) {
        const index = table.indexOf(`${n}gram-${chars.slice(i, i + n).join('')}`);
        if (index < 0) continue;
        for (let k = 0, at = index * dim; k < dim; k++) sum[k]! += data[at + k]!;
        found++;
      }
    }
    if (found === 0) return unkValues(unkInit, dim, 'CharNGram.get');
    return Float32Array.from(sum, (v) => v / found);
  }
}

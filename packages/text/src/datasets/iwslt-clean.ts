import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DatasetFormatError } from '../errors/dataset-format-error';
import { parseXml, type XmlElement } from './internal/xml-tree';
import { readLines } from './internal/read-lines';

/**
 * The tags of a talk's metadata lines in IWSLT's `train.tags.*` files, which cleaning drops.
 *
 * @example
 * ```ts
 * IWSLT_XML_TAGS.some((tag) => '<talkid>535</talkid>'.includes(tag)); // true
 * ```
 */
export const IWSLT_XML_TAGS: readonly string[] = ['<url', '<keywords', '<talkid', '<description', '<reviewer', '<translator', '<title', '<speaker'];

/**
 * Converts IWSLT's files in `path` to plain text, one sentence a line, as classic torchtext's
 * `IWSLT.clean`: each `*.xml` dev/test set (`IWSLT16.TED.tst2013.de-en.de.xml`) becomes the file
 * without `.xml`, holding the trimmed text of every `<seg>` of every `<doc>` of the set; each
 * `train.tags.*` file (`train.tags.de-en.de`) becomes the file without `.tags`, its talk metadata
 * lines ({@link IWSLT_XML_TAGS}) dropped and the others trimmed. Each output is written to a
 * temporary name and renamed, so an interrupted clean leaves no half file. Resolves with the
 * paths written. Throws {@link DatasetFormatError} naming the file and line for ill-formed XML or
 * an XML file that is not `<root><set><doc><seg>`-shaped.
 *
 * @example
 * ```ts
 * await cleanIWSLT('.data/iwslt/de-en');
 * // .data/iwslt/de-en/train.de-en.de, train.de-en.en, IWSLT16.TED.tst2013.de-en.de, ...
 * ```
 */
export async function cleanIWSLT(path: string): Promise<string[]> {
  const names = (await readdir(path)).sort();
  const written: string[] = [];
  for (const name of names) {
    if (!name.endsWith('.xml')) continue;
    const file = join(path, name);
    const segments = xmlSegments(parseXml(await readFile(file, 'utf8'), file, 'IWSLT.clean'), file);
    written.push(await writeAtomically(join(path, name.slice(0, -4)), segments.map((s) => `${s}\n`).join('')));
  }
  for (const name of names) {
    if (!name.startsWith('train.tags')) continue;
    const file = join(path, name);
    const kept: string[] = [];
    for await (const { text } of readLines(file, 'IWSLT.clean', 'the tagged training file')) {
      if (!IWSLT_XML_TAGS.some((tag) => text.includes(tag))) kept.push(`${text.trim()}\n`);
    }
    written.push(await writeAtomically(join(path, name.replace('.tags', '')), kept.join('')));
  }
  return written;
}

/** The trimmed text of each `<seg>` of each `<doc>` of the root's first child (ElementTree's `root[0]`). */
function xmlSegments(root: XmlElement, file: string): string[] {
  const set = root.children[0];
  if (!set) {
    throw new DatasetFormatError(`IWSLT.clean: ${file}: expected <${root.name}> to hold a <srcset> or <refset> of <doc> elements, got no child element`, { file });
  }
  const out: string[] = [];
  for (const doc of set.children) {
    if (doc.name !== 'doc') continue;
    for (const seg of doc.children) if (seg.name === 'seg') out.push((seg.text ?? '').trim());
  }
  return out;
}

async function writeAtomically(target: string, text: string): Promise<string> {
  const temp = `${target}.dl-part-${process.pid}`;
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return target;
}

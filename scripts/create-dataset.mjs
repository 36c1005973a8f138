#!/usr/bin/env node
// `pnpm create-dataset <name>`: scaffolds packages/datasets-<name> (the package @dl/datasets-<name>)
// from templates/dataset, with a changeset for its first release. See docs/contributing-datasets.md.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const template = join(root, 'templates', 'dataset');
const usage = `usage: pnpm create-dataset <name> [options]

  <name>                 lowercase words joined by '-', e.g. iris or tiny-shakespeare
  --url <url>            where the dataset's archive (.zip, .tar.gz, ...) is downloaded from
  --sha256 <hex>         the archive's SHA-256 (or --md5 <hex>), checked on every download
  --file <name>          the CSV file inside the archive (default: <name>.csv)
  --class <Name>         the dataset class name (default: <Name> in PascalCase)
  --description <text>   one line about the data (default: "The <Name> dataset")`;

function fail(message) {
  console.error(`create-dataset: ${message}\n\n${usage}`);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      sha256: { type: 'string' },
      md5: { type: 'string' },
      file: { type: 'string' },
      class: { type: 'string' },
      description: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  fail(error.message);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (positionals.length !== 1) fail(`expected one dataset name, got ${positionals.length}`);
const name = positionals[0].replace(/^datasets-/, '');
if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) fail(`the name must be lowercase words joined by '-', got '${name}'`);
const className = values.class ?? name.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join('');
if (!/^[A-Z][A-Za-z0-9]*$/.test(className)) fail(`--class must be a PascalCase identifier, got '${className}'`);
if (values.sha256 && values.md5) fail('give --sha256 or --md5, not both');
if (values.sha256 && !/^[0-9a-fA-F]{64}$/.test(values.sha256)) fail(`--sha256 must be 64 hex digits, got '${values.sha256}'`);
if (values.md5 && !/^[0-9a-fA-F]{32}$/.test(values.md5)) fail(`--md5 must be 32 hex digits, got '${values.md5}'`);
if (values.url) {
  let url;
  try {
    url = new URL(values.url);
  } catch {
    fail(`--url is not a valid URL: '${values.url}'`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail(`--url must be http or https, got '${values.url}'`);
}
const file = values.file ?? `${name}.csv`;
if (/['\\\n]/.test(file)) fail(`--file must be a plain path, got '${file}'`);

const target = join(root, 'packages', `datasets-${name}`);
if (existsSync(target)) fail(`${relative(root, target)} already exists`);

const url = values.url ?? `https://example.com/REPLACE-WITH-THE-REAL-URL/${name}.zip`;
const description = values.description ?? `The ${className} dataset`;
const checksum = values.sha256
  ? { line: `sha256: '${values.sha256.toLowerCase()}',`, text: `SHA-256 \`${values.sha256.toLowerCase()}\`` }
  : values.md5
    ? { line: `md5: '${values.md5.toLowerCase()}',`, text: `MD5 \`${values.md5.toLowerCase()}\`` }
    : { line: "// TODO: add sha256: '<hex>' (sha256sum of the archive) so every download is verified.", text: 'none yet' };

/** Fills the template's placeholders; `json` escapes the free text for package.json. */
function fill(text, json) {
  const free = (s) => (json ? JSON.stringify(s).slice(1, -1) : s);
  return text
    .replace(/sha256: '__sha256__',/g, checksum.line)
    .replace(/Verified with SHA-256 before it is extracted\./g, `Checksum: ${checksum.text}, verified before extraction.`)
    .replace(/__Name__/g, className)
    .replace(/__name__/g, name)
    .replace(/__url__/g, url)
    .replace(/__file__/g, file)
    .replace(/__description__/g, free(description));
}

const created = [];
function copy(from, to) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) {
    const source = join(from, entry);
    const dest = join(to, entry.replace(/__name__/g, name));
    if (statSync(source).isDirectory()) copy(source, dest);
    else {
      writeFileSync(dest, fill(readFileSync(source, 'utf8'), entry.endsWith('.json')));
      created.push(relative(root, dest));
    }
  }
}
copy(template, target);

const changeset = join(root, '.changeset', `datasets-${name}.md`);
if (!existsSync(changeset)) {
  writeFileSync(changeset, `---\n"@dl/datasets-${name}": minor\n---\n\nNew package @dl/datasets-${name}: ${description}.\n`);
  created.push(relative(root, changeset));
}

console.log(`Created @dl/datasets-${name}:\n${created.map((f) => `  ${f}`).join('\n')}\n`);
if (!values.url || (!values.sha256 && !values.md5)) {
  console.log(`Still to do: set the real ${values.url ? 'checksum' : 'URL and checksum'} in packages/datasets-${name}/src/${name}.ts.\n`);
}
console.log(`Next:
  pnpm install
  pnpm --filter @dl/datasets-${name}... build
  pnpm --filter @dl/datasets-${name} test
Then adapt src/${name}.ts to the data's format (see docs/contributing-datasets.md).`);

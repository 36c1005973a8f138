import { readFileSync } from 'node:fs';

/** Reads a JSON fixture under test/fixtures/ (e.g. 'text_basic_english.json', 'data/tokenizers.json'). */
export function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

/** The path of a file under test/fixtures/. */
export function fixturePath(name: string): string {
  return new URL(`../fixtures/${name}`, import.meta.url).pathname;
}

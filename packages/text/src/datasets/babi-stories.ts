import { DatasetFormatError } from '../errors/dataset-format-error';
import { emptyFileError, excerpt, type NumberedLine, readLines } from './internal/read-lines';

/**
 * One bAbI question with the story told before it: `story` holds the story's sentences (without
 * their final `.`), `query` the question (without its `?`), `answer` the answer.
 *
 * @example
 * ```ts
 * const q: BABIQuestion = { story: ['Mary moved to the bathroom'], query: 'Where is Mary', answer: 'bathroom' };
 * ```
 */
export interface BABIQuestion {
  story: string[];
  query: string;
  answer: string;
}

/** Options of {@link parseBABI} and {@link readBABIFile}. */
export interface ParseBABIOptions {
  /** Keep only the supporting facts the question names, instead of the whole story so far. @default false */
  onlySupporting?: boolean;
  /** The file's path, for error messages. @default '<input>' */
  file?: string;
  /** Who reads, for error messages. @default 'parseBABI' */
  owner?: string;
}

/**
 * Parses bAbI task lines (`<id> <sentence>.` or `<id> <question>?\t<answer>\t<supporting ids>`;
 * id `1` starts a new story) into questions, as classic torchtext's `BABI20._parse`: a question's
 * story is every sentence since the story began, or with `onlySupporting` the sentences its
 * supporting ids point at. Throws {@link DatasetFormatError} naming the file and line for a line
 * without an id, a question without three tab-separated parts, or a supporting id that points at
 * no sentence.
 *
 * @example
 * ```ts
 * const lines = ['1 Mary moved to the bathroom.', '2 John went to the hallway.', '3 Where is Mary? \tbathroom\t1'];
 * parseBABI(lines.map((text, i) => ({ text, number: i + 1 })));
 * // [{ story: ['Mary moved to the bathroom', 'John went to the hallway'], query: 'Where is Mary', answer: 'bathroom' }]
 * ```
 */
export function parseBABI(lines: Iterable<NumberedLine>, options: ParseBABIOptions = {}): BABIQuestion[] {
  const state = new BABIParser(options);
  for (const line of lines) state.add(line);
  return state.questions;
}

/**
 * Reads a bAbI task file with {@link parseBABI}; throws {@link DatasetEmptyFileError} for a file
 * without lines and {@link DatasetMissingFileError} for a missing one.
 *
 * @example
 * ```ts
 * const questions = await readBABIFile('.data/tasks_1-20_v1-2/en-valid/qa1_train.txt', { onlySupporting: true });
 * ```
 */
export async function readBABIFile(file: string, options: Omit<ParseBABIOptions, 'file'> = {}): Promise<BABIQuestion[]> {
  const owner = options.owner ?? 'readBABIFile';
  const state = new BABIParser({ ...options, file, owner });
  let any = false;
  for await (const line of readLines(file, owner, 'the bAbI file')) {
    if (line.text !== '') any = true;
    state.add(line);
  }
  if (!any) throw emptyFileError(file, owner, "bAbI lines such as '1 Mary moved to the bathroom.'");
  return state.questions;
}

class BABIParser {
  readonly questions: BABIQuestion[] = [];
  private story: string[] = [];
  private readonly onlySupporting: boolean;
  private readonly file: string;
  private readonly owner: string;

  constructor(options: ParseBABIOptions) {
    this.onlySupporting = options.onlySupporting ?? false;
    this.file = options.file ?? '<input>';
    this.owner = options.owner ?? 'parseBABI';
  }

  add({ text: raw, number }: NumberedLine): void {
    const line = raw.replace(/\n$/, '');
    if (line === '') return;
    const space = line.indexOf(' ');
    const tid = space < 0 ? line : line.slice(0, space);
    if (space < 0 || !/^\d+$/.test(tid)) {
      throw this.error(number, "'<id> <sentence>.' or '<id> <question>?\\t<answer>\\t<supporting ids>'", line);
    }
    const text = line.slice(space + 1);
    if (tid === '1') this.story = [];
    if (text.endsWith('.')) {
      this.story.push(text.slice(0, -1));
      return;
    }
    const parts = text.split('\t').map((part) => part.trim());
    if (parts.length !== 3) throw this.error(number, "a sentence ending in '.' or a question '<question>?\\t<answer>\\t<supporting ids>'", line);
    const [query, answer, supporting] = parts;
    let substory: string[];
    if (this.onlySupporting) {
      substory = supporting
        .split(/\s+/)
        .filter((id) => id !== '')
        .map((id) => {
          const sentence = /^\d+$/.test(id) ? this.story[Number(id) - 1] : undefined;
          if (!sentence) throw this.error(number, `supporting ids of sentences told before (1 to ${this.story.length})`, id);
          return sentence;
        });
    } else {
      substory = this.story.filter((sentence) => sentence !== '');
    }
    this.questions.push({ story: substory, query: query.slice(0, -1), answer });
    // A question takes a line number too, so later supporting ids still count lines.
    this.story.push('');
  }

  private error(number: number, expected: string, actual: string): DatasetFormatError {
    return new DatasetFormatError(`${this.owner}: ${this.file} line ${number}: expected ${expected}, got ${excerpt(actual)}`, {
      file: this.file,
      line: number,
    });
  }
}

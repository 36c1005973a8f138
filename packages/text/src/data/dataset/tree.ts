import { ExampleError } from '../../errors/example-error';

/**
 * A bracketed (Penn Treebank) tree as NLTK's `Tree` holds it: a label and children that are
 * trees or leaf strings. `Example.fromTree` reads SST's lines with it.
 *
 * @example
 * ```ts
 * const t = Tree.fromString('(3 (2 It) (4 works))');
 * t.label; // '3'
 * t.leaves(); // ['It', 'works']
 * ```
 */
export class Tree {
  constructor(
    /** The node label (`''` for `( (S ...))`). */
    readonly label: string,
    /** Subtrees and leaves, in order. */
    readonly children: Array<Tree | string>,
  ) {}

  /** The leaf strings, left to right (NLTK's `leaves()`). */
  leaves(): string[] {
    const out: string[] = [];
    const walk = (t: Tree) => {
      for (const c of t.children) typeof c === 'string' ? out.push(c) : walk(c);
    };
    walk(this);
    return out;
  }

  /** This tree and every subtree, in pre-order (NLTK's `subtrees()`). */
  *subtrees(): Generator<Tree> {
    yield this;
    for (const c of this.children) if (c instanceof Tree) yield* c.subtrees();
  }

  /** The bracketed form, `(label child child)`. */
  toString(): string {
    return `(${[this.label, ...this.children.map(String)].filter((s) => s !== '').join(' ')})`;
  }

  /**
   * Parses one bracketed tree as NLTK's `Tree.fromstring`: `(` and an optional label open a node,
   * `)` closes it, any other run of non-space, non-parenthesis characters is a leaf.
   *
   * @throws ExampleError naming the position when brackets do not balance or text follows the tree.
   */
  static fromString(text: string): Tree {
    const token = /\(\s*([^\s()]+)?|\)|[^\s()]+/g;
    const stack: { label: string; children: Array<Tree | string> }[] = [{ label: '', children: [] }];
    const fail = (at: number, expected: string) =>
      new ExampleError(`Tree.fromString: expected ${expected} at position ${at} of ${JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text)}`);
    for (let m = token.exec(text); m !== null; m = token.exec(text)) {
      const top = stack[stack.length - 1]!;
      if (m[0][0] === '(') {
        if (stack.length === 1 && top.children.length > 0) throw fail(m.index, 'the end of the string');
        stack.push({ label: m[1] ?? '', children: [] });
      } else if (m[0] === ')') {
        if (stack.length === 1) throw fail(m.index, top.children.length > 0 ? 'the end of the string' : "'('");
        const done = stack.pop()!;
        stack[stack.length - 1]!.children.push(new Tree(done.label, done.children));
      } else {
        if (stack.length === 1) throw fail(m.index, "'('");
        top.children.push(m[0]);
      }
    }
    if (stack.length > 1) throw fail(text.length, "')'");
    const root = stack[0]!.children[0];
    if (!(root instanceof Tree)) throw fail(text.length, "'('");
    return root;
  }
}

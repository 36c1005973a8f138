import { DatasetFormatError } from '../../errors/dataset-format-error';

/** An XML element as ElementTree sees it: `text` is the text before its first child element. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string | null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;

/**
 * Parses a well-formed XML document into its root element (enough of XML for IWSLT's dev and
 * test sets: the declaration, comments, a DOCTYPE, CDATA, attributes and entities). Throws
 * {@link DatasetFormatError} naming `file` and the line for anything ill-formed, as Python's
 * ElementTree raises a ParseError.
 */
export function parseXml(source: string, file: string, owner: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let at = 0;
  const fail = (expected: string, where = at): never => {
    const line = source.slice(0, where).split('\n').length;
    const found = where >= source.length ? 'the end of the file' : JSON.stringify(source.slice(where, where + 30));
    throw new DatasetFormatError(`${owner}: ${file} line ${line}: expected ${expected}, got ${found}`, { file, line });
  };
  const addText = (text: string): void => {
    const parent = stack[stack.length - 1];
    if (!parent) {
      if (text.trim() !== '') fail('only markup outside the root element');
      return;
    }
    if (parent.children.length === 0) parent.text = (parent.text ?? '') + text;
  };
  while (at < source.length) {
    const lt = source.indexOf('<', at);
    if (lt !== at) {
      const end = lt < 0 ? source.length : lt;
      addText(decodeEntities(source.slice(at, end), (offset) => fail('a known entity (&amp; &lt; &gt; &quot; &apos; &#N;)', at + offset)));
      at = end;
      continue;
    }
    if (source.startsWith('<?', at)) {
      at = skipPast(source, at, '?>', fail);
    } else if (source.startsWith('<!--', at)) {
      at = skipPast(source, at, '-->', fail);
    } else if (source.startsWith('<![CDATA[', at)) {
      const end = source.indexOf(']]>', at);
      if (end < 0) fail("']]>' closing the CDATA section");
      if (!stack.length) fail('CDATA only inside the root element');
      addText(source.slice(at + 9, end));
      at = end + 3;
    } else if (source.startsWith('<!DOCTYPE', at)) {
      const bracket = source.indexOf('[', at);
      const close = source.indexOf('>', at);
      at = bracket >= 0 && bracket < close ? skipPast(source, bracket, ']>', fail) : skipPast(source, at, '>', fail);
    } else if (source.startsWith('</', at)) {
      NAME.lastIndex = at + 2;
      const m = NAME.exec(source);
      const open = stack[stack.length - 1];
      if (!m || !open || m[0] !== open.name) fail(open ? `</${open.name}>` : 'no end tag before a start tag');
      at = NAME.lastIndex;
      while (/\s/.test(source[at] ?? '')) at++;
      if (source[at] !== '>') fail("'>'");
      at++;
      stack.pop();
    } else {
      at = startTag(source, at, stack, fail, (element) => {
        if (stack.length) stack[stack.length - 1].children.push(element);
        else if (root) fail('a single root element', lt);
        else root = element;
      });
    }
  }
  if (stack.length) fail(`</${stack[stack.length - 1].name}>`);
  if (!root) fail('a root element');
  return root as XmlElement;
}

function startTag(
  source: string,
  start: number,
  stack: XmlElement[],
  fail: (expected: string, where?: number) => never,
  place: (element: XmlElement) => void,
): number {
  NAME.lastIndex = start + 1;
  const name = NAME.exec(source);
  if (!name) fail('an element name after <', start + 1);
  const element: XmlElement = { name: name![0], attributes: {}, children: [], text: null };
  let at = NAME.lastIndex;
  for (;;) {
    const space = /\s*/y;
    space.lastIndex = at;
    space.exec(source);
    at = space.lastIndex;
    if (source.startsWith('/>', at)) {
      place(element);
      return at + 2;
    }
    if (source[at] === '>') {
      place(element);
      stack.push(element);
      return at + 1;
    }
    const attribute = /([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/y;
    attribute.lastIndex = at;
    const m = attribute.exec(source);
    if (!m) fail(`an attribute, '>' or '/>' in <${element.name}>`, at);
    element.attributes[m![1]] = decodeEntities(m![3] ?? m![4], () => fail('a known entity', at));
    at = attribute.lastIndex;
  }
}

function skipPast(source: string, from: number, marker: string, fail: (expected: string, where?: number) => never): number {
  const end = source.indexOf(marker, from);
  if (end < 0) fail(`'${marker}'`, from);
  return end + marker.length;
}

function decodeEntities(text: string, unknown: (offset: number) => never): string {
  return text.replace(/&([^;&\s]*);?/g, (whole, body: string, offset: number) => {
    if (!whole.endsWith(';')) return unknown(offset);
    if (body in ENTITIES) return ENTITIES[body];
    const code = /^#x([0-9a-fA-F]+)$/.exec(body)?.[1] ?? /^#([0-9]+)$/.exec(body)?.[1];
    if (code === undefined) return unknown(offset);
    const value = body.startsWith('#x') ? Number.parseInt(code, 16) : Number(code);
    if (!(value >= 0 && value <= 0x10ffff)) return unknown(offset);
    return String.fromCodePoint(value);
  });
}

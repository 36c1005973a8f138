/**
 * @internal The lines of a text file as Python's universal newlines read them: `\r\n`, `\r` and
 * `\n` all end a line, and each line keeps its ending as `\n` (like `readlines()`).
 */
export function readLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split(/(?<=\n)/);
  return lines.length > 0 && lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines;
}

/** @internal Python's `os.path.splitext(name)[0]`: the name without its last extension (a leading dot is no extension). */
export function stripExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || /^\.+$/.test(name.slice(0, dot))) return name;
  return name.slice(0, dot);
}

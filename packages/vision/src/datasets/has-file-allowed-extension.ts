/**
 * Whether a file name ends with one of `extensions` (one string or a list), ignoring case
 * (torchvision's `has_file_allowed_extension`, which lowercases the name; here the extensions
 * are lowercased too, so `'.PNG'` also matches).
 *
 * @example
 * ```ts
 * hasFileAllowedExtension('a/b.PNG', ['.png', '.jpg']); // true
 * hasFileAllowedExtension('a/b.png.txt', '.png'); // false
 * ```
 */
export function hasFileAllowedExtension(filename: string, extensions: string | readonly string[]): boolean {
  const name = filename.toLowerCase();
  const list = typeof extensions === 'string' ? [extensions] : extensions;
  return list.some((ext) => name.endsWith(ext.toLowerCase()));
}

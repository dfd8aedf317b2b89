/**
 * Names for the copies `KEEP_BOTH` puts beside a target's entry:
 * `report (incoming).csv`, `report (incoming 2).csv`, … for files, tables and
 * applications; `week1 (incoming)`, `week1 (incoming 2)`, … for folders and
 * for names without an extension.
 */

const MARK = ' (incoming';

/**
 * The `n`-th copy name (n ≥ 1) for an entry named `name`.
 *
 * The extension runs from the last `.` unless that dot is the first character
 * (`.bashrc` has no extension). A folder never has one: `data.v2` → `data.v2 (incoming)`.
 */
export function copyName(name: string, folder: boolean, n: number): string {
  const tag = n === 1 ? `${MARK})` : `${MARK} ${n})`;
  const dot = folder ? -1 : name.lastIndexOf('.');
  return dot <= 0 ? name + tag : name.slice(0, dot) + tag + name.slice(dot);
}

/**
 * Every `(original name, folder)` for which `candidate` is one of the names
 * {@link copyName} produces. Usually none or one; a name such as
 * `a (incoming) (incoming)` can be a copy name of two originals.
 *
 * Each reading is confirmed by producing the name again, so only exact copy
 * names count (`x (incoming 1)` and `x (incoming 02)` are not).
 */
export function copyOrigins(candidate: string): { original: string; folder: boolean }[] {
  const found: { original: string; folder: boolean }[] = [];
  for (let at = candidate.indexOf(MARK); at > 0; at = candidate.indexOf(MARK, at + 1)) {
    const match = /^ \(incoming(?: ([0-9]+))?\)(.*)$/s.exec(candidate.slice(at));
    if (match === null) continue;
    const n = match[1] === undefined ? 1 : Number(match[1]);
    const stem = candidate.slice(0, at);
    const extension = match[2];
    if (extension === '' && copyName(stem, true, n) === candidate) found.push({ original: stem, folder: true });
    const original = stem + extension;
    if (copyName(original, false, n) === candidate) found.push({ original, folder: false });
  }
  return found;
}

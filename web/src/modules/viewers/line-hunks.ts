import { structuredPatch } from 'diff';

export type DiffLineKind = 'ADDED' | 'REMOVED' | 'CONTEXT';

export interface DiffLine {
  kind: DiffLineKind;
  oldNumber?: number | null;
  newNumber?: number | null;
  text: string;
}

/** The shape of the API's line diffs (`handInChanges`), so one view shows both. */
export interface DiffHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: readonly DiffLine[];
}

/** Line changes from `before` to `after` with three lines of context, numbered on both sides. */
export function lineHunks(before: string, after: string): DiffHunk[] {
  return structuredPatch('', '', before, after, '', '', { context: 3 }).hunks.map((hunk) => {
    let oldNumber = hunk.oldStart;
    let newNumber = hunk.newStart;
    const lines: DiffLine[] = [];
    for (const line of hunk.lines) {
      const text = line.slice(1);
      if (line.startsWith('+')) lines.push({ kind: 'ADDED', oldNumber: null, newNumber: newNumber++, text });
      else if (line.startsWith('-')) lines.push({ kind: 'REMOVED', oldNumber: oldNumber++, newNumber: null, text });
      else if (line.startsWith(' ')) lines.push({ kind: 'CONTEXT', oldNumber: oldNumber++, newNumber: newNumber++, text });
      // "\ No newline at end of file" markers are not lines.
    }
    return { oldStart: hunk.oldStart, oldLines: hunk.oldLines, newStart: hunk.newStart, newLines: hunk.newLines, lines };
  });
}

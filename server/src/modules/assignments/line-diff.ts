/**
 * Line diffs for the changes view: jsdiff's `diffLines` grouped into hunks
 * with a few lines of context, as a reviewer reads them.
 */
import { diffLines } from 'diff';

export type DiffLineKind = 'CONTEXT' | 'ADDED' | 'REMOVED';

export interface DiffLine {
  kind: DiffLineKind;
  /** The line without its line feed (a carriage return, if any, is kept). */
  text: string;
  /** 1-based line number in the distributed file (null for an added line). */
  oldNumber: number | null;
  /** 1-based line number in the handed-in file (null for a removed line). */
  newNumber: number | null;
  /** The line is the last of its file and has no line feed. */
  noNewlineAtEnd: boolean;
}

export interface Hunk {
  /** First old line the hunk covers (1-based); for a hunk with no old lines, the line it follows plus one. */
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: DiffLine[];
}

export interface LineDiffOptions {
  /** Unchanged lines shown around each change. */
  context?: number;
  /** Gives up (returns null) after this long, so one pathological file cannot stall the server. */
  timeoutMs?: number;
}

/** Splits text into lines, each with its line feed. */
function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines.length === 1 && lines[0] === '' ? [] : lines;
}

/**
 * The hunks that turn `oldText` into `newText` (none when they are equal),
 * or null when the diff took longer than `timeoutMs`.
 */
export function lineDiff(oldText: string, newText: string, options: LineDiffOptions = {}): Hunk[] | null {
  const context = options.context ?? 3;
  const parts = diffLines(oldText, newText, { timeout: options.timeoutMs ?? 1000 });
  if (!parts) return null;
  const all: DiffLine[] = [];
  let oldNumber = 1;
  let newNumber = 1;
  for (const part of parts) {
    const kind: DiffLineKind = part.added ? 'ADDED' : part.removed ? 'REMOVED' : 'CONTEXT';
    for (const raw of splitLines(part.value)) {
      const newline = raw.endsWith('\n');
      all.push({
        kind,
        text: newline ? raw.slice(0, -1) : raw,
        oldNumber: kind === 'ADDED' ? null : oldNumber++,
        newNumber: kind === 'REMOVED' ? null : newNumber++,
        noNewlineAtEnd: !newline,
      });
    }
  }
  return groupHunks(all, context);
}

/** Cuts a full line-by-line diff into hunks: changes closer than twice the context share a hunk. */
function groupHunks(all: readonly DiffLine[], context: number): Hunk[] {
  // Lines of each side before index i, so every hunk knows where it starts.
  const oldBefore = [0];
  const newBefore = [0];
  for (const line of all) {
    oldBefore.push(oldBefore.at(-1)! + (line.kind === 'ADDED' ? 0 : 1));
    newBefore.push(newBefore.at(-1)! + (line.kind === 'REMOVED' ? 0 : 1));
  }
  const changed = all.flatMap((line, i) => (line.kind === 'CONTEXT' ? [] : [i]));
  const hunks: Hunk[] = [];
  let i = 0;
  while (i < changed.length) {
    let last = changed[i];
    let j = i + 1;
    while (j < changed.length && changed[j] - last <= 2 * context + 1) last = changed[j++];
    const from = Math.max(0, changed[i] - context);
    const to = Math.min(all.length, last + context + 1);
    hunks.push({
      oldStart: oldBefore[from] + 1,
      oldLines: oldBefore[to] - oldBefore[from],
      newStart: newBefore[from] + 1,
      newLines: newBefore[to] - newBefore[from],
      lines: all.slice(from, to),
    });
    i = j;
  }
  return hunks;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of a file's bytes, or null for what is not worth a line diff:
 * bytes with a NUL (how git tells binary files) or that are not UTF-8.
 */
export function decodeText(bytes: Uint8Array): string | null {
  if (bytes.subarray(0, 8000).includes(0)) return null;
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

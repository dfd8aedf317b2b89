import type { HighlightedLine } from './highlight';
import type { DiffHunk } from './line-hunks';

/** Lines coloured at once: a long hunk is coloured in pieces of this many lines, so no piece holds the page up for long. */
export const PIECE_LINES = 40;

/** A diff cut into pieces of code to colour one at a time. */
export interface DiffPieces {
  /** Each hunk's lines, {@link PIECE_LINES} at a time, one text per piece. */
  texts: string[];
  /** Where each hunk's pieces start, and one more entry for the end: hunk `h` has pieces `firstPiece[h]` to `firstPiece[h + 1] - 1`. */
  firstPiece: number[];
}

/**
 * Cuts a diff into pieces to colour. Each piece is coloured on its own, so a
 * string or comment that runs across a hunk's edge (or a piece's) may be
 * coloured as code: hunks are not contiguous, so they were never exact.
 */
export function diffPieces(hunks: readonly DiffHunk[]): DiffPieces {
  const texts: string[] = [];
  const firstPiece: number[] = [];
  for (const hunk of hunks) {
    firstPiece.push(texts.length);
    for (let from = 0; from < hunk.lines.length; from += PIECE_LINES) {
      texts.push(
        hunk.lines
          .slice(from, from + PIECE_LINES)
          .map((l) => l.text)
          .join('\n'),
      );
    }
  }
  firstPiece.push(texts.length);
  return { texts, firstPiece };
}

/** The colours of line `index` of a hunk, from that hunk's pieces; `undefined` while its piece is not coloured. */
export const lineColours = (pieces: readonly (HighlightedLine[] | undefined)[], index: number): HighlightedLine | undefined =>
  pieces[Math.floor(index / PIECE_LINES)]?.[index % PIECE_LINES];

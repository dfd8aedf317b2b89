'use client';

import { useEffect, useState, type RefObject } from 'react';
import { tokenizerFor, tooLongToHighlight, type HighlightedLine } from '../highlight';

/** Highlighting stops for the page after this long, so a key press or a scroll waits at most about this much. */
const SLICE_MS = 12;

export interface SlicedHighlights {
  /** Each piece's coloured lines, `undefined` until it is done (or for good when there is no grammar). */
  lines: readonly (HighlightedLine[] | undefined)[];
  /** Whether every piece is coloured. */
  done: boolean;
}

const NONE: SlicedHighlights = { lines: [], done: false };

/**
 * Colours many pieces of code (a diff's hunks) a slice at a time, giving the
 * page back between slices, so a long diff answers keys and scrolls while
 * it is coloured. Pieces in `onScreen` (indices) go first, then the rest in
 * order. Each slice's result keeps the arrays of the pieces done before, so a
 * view that draws each piece apart redraws only the new ones.
 */
export function useSlicedHighlights(pieces: readonly string[], language: string | null, onScreen: RefObject<ReadonlySet<number>>): SlicedHighlights {
  const [state, setState] = useState<{ pieces: readonly string[]; language: string | null; result: SlicedHighlights } | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const lines: (HighlightedLine[] | undefined)[] = pieces.map(() => undefined);
    let left = pieces.length;
    let inOrder = 0;
    const next = (): number => {
      for (const i of onScreen.current) if (lines[i] === undefined && i < pieces.length) return i;
      while (lines[inOrder] !== undefined) inOrder++;
      return inOrder;
    };
    const total = pieces.reduce((sum, piece) => sum + piece.length + 1, 0);
    void (tooLongToHighlight(total) ? Promise.resolve(null) : tokenizerFor(language))
      .catch(() => null)
      .then((tokenize) => {
        if (stopped || !tokenize) return;
        const slice = () => {
          const until = performance.now() + SLICE_MS;
          try {
            while (left > 0) {
              const i = next();
              lines[i] = tokenize(pieces[i]);
              left--;
              if (performance.now() >= until) break;
            }
          } catch {
            // A grammar that fails on this code leaves the rest uncoloured.
            left = -1;
          }
          setState({ pieces, language, result: { lines: [...lines], done: left === 0 } });
          if (left > 0) timer = setTimeout(slice, 0);
        };
        slice();
      });
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [pieces, language, onScreen]);
  return state && state.pieces === pieces && state.language === language ? state.result : NONE;
}

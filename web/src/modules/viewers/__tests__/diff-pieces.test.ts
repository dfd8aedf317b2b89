import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffPieces, lineColours, PIECE_LINES } from '../diff-pieces';
import type { HighlightedLine } from '../highlight';
import type { DiffHunk, DiffLine } from '../line-hunks';

const hunk = (count: number, name: string): DiffHunk => ({
  oldStart: 1,
  oldLines: count,
  newStart: 1,
  newLines: count,
  lines: Array.from({ length: count }, (_, i): DiffLine => ({ kind: 'CONTEXT', oldNumber: i + 1, newNumber: i + 1, text: `${name}${i}` })),
});

/** Colours that name their line, as a tokenizer's output would stand for it. */
const coloured = (text: string): HighlightedLine[] => text.split('\n').map((content) => [{ content, offset: 0 }]);

describe('diffPieces', () => {
  it('keeps a short hunk in one piece and cuts a long one every PIECE_LINES lines', () => {
    const long = PIECE_LINES * 2 + 5;
    const { texts, firstPiece } = diffPieces([hunk(3, 'a'), hunk(long, 'b'), hunk(1, 'c')]);
    assert.deepEqual(firstPiece, [0, 1, 4, 5]);
    assert.equal(texts[0], 'a0\na1\na2');
    assert.equal(texts[2].split('\n')[0], `b${PIECE_LINES}`);
    assert.equal(texts[3].split('\n').length, 5);
    assert.equal(texts[4], 'c0');
  });

  it('finds every line of a hunk in its pieces, and nothing in a piece not yet coloured', () => {
    const long = hunk(PIECE_LINES + 7, 'b');
    const { texts, firstPiece } = diffPieces([hunk(2, 'a'), long]);
    const pieces = texts.slice(firstPiece[1], firstPiece[2]).map(coloured);
    for (let i = 0; i < long.lines.length; i++) assert.equal(lineColours(pieces, i)?.[0].content, long.lines[i].text);
    assert.equal(lineColours([undefined, pieces[1]], 3), undefined);
    assert.equal(lineColours([], 3), undefined);
  });

  it('has no pieces for no hunks', () => {
    assert.deepEqual(diffPieces([]), { texts: [], firstPiece: [0] });
  });
});

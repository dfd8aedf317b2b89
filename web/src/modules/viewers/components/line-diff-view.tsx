'use client';

import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { diffPieces, lineColours } from '../diff-pieces';
import type { HighlightedLine } from '../highlight';
import type { DiffHunk, DiffLine } from '../line-hunks';
import { CodeTokens } from './code-tokens';
import { useSlicedHighlights } from './use-sliced-highlights';

interface LineDiffViewProps {
  hunks: readonly DiffHunk[];
  language: string | null;
  /** What changed, for screen readers ("Line changes in analysis.py"). */
  label: string;
}

/** A line and its place in its hunk, where its colours are found. */
type Numbered = { line: DiffLine; index: number };
/** A side-by-side row: the old line on the left, the new one on the right. */
type Pair = { left: Numbered | null; right: Numbered | null };

const MARK = { ADDED: '+', REMOVED: '−', CONTEXT: ' ' } as const;
const SPOKEN = { ADDED: 'added: ', REMOVED: 'removed: ', CONTEXT: '' } as const;
/** The height of a row in `rem` (0.8rem type at line height 1.5, see `.diff__table`), for the space a hunk holds before it is drawn. */
const LINE_REM = 1.2;
/** From this many lines on, hunks off screen are not laid out or painted (`content-visibility`). */
const LAZY_ROWS = 400;

function hunkTitle(hunk: DiffHunk): string {
  const end = (start: number, count: number) => start + Math.max(0, count - 1);
  return `Lines ${hunk.oldStart}–${end(hunk.oldStart, hunk.oldLines)} → ${hunk.newStart}–${end(hunk.newStart, hunk.newLines)}`;
}

/** A hunk's removed lines beside the added lines that replaced them; unchanged lines on both sides. */
function sideBySide(hunk: DiffHunk): Pair[] {
  const rows: Pair[] = [];
  let removed: Numbered[] = [];
  let added: Numbered[] = [];
  const flush = () => {
    for (let i = 0; i < Math.max(removed.length, added.length); i++) rows.push({ left: removed[i] ?? null, right: added[i] ?? null });
    removed = [];
    added = [];
  };
  hunk.lines.forEach((line, index) => {
    const numbered = { line, index };
    if (line.kind === 'REMOVED') {
      if (added.length) flush();
      removed.push(numbered);
    } else if (line.kind === 'ADDED') added.push(numbered);
    else {
      flush();
      rows.push({ left: numbered, right: numbered });
    }
  });
  flush();
  return rows;
}

interface HunkRowsProps {
  hunk: DiffHunk;
  /** The hunk's place in the diff, which the view watches to colour hunks on screen first. */
  index: number;
  /** The colours of the hunk's pieces (see {@link diffPieces}), each `undefined` until done. */
  pieces: readonly (HighlightedLine[] | undefined)[];
  split: boolean;
  /** Drawn only near the screen (a long diff): see {@link LAZY_ROWS}. */
  lazy: boolean;
}

/** One hunk's rows; redrawn only when its own colours arrive. */
const HunkRows = memo(
  function HunkRows({ hunk, index, pieces, split, lazy }: HunkRowsProps) {
    const cell = (numbered: Numbered | null, side: 'old' | 'new') =>
      numbered ? (
        <>
          <td className="diff__number">{side === 'old' ? numbered.line.oldNumber : numbered.line.newNumber}</td>
          <td className={`diff__text diff__text--${numbered.line.kind.toLowerCase()}`}>
            <span className="visually-hidden">{SPOKEN[numbered.line.kind]}</span>
            <span aria-hidden="true">{MARK[numbered.line.kind]}</span>
            <span className="diff__code">
              <CodeTokens tokens={lineColours(pieces, numbered.index)} text={numbered.line.text} />
            </span>
          </td>
        </>
      ) : (
        <td colSpan={2} className="diff__empty" />
      );
    const rows = split ? sideBySide(hunk) : null;
    const count = 1 + (rows ? rows.length : hunk.lines.length);
    // Its own table; in a long diff laid out and painted only near the screen, so colouring one hunk,
    // or scrolling, never lays out the other thousands of rows. Until drawn it holds the space of its rows.
    return (
      <div
        className={`diff__block${lazy ? ' diff__block--lazy' : ''}`}
        data-hunk={index}
        style={lazy ? { containIntrinsicBlockSize: `auto ${count * LINE_REM}rem` } : undefined}
      >
        <table className={`diff__table${split ? ' diff__table--split' : ''}`}>
          {split ? (
            <colgroup>
              <col className="diff__number-column" />
              <col />
              <col className="diff__number-column" />
              <col />
            </colgroup>
          ) : (
            <colgroup>
              <col className="diff__number-column" />
              <col className="diff__number-column" />
              <col />
            </colgroup>
          )}
          <tbody>
            <tr className="diff__hunk">
              <td colSpan={split ? 4 : 3}>{hunkTitle(hunk)}</td>
            </tr>
            {rows
              ? rows.map((row, r) => (
                  <tr key={r} className="diff__line">
                    {cell(row.left, 'old')}
                    {cell(row.right, 'new')}
                  </tr>
                ))
              : hunk.lines.map((line, i) => (
                  <tr key={i} className={`diff__line diff__line--${line.kind.toLowerCase()}`}>
                    <td className="diff__number">{line.oldNumber ?? ''}</td>
                    {cell({ line, index: i }, 'new')}
                  </tr>
                ))}
          </tbody>
        </table>
      </div>
    );
  },
  (a, b) => a.hunk === b.hunk && a.index === b.index && a.split === b.split && a.lazy === b.lazy && samePieces(a.pieces, b.pieces),
);

/** Whether two hunks' colours are the same pieces; a piece not yet coloured and one not yet listed are the same. */
function samePieces(a: HunkRowsProps['pieces'], b: HunkRowsProps['pieces']): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A line diff, unified or side by side, coloured by the file's grammar.
 * Every row is drawn at once; the colours follow a few pieces at a time,
 * the hunks on screen first, so a long diff scrolls and answers keys while
 * it is coloured.
 */
export function LineDiffView({ hunks, language, label }: LineDiffViewProps) {
  const [split, setSplit] = useState(false);
  const { texts, firstPiece } = useMemo(() => diffPieces(hunks), [hunks]);
  const lazy = useMemo(() => hunks.reduce((n, hunk) => n + hunk.lines.length, 0) >= LAZY_ROWS, [hunks]);
  const body = useRef<HTMLDivElement>(null);
  // Pieces of the hunks within half a screen of the viewport.
  const onScreen = useRef(new Set<number>());
  useEffect(() => {
    const root = body.current;
    if (!root) return;
    const seen = onScreen.current;
    const near = new Set<number>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const h = Number((entry.target as HTMLElement).dataset.hunk);
          if (entry.isIntersecting) near.add(h);
          else near.delete(h);
        }
        seen.clear();
        for (const h of [...near].sort((x, y) => x - y)) for (let p = firstPiece[h]; p < firstPiece[h + 1]; p++) seen.add(p);
      },
      { rootMargin: '50% 0px' },
    );
    for (const block of root.querySelectorAll('.diff__block')) observer.observe(block);
    return () => {
      observer.disconnect();
      seen.clear();
    };
  }, [firstPiece]);
  const colours = useSlicedHighlights(texts, language, onScreen);

  return (
    <div className="line-diff">
      <div className="line-diff__toolbar">
        <button type="button" className="button button--secondary button--small" aria-pressed={split} onClick={() => setSplit(!split)}>
          Side by side
        </button>
      </div>
      <div ref={body} className="diff__body" tabIndex={0} role="region" aria-label={label} data-highlighted={colours.done ? 'true' : 'false'}>
        {hunks.map((hunk, h) => (
          <HunkRows key={h} hunk={hunk} index={h} split={split} lazy={lazy} pieces={colours.lines.slice(firstPiece[h], firstPiece[h + 1])} />
        ))}
      </div>
    </div>
  );
}

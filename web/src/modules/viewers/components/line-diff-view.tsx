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
}

/** One hunk's rows; redrawn only when its own colours arrive. */
const HunkRows = memo(
  function HunkRows({ hunk, index, pieces, split }: HunkRowsProps) {
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
    return (
      <>
        <tr className="diff__hunk" data-hunk={index}>
          <td colSpan={split ? 4 : 3}>{hunkTitle(hunk)}</td>
        </tr>
        {split
          ? sideBySide(hunk).map((row, r) => (
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
      </>
    );
  },
  (a, b) => a.hunk === b.hunk && a.index === b.index && a.split === b.split && samePieces(a.pieces, b.pieces),
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
    for (const header of root.querySelectorAll('tr[data-hunk]')) observer.observe(header);
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
        <table className={`diff__table${split ? ' diff__table--split' : ''}`}>
          {split ? (
            <colgroup>
              <col className="diff__number-column" />
              <col />
              <col className="diff__number-column" />
              <col />
            </colgroup>
          ) : null}
          <tbody>
            {hunks.map((hunk, h) => (
              <HunkRows key={h} hunk={hunk} index={h} split={split} pieces={colours.lines.slice(firstPiece[h], firstPiece[h + 1])} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

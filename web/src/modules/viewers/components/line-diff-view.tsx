'use client';

import { useMemo, useState } from 'react';
import type { DiffHunk, DiffLine } from '../line-hunks';
import { CodeTokens } from './code-tokens';
import { useHighlighted } from './use-highlighted';

interface LineDiffViewProps {
  hunks: readonly DiffHunk[];
  language: string | null;
  /** What changed, for screen readers ("Line changes in analysis.py"). */
  label: string;
}

type Numbered = { line: DiffLine; index: number };
/** A side-by-side row: the old line on the left, the new one on the right; a hunk header spans both. */
type Row = { header: DiffHunk } | { left: Numbered | null; right: Numbered | null };

const MARK = { ADDED: '+', REMOVED: '−', CONTEXT: ' ' } as const;
const SPOKEN = { ADDED: 'added: ', REMOVED: 'removed: ', CONTEXT: '' } as const;

function hunkTitle(hunk: DiffHunk): string {
  const end = (start: number, count: number) => start + Math.max(0, count - 1);
  return `Lines ${hunk.oldStart}–${end(hunk.oldStart, hunk.oldLines)} → ${hunk.newStart}–${end(hunk.newStart, hunk.newLines)}`;
}

/** Removed lines beside the added lines that replaced them; unchanged lines on both sides. */
function sideBySide(hunks: readonly DiffHunk[]): Row[] {
  const rows: Row[] = [];
  let index = 0;
  for (const hunk of hunks) {
    rows.push({ header: hunk });
    let removed: Numbered[] = [];
    let added: Numbered[] = [];
    const flush = () => {
      for (let i = 0; i < Math.max(removed.length, added.length); i++) rows.push({ left: removed[i] ?? null, right: added[i] ?? null });
      removed = [];
      added = [];
    };
    for (const line of hunk.lines) {
      const numbered = { line, index: index++ };
      if (line.kind === 'REMOVED') {
        if (added.length) flush();
        removed.push(numbered);
      } else if (line.kind === 'ADDED') added.push(numbered);
      else {
        flush();
        rows.push({ left: numbered, right: numbered });
      }
    }
    flush();
  }
  return rows;
}

/**
 * A line diff, unified or side by side, coloured by the file's grammar.
 * The lines of all hunks are highlighted as one text: close enough for
 * colours, and one pass instead of one per line.
 */
export function LineDiffView({ hunks, language, label }: LineDiffViewProps) {
  const [split, setSplit] = useState(false);
  const text = useMemo(() => hunks.flatMap((h) => h.lines.map((l) => l.text)).join('\n'), [hunks]);
  const tokens = useHighlighted(text, language);
  const cell = (numbered: Numbered | null, side: 'old' | 'new') =>
    numbered ? (
      <>
        <td className="diff__number">{side === 'old' ? numbered.line.oldNumber : numbered.line.newNumber}</td>
        <td className={`diff__text diff__text--${numbered.line.kind.toLowerCase()}`}>
          <span className="visually-hidden">{SPOKEN[numbered.line.kind]}</span>
          <span aria-hidden="true">{MARK[numbered.line.kind]}</span>
          <span className="diff__code">
            <CodeTokens tokens={tokens?.[numbered.index]} text={numbered.line.text} />
          </span>
        </td>
      </>
    ) : (
      <td colSpan={2} className="diff__empty" />
    );

  let index = 0;
  return (
    <div className="line-diff">
      <div className="line-diff__toolbar">
        <button type="button" className="button button--secondary button--small" aria-pressed={split} onClick={() => setSplit(!split)}>
          Side by side
        </button>
      </div>
      <div className="diff__body" tabIndex={0} role="region" aria-label={label} data-highlighted={tokens ? 'true' : 'false'}>
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
            {split
              ? sideBySide(hunks).map((row, r) =>
                  'header' in row ? (
                    <tr key={r} className="diff__hunk">
                      <td colSpan={4}>{hunkTitle(row.header)}</td>
                    </tr>
                  ) : (
                    <tr key={r} className="diff__line">
                      {cell(row.left, 'old')}
                      {cell(row.right, 'new')}
                    </tr>
                  ),
                )
              : hunks.map((hunk, h) => [
                  <tr key={`h${h}`} className="diff__hunk">
                    <td colSpan={3}>{hunkTitle(hunk)}</td>
                  </tr>,
                  ...hunk.lines.map((line, i) => {
                    const numbered = { line, index: index++ };
                    return (
                      <tr key={`h${h}l${i}`} className={`diff__line diff__line--${line.kind.toLowerCase()}`}>
                        <td className="diff__number">{line.oldNumber ?? ''}</td>
                        {cell(numbered, 'new')}
                      </tr>
                    );
                  }),
                ])}
          </tbody>
        </table>
      </div>
    </div>
  );
}

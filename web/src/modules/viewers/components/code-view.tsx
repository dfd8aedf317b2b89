'use client';

import { Fragment, useMemo } from 'react';
import { linesClicked, useAnnotationSlots } from './annotation-slots';
import { CodeTokens } from './code-tokens';
import { useHighlighted } from './use-highlighted';

/** The lines of a text, without the empty one after a final newline. */
export function linesOf(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines;
}

interface CodeViewProps {
  code: string;
  language: string | null;
  /** Names the scrolling region for screen readers ("analysis.py"). */
  label: string;
  /** Line numbers in the margin (notebook cells go without). */
  numbered?: boolean;
}

/** Source code with line numbers, coloured once its grammar has loaded. */
export function CodeView({ code, language, label, numbered = true }: CodeViewProps) {
  const lines = useMemo(() => linesOf(code), [code]);
  const highlighted = useHighlighted(code, language);
  // Only a file's own numbered lines take comments; a notebook cell's code is commented on as a cell.
  const context = useAnnotationSlots();
  const slots = numbered ? context : null;
  const chosen = slots?.selection?.kind === 'lines' ? slots.selection : null;
  return (
    <div className="code-view" role="region" aria-label={label} tabIndex={0} data-highlighted={highlighted ? 'true' : 'false'}>
      <table className="code-view__table">
        <tbody>
          {lines.map((line, i) => {
            const n = i + 1;
            const selected = !!chosen && n >= chosen.start && n <= chosen.end;
            const after = slots?.afterLine(n);
            return (
              <Fragment key={i}>
                <tr className={selected ? 'code-view__row--selected' : undefined}>
                  {numbered ? (
                    slots?.select ? (
                      <td className="code-view__number">
                        <button
                          type="button"
                          className="code-view__pick"
                          aria-pressed={selected}
                          aria-label={`Line ${n}`}
                          onClick={(e) => slots.select!(linesClicked(slots.selection, n, e.shiftKey))}
                        >
                          {n}
                        </button>
                      </td>
                    ) : (
                      <td className="code-view__number" aria-hidden="true">
                        {n}
                      </td>
                    )
                  ) : null}
                  <td className="code-view__line">
                    <CodeTokens tokens={highlighted?.[i]} text={line} />
                  </td>
                </tr>
                {after ? (
                  <tr className="code-view__annotations">
                    <td colSpan={numbered ? 2 : 1}>{after}</td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

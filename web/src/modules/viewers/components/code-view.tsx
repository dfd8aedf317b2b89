'use client';

import { useMemo } from 'react';
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
  return (
    <div className="code-view" role="region" aria-label={label} tabIndex={0} data-highlighted={highlighted ? 'true' : 'false'}>
      <table className="code-view__table">
        <tbody>
          {lines.map((line, i) => (
            <tr key={i}>
              {numbered ? (
                <td className="code-view__number" aria-hidden="true">
                  {i + 1}
                </td>
              ) : null}
              <td className="code-view__line">
                <CodeTokens tokens={highlighted?.[i]} text={line} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

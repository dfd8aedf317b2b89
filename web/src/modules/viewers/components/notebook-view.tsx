'use client';

import { useMemo } from 'react';
import { MarkdownText } from '../../ui/components/markdown-text';
import { NotebookError, parseNotebook, type NotebookCell } from '../notebook';
import { useAnnotationSlots } from './annotation-slots';
import { CodeView } from './code-view';
import { NotebookOutputView } from './notebook-output';

export const CELL_WORDS = { code: 'code', markdown: 'text', raw: 'raw' } as const;

/** One cell: Markdown rendered, code highlighted with its prompt and outputs. */
export function NotebookCellView({ cell, number, language }: { cell: NotebookCell; number: number; language: string }) {
  const label = `cell ${number}`;
  return (
    <article className={`nb-cell nb-cell--${cell.type}`} aria-label={`Cell ${number}, ${CELL_WORDS[cell.type]}`}>
      {cell.type === 'markdown' ? (
        <MarkdownText headingLevel={4}>{cell.source}</MarkdownText>
      ) : cell.type === 'raw' ? (
        <pre className="nb-output">{cell.source}</pre>
      ) : (
        <>
          <div className="nb-cell__input">
            <span className="nb-cell__prompt" aria-label={`Input ${cell.executionCount ?? 'not run'}`}>
              In [{cell.executionCount ?? ' '}]:
            </span>
            <CodeView code={cell.source} language={language} label={`Code of ${label}`} numbered={false} />
          </div>
          {cell.outputs.length > 0 ? (
            <div className="nb-cell__outputs">
              {cell.outputs.map((output, i) => (
                <NotebookOutputView key={i} output={output} cellLabel={label} />
              ))}
            </div>
          ) : null}
        </>
      )}
    </article>
  );
}

/** A Jupyter notebook shown cell by cell; one that cannot be read says why. */
export function NotebookView({ text, name }: { text: string; name: string }) {
  const notebook = useMemo(() => {
    try {
      return parseNotebook(text);
    } catch (error) {
      if (error instanceof NotebookError) return error;
      throw error;
    }
  }, [text]);
  const slots = useAnnotationSlots();
  if (notebook instanceof NotebookError) return <p className="hint">{name} cannot be shown: {notebook.message}.</p>;
  if (notebook.cells.length === 0) return <p className="hint">{name} has no cells.</p>;
  return (
    <div className="notebook">
      {notebook.cells.map((cell, i) => (
        <div key={i} className={slots?.selection?.kind === 'cell' && slots.selection.index === i ? 'nb-slot nb-slot--selected' : 'nb-slot'}>
          <NotebookCellView cell={cell} number={i + 1} language={notebook.language} />
          {slots?.select ? (
            <button type="button" className="button button--ghost button--small" onClick={() => slots.select!({ kind: 'cell', index: i })}>
              Comment on cell {i + 1}
            </button>
          ) : null}
          {slots?.afterCell(i)}
        </div>
      ))}
    </div>
  );
}

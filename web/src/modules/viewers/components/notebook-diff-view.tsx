'use client';

import { useMemo, type ReactNode } from 'react';
import { diffNotebooks, type CellChange } from '../notebook-diff';
import { NotebookError, parseNotebook, type Notebook } from '../notebook';
import { decodeText } from '../viewer-choice';
import { LineDiffView } from './line-diff-view';
import { CELL_WORDS, NotebookCellView } from './notebook-view';
import { useFileBytes, type FileBytes } from './use-file-bytes';

const STATUS_WORDS = { added: 'new', removed: 'deleted', changed: 'changed', unchanged: 'unchanged' } as const;
const BADGES = { added: 'good', removed: 'bad', changed: 'info', unchanged: 'neutral' } as const;

function readNotebook(file: FileBytes, side: string): Notebook | string | null {
  if (file.state === 'loading') return null;
  if (file.state === 'failed') return `${side}: ${file.message}`;
  const text = decodeText(file.bytes);
  if (text === null) return `${side} is not text`;
  try {
    return parseNotebook(text);
  } catch (error) {
    if (error instanceof NotebookError) return `${side} is ${error.message}`;
    throw error;
  }
}

/** "Cells 2–4" or "Cell 2". */
const cellRange = (first: number, last: number) => (first === last ? `Cell ${first}` : `Cells ${first}–${last}`);

function CellChangeView({ change, language, name }: { change: CellChange; language: string; name: string }) {
  const cell = (change.after ?? change.before)!;
  const where =
    change.before && change.after && change.before.number !== change.after.number
      ? `Cell ${change.after.number} (was ${change.before.number})`
      : `Cell ${cell.number}`;
  let body: ReactNode;
  if (change.status === 'changed') {
    body = (
      <>
        {change.source.length ? <LineDiffView hunks={change.source} language={cell.cell.type === 'code' ? language : 'markdown'} label={`Source changes in ${where.toLowerCase()} of ${name}`} /> : <p className="hint">Same source.</p>}
        {change.outputs.length ? (
          <>
            <p className="muted small">Outputs:</p>
            <LineDiffView hunks={change.outputs} language={null} label={`Output changes in ${where.toLowerCase()} of ${name}`} />
          </>
        ) : null}
        {change.after && change.after.cell.outputs.length ? (
          <details className="nb-diff__rendered">
            <summary>The cell as handed in</summary>
            <NotebookCellView cell={change.after.cell} number={change.after.number} language={language} />
          </details>
        ) : null}
      </>
    );
  } else {
    body = <NotebookCellView cell={cell.cell} number={cell.number} language={language} />;
  }
  return (
    <section className={`nb-diff__cell nb-diff__cell--${change.status}`} aria-label={`${where}, ${CELL_WORDS[cell.cell.type]}, ${STATUS_WORDS[change.status]}`}>
      <p className="nb-diff__title">
        <strong>{where}</strong> <span className="muted small">{CELL_WORDS[cell.cell.type]}</span>{' '}
        <span className={`badge badge--${BADGES[change.status]}`}>{STATUS_WORDS[change.status]}</span>
      </p>
      {body}
    </section>
  );
}

/** Two versions of a notebook compared cell by cell: added, deleted and changed cells, with runs of unchanged cells folded. */
export function NotebookDiffView({ beforeUrl, afterUrl, name }: { beforeUrl: string; afterUrl: string; name: string }) {
  const beforeFile = useFileBytes(beforeUrl);
  const afterFile = useFileBytes(afterUrl);
  const before = useMemo(() => readNotebook(beforeFile, 'The material'), [beforeFile]);
  const after = useMemo(() => readNotebook(afterFile, 'The hand-in'), [afterFile]);
  const changes = useMemo(() => (before && after && typeof before !== 'string' && typeof after !== 'string' ? diffNotebooks(before, after) : null), [before, after]);
  const unreadable = typeof before === 'string' ? before : typeof after === 'string' ? after : null;
  if (unreadable) return <p className="hint">The notebooks cannot be compared cell by cell: {unreadable}.</p>;
  if (!changes || !after || typeof after === 'string') return <p className="muted">Comparing the notebooks…</p>;

  const counts = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const change of changes) counts[change.status] += 1;
  const shown: ReactNode[] = [];
  for (let i = 0; i < changes.length; ) {
    if (changes[i].status !== 'unchanged') {
      shown.push(<CellChangeView key={i} change={changes[i]} language={after.language} name={name} />);
      i += 1;
      continue;
    }
    let j = i;
    while (j + 1 < changes.length && changes[j + 1].status === 'unchanged') j += 1;
    shown.push(
      <p key={i} className="nb-diff__same muted small">
        {cellRange(changes[i].after!.number, changes[j].after!.number)} unchanged
      </p>,
    );
    i = j + 1;
  }
  return (
    <div className="nb-diff" role="group" aria-label={`Cell changes in ${name}`}>
      <p className="muted">
        Cell by cell: {counts.added} new, {counts.changed} changed, {counts.removed} deleted, {counts.unchanged} unchanged.
      </p>
      {shown}
    </div>
  );
}

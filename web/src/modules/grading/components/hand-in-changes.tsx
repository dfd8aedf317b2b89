'use client';

import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { formatBytes } from '../../../core/format/bytes';
import { enumDescriptions } from '../../../gql/enum-descriptions';
import { ErrorNotice } from '../../shell/components/error-notice';
import { LoadingLine } from '../../ui/components/status-line';
import { HandInChangesQuery } from '../graphql/grading.operations';

const CHANGE_WORDS = { ADDED: 'new', DELETED: 'deleted', MODIFIED: 'changed' } as const;

/** What the hand-in changed against the distributed material, with line diffs for text files. */
export function HandInChanges({ handInId }: { handInId: string }) {
  const { data, error, fetching } = useSessionQuery({ query: HandInChangesQuery, variables: { handInId }, requestPolicy: 'cache-first' });
  const changes = data?.handInChanges;
  return (
    <section className="section" aria-labelledby="changes-heading">
      <h2 id="changes-heading">Changes against the material</h2>
      {error ? <ErrorNotice error={error} /> : null}
      {!changes && fetching ? <LoadingLine>Comparing with the material…</LoadingLine> : null}
      {changes ? (
        <>
          <p className="muted">
            {changes.counts.added} new, {changes.counts.modified} changed, {changes.counts.deleted} deleted
            {changes.truncated ? ' (the list stops at 10,000)' : ''}.
          </p>
          {changes.files.map((file) => (
            <details key={file.path} className="diff" open={changes.files.length <= 3}>
              <summary>
                <code>{file.path}</code> <span className={`badge badge--${file.change === 'DELETED' ? 'bad' : file.change === 'ADDED' ? 'good' : 'info'}`}>{CHANGE_WORDS[file.change]}</span>{' '}
                <span className="muted small">
                  {file.oldSize != null ? formatBytes(file.oldSize) : '—'} → {file.newSize != null ? formatBytes(file.newSize) : '—'}
                </span>
              </summary>
              {file.noLineDiff ? <p className="hint">{enumDescriptions.NoLineDiffReason[file.noLineDiff]}</p> : null}
              {file.hunks && file.hunks.length > 0 ? (
                <div className="diff__body" tabIndex={0} role="region" aria-label={`Line changes in ${file.path}`}>
                  <table className="diff__table">
                    <tbody>
                      {file.hunks.map((hunk, h) => [
                        <tr key={`h${h}`} className="diff__hunk">
                          <td colSpan={3}>
                            Lines {hunk.oldStart}–{hunk.oldStart + Math.max(0, hunk.oldLines - 1)} → {hunk.newStart}–
                            {hunk.newStart + Math.max(0, hunk.newLines - 1)}
                          </td>
                        </tr>,
                        ...hunk.lines.map((line, i) => (
                          <tr key={`h${h}l${i}`} className={`diff__line diff__line--${line.kind.toLowerCase()}`}>
                            <td className="diff__number">{line.oldNumber ?? ''}</td>
                            <td className="diff__number">{line.newNumber ?? ''}</td>
                            <td className="diff__text">
                              <span className="visually-hidden">{line.kind === 'ADDED' ? 'added: ' : line.kind === 'REMOVED' ? 'removed: ' : ''}</span>
                              <span aria-hidden="true">{line.kind === 'ADDED' ? '+' : line.kind === 'REMOVED' ? '−' : ' '}</span>
                              {line.text}
                            </td>
                          </tr>
                        )),
                      ])}
                    </tbody>
                  </table>
                </div>
              ) : null}
            </details>
          ))}
        </>
      ) : null}
    </section>
  );
}

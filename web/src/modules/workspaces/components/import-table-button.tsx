'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { describeHttpFailure, type ErrorMessage } from '../../../core/errors/error-message';
import { enumDescriptions } from '../../../gql/enum-descriptions';
import type { ColumnType } from '../../../gql/graphql';
import { MessageNotice } from '../../shell/components/message-notice';
import { Dialog } from '../../ui/components/dialog';
import { FormActions } from '../../ui/components/form-actions';
import { TextField } from '../../ui/components/text-field';
import { browserHref, nameProblem } from '../workspace-paths';
import { useWorkspaceView } from './workspace-context';

const COLUMN_TYPES = Object.keys(enumDescriptions.ColumnType) as ColumnType[];

interface Preview {
  columns: { name: string; type: ColumnType }[];
  rowCount: number;
  rows: unknown[][];
}

/** `?types=` for the columns whose chosen type differs from the inferred one. */
function typesParam(inferred: Preview['columns'], chosen: Record<string, ColumnType>): string {
  return inferred
    .filter((c) => chosen[c.name] && chosen[c.name] !== c.type)
    .map((c) => `${c.name}:${chosen[c.name]}`)
    .join(',');
}

function tableUrl(workspaceId: string, name: string, query: Record<string, string>): string {
  const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== ''));
  const search = params.toString();
  return `/api/workspaces/${encodeURIComponent(workspaceId)}/tables/${encodeURIComponent(name)}${search ? `?${search}` : ''}`;
}

async function post(url: string, body: Blob): Promise<{ ok: true; json: unknown } | { ok: false; error: ErrorMessage }> {
  try {
    const response = await fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'text/csv' }, body });
    const json: unknown = await response.json().catch(() => null);
    return response.ok ? { ok: true, json } : { ok: false, error: describeHttpFailure(response.status, json) };
  } catch {
    return { ok: false, error: describeHttpFailure(0, null) };
  }
}

/**
 * Imports a CSV file as a table: the API's preview shows the columns with the
 * types it inferred and the first rows; each type can be changed before the
 * import, which is checked again in full.
 */
export function ImportTableButton() {
  const { workspace } = useWorkspaceView();
  const router = useRouter();
  const fileId = useId();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [types, setTypes] = useState<Record<string, ColumnType>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ErrorMessage | null>(null);
  const [busy, setBusy] = useState(false);

  function reset() {
    setFile(null);
    setName('');
    setPreview(null);
    setTypes({});
    setProblem(null);
    setError(null);
  }

  async function showPreview(chosen: File, tableName: string) {
    setBusy(true);
    setError(null);
    const result = await post(tableUrl(workspace.id, tableName || 'preview', { preview: 'true' }), chosen);
    setBusy(false);
    if (!result.ok) {
      setPreview(null);
      setError(result.error);
      return;
    }
    const next = result.json as Preview;
    setPreview(next);
    setTypes(Object.fromEntries(next.columns.map((c) => [c.name, c.type])));
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const issue = !file ? 'Choose a CSV file first.' : nameProblem(name);
    setProblem(issue);
    if (issue || !file || !preview) return;
    setBusy(true);
    setError(null);
    const result = await post(tableUrl(workspace.id, name, { types: typesParam(preview.columns, types), expectedVersion: String(workspace.version) }), file);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setOpen(false);
    reset();
    router.push(browserHref(workspace.id, `tables/${name}`));
  }

  return (
    <>
      <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        Import a CSV as a table
      </button>
      <Dialog
        open={open}
        title="Import a CSV as a table"
        wide
        onClose={() => {
          setOpen(false);
          reset();
        }}
      >
        <form onSubmit={onSubmit} className="dialog__content" noValidate>
          <div className="field">
            <label htmlFor={fileId}>CSV file</label>
            <input
              id={fileId}
              type="file"
              accept=".csv,.tsv,.txt,text/csv"
              onChange={(e) => {
                const chosen = e.target.files?.[0] ?? null;
                setFile(chosen);
                if (!chosen) return;
                const suggested = chosen.name.replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9_-]+/g, '_');
                setName(suggested);
                void showPreview(chosen, suggested);
              }}
            />
          </div>
          <TextField label="Table name" value={name} onChange={setName} problem={problem} hint="The table is saved as tables/<name>." />
          {error ? <MessageNotice message={error} /> : null}
          {busy && !preview ? <p className="muted">Reading the file…</p> : null}
          {preview ? (
            <>
              <p role="status">
                {preview.columns.length} columns, {preview.rowCount} rows. Check each column&apos;s type; the import checks every row against it.
              </p>
              <div className="table-scroll" tabIndex={0} role="region" aria-label="Columns and first rows">
                <table className="table">
                  <thead>
                    <tr>
                      {preview.columns.map((c) => (
                        <th key={c.name} scope="col">
                          <label>
                            {c.name}
                            <select
                              className="column-type-select"
                              aria-label={`Type of ${c.name}`}
                              value={types[c.name] ?? c.type}
                              onChange={(e) => setTypes({ ...types, [c.name]: e.target.value as ColumnType })}
                            >
                              {COLUMN_TYPES.map((t) => (
                                <option key={t} value={t}>
                                  {t.toLowerCase()}
                                </option>
                              ))}
                            </select>
                          </label>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {preview.rows.map((row, r) => (
                      <tr key={r}>
                        {row.map((cell, c) => (
                          <td key={c}>{cell === null ? <span className="muted">empty</span> : String(cell)}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
          <FormActions
            dialog
            onCancel={() => {
              setOpen(false);
              reset();
            }}
            submitLabel="Import table"
            busyLabel="Importing…"
            busy={busy}
          />
        </form>
      </Dialog>
    </>
  );
}

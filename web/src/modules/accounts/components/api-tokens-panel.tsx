'use client';

import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { ErrorNotice } from '../../shell/components/error-notice';
import { CopyField } from '../../ui/components/copy-field';
import { DateTime } from '../../ui/components/date-time';
import { RowAction } from '../../ui/components/row-action';
import { ACTIONS_COLUMN, TableHead } from '../../ui/components/table-head';
import { FormEnd } from './form-end';
import { ApiTokensQuery, CreateApiTokenMutation, RevokeApiTokenMutation } from '../graphql/api-tokens';

function CreateTokenForm({ onCreated }: { onCreated: () => void }) {
  const id = useId();
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [readOnly, setReadOnly] = useState(true);
  const [{ data, fetching, error }, create] = useMutation(CreateApiTokenMutation);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (fetching) return;
    const result = await create({ name, readOnly, expiresInDays: days === '' ? null : Number(days) });
    if (result.data) {
      setName('');
      onCreated();
    }
  }

  const created = data?.createApiToken;
  return (
    <form className="form" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>New token</h3>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input id={`${id}-name`} required value={name} onChange={(e) => setName(e.target.value)} aria-describedby={`${id}-name-hint`} />
        <span id={`${id}-name-hint`} className="hint">
          What uses it, e.g. “grading script”.
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-days`}>Expires after (days)</label>
        <input
          id={`${id}-days`}
          type="number"
          min={1}
          max={3650}
          value={days}
          onChange={(e) => setDays(e.target.value)}
          aria-describedby={`${id}-days-hint`}
        />
        <span id={`${id}-days-hint`} className="hint">
          Leave empty for a token that never expires.
        </span>
      </div>
      <div className="choice">
        <input id={`${id}-ro`} type="checkbox" checked={readOnly} onChange={(e) => setReadOnly(e.target.checked)} />
        <label htmlFor={`${id}-ro`}>Read-only (can read, never change anything)</label>
      </div>
      {created ? (
        <div className="notice notice--success">
          <CopyField label={`Token “${created.token.name}” (shown only now: copy it)`} value={created.secret} />
          <p className="hint">Send it as the header Authorization: Bearer &lt;token&gt;.</p>
        </div>
      ) : null}
      <FormEnd error={error} busy={fetching} label="Create token" busyLabel="Creating…" />
    </form>
  );
}

/** Personal API tokens: create (shown once), list, revoke. */
export function ApiTokensPanel() {
  const { data, error, reload } = useSessionQuery({ query: ApiTokensQuery });
  const [revoke, runRevoke] = useMutation(RevokeApiTokenMutation);
  const tokens = data?.apiTokens ?? [];
  return (
    <section className="section" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">Personal API tokens</h2>
      <p className="hint">Scripts and other systems call the Stagecoach API as you with a token. Revoke one as soon as it is no longer needed.</p>
      <CreateTokenForm onCreated={reload} />
      {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      {revoke.error ? <ErrorNotice error={revoke.error} /> : null}
      {tokens.length === 0 ? (
        <p className="muted">You have no tokens.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Your tokens</caption>
          <TableHead columns={['Name', 'Access', 'Created', 'Expires', 'Last used', 'State', ACTIONS_COLUMN]} />
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>
                  {token.name} <span className="muted">({token.prefix}…)</span>
                </td>
                <td>{token.readOnly ? 'Read-only' : 'Read and write'}</td>
                <td>
                  <DateTime iso={token.createdAt} />
                </td>
                <td>{token.expiresAt ? <DateTime iso={token.expiresAt} /> : 'Never'}</td>
                <td>{token.lastUsedAt ? <DateTime iso={token.lastUsedAt} /> : 'Not yet'}</td>
                <td>{token.revokedAt ? 'Revoked' : token.expiresAt && new Date(token.expiresAt).getTime() < Date.now() ? 'Expired' : 'Active'}</td>
                <td className="table__actions">
                  {token.revokedAt ? null : (
                    <RowAction label="Revoke" subject={`token ${token.name}`} onClick={() => void runRevoke({ id: token.id }).then(reload)} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

'use client';

import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { formatBytes } from '../../../core/format/bytes';
import { ErrorNotice } from '../../shell/components/error-notice';
import { BusyButton } from '../../ui/components/busy-button';
import { TextField } from '../../ui/components/text-field';
import { SetSpaceQuotaMutation } from '../graphql/storage.mutations';
import { parseQuotaSize } from '../quota-size';

/** For a space's admins: sets the space's quota, or removes it. */
export function QuotaForm({ spaceId, quotaBytes }: { spaceId: string; quotaBytes: number | null }) {
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [{ fetching, error }, setQuota] = useMutation(SetSpaceQuotaMutation);

  async function save(bytes: number | null) {
    if (fetching) return;
    setDone(null);
    const result = await setQuota({ spaceId, bytes });
    if (result.data) {
      setText('');
      setDone(bytes === null ? 'The quota was removed.' : `The quota is now ${formatBytes(bytes)}.`);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseQuotaSize(text);
    setProblem('problem' in parsed ? parsed.problem : null);
    if ('bytes' in parsed) void save(parsed.bytes);
  }

  return (
    <form className="form" onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>{quotaBytes === null ? 'Set a quota' : 'Change the quota'}</h3>
      <TextField
        label="Quota"
        value={text}
        onChange={setText}
        problem={problem}
        hint="A size such as 2 GB or 500 MB (1 GB = 1,024 MB). What the space holds now stays; only growing beyond it is refused."
        spellCheck={false}
      />
      {error ? <ErrorNotice error={error} /> : null}
      {done ? (
        <p className="notice notice--success" role="status">
          {done}
        </p>
      ) : null}
      <div className="form__actions">
        {quotaBytes !== null ? (
          <BusyButton busy={fetching} busyLabel="Saving…" onClick={() => void save(null)}>
            Remove quota
          </BusyButton>
        ) : null}
        <button type="submit" className="button button--primary" aria-disabled={fetching}>
          {fetching ? 'Saving…' : 'Set quota'}
        </button>
      </div>
    </form>
  );
}

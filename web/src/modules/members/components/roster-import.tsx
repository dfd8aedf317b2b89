'use client';

import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useClient, useMutation } from 'urql';
import type { CombinedError } from '@urql/core';
import { useLocalPages } from '../../../core/paging/use-local-pages';
import type { RosterImportFieldsFragment, RosterOutcome, Role, SpaceKind } from '../../../gql/graphql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { roleLabel } from '../../spaces/space-labels';
import { ConfirmDialog } from '../../ui/components/confirm-dialog';
import { Pager } from '../../ui/components/pager';
import { Summary } from '../../ui/components/summary';
import { TableHead } from '../../ui/components/table-head';
import { ApplyRosterImportMutation, PreviewRosterImportQuery } from '../graphql/roster-import';
import { RoleField } from './role-select';

const PAGE_SIZE = 50;

const OUTCOME_LABELS: Record<RosterOutcome, string> = {
  NEW_INVITATION: 'Invitation e-mailed',
  ADD_EXISTING: 'Added (has an account)',
  UPDATE: 'Details updated',
  ALREADY_MEMBER_UNCHANGED: 'Already a member',
  ALREADY_INVITED: 'Invited already',
  DUPLICATE: 'Left out: duplicate',
  INVALID: 'Left out: invalid',
};
const OUTCOME_BADGES: Record<RosterOutcome, string> = {
  NEW_INVITATION: 'badge--info',
  ADD_EXISTING: 'badge--good',
  UPDATE: 'badge--info',
  ALREADY_MEMBER_UNCHANGED: 'badge--neutral',
  ALREADY_INVITED: 'badge--neutral',
  DUPLICATE: 'badge--warn',
  INVALID: 'badge--bad',
};

const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;

/**
 * Bringing a class in from a CSV file or pasted rows: a preview says per line
 * what will happen, the admin confirms, and the import is applied exactly as
 * previewed (or refused if the space changed meanwhile).
 */
export function RosterImport({ spaceId, spaceKind, onImported }: { spaceId: string; spaceKind: SpaceKind; onImported: () => void }) {
  const id = useId();
  const client = useClient();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState('');
  const [role, setRole] = useState<Role>('MEMBER');
  const [plan, setPlan] = useState<RosterImportFieldsFragment | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [previewError, setPreviewError] = useState<CombinedError | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<RosterImportFieldsFragment | null>(null);
  const [applying, runApply] = useMutation(ApplyRosterImportMutation);
  const shown = useLocalPages(plan?.lines ?? [], PAGE_SIZE, plan?.previewHash ?? '');

  const changed = () => {
    setPlan(null);
    setResult(null);
    setSkipInvalid(false);
  };

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    setCsv(await file.text());
    changed();
  }

  async function preview(event: FormEvent) {
    event.preventDefault();
    if (previewing) return;
    setPreviewing(true);
    setResult(null);
    const answer = await client.query(PreviewRosterImportQuery, { spaceId, csv, role }, { requestPolicy: 'network-only' }).toPromise();
    setPreviewing(false);
    setPreviewError(answer.error ?? null);
    setPlan(answer.data?.previewRosterImport ?? null);
    setSkipInvalid(false);
  }

  async function apply() {
    if (!plan) return;
    const answer = await runApply({ spaceId, csv, role, previewHash: plan.previewHash, skipInvalid });
    if (answer.data) {
      setResult(answer.data.applyRosterImport);
      setPlan(null);
      setConfirming(false);
      setCsv('');
      setFileName('');
      onImported();
    }
  }

  const totals = plan?.totals;
  const leftOut = totals ? totals.invalid + totals.duplicate : 0;
  const changes = totals ? totals.newInvitation + totals.addExisting + totals.update : 0;
  const roleName = roleLabel(role, spaceKind).toLowerCase();

  return (
    <section className="section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Import roster</h2>
      <form className="form" onSubmit={preview}>
        <p className="hint">
          A CSV file (comma, semicolon or tab) with a header row naming the columns <strong>name</strong>, <strong>e-mail</strong>, and optionally{' '}
          <strong>student number</strong> and <strong>section</strong>; or rows pasted from a spreadsheet in that order. Nothing changes until you confirm the preview.
        </p>
        <div className="field">
          <label htmlFor={`${id}-file`}>CSV file</label>
          <input id={`${id}-file`} type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" onChange={(e) => void onFile(e)} />
          {fileName ? <span className="hint">Read {fileName}.</span> : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-rows`}>Or paste rows</label>
          <textarea
            id={`${id}-rows`}
            rows={5}
            value={csv}
            spellCheck={false}
            placeholder={'name,e-mail,student number,section\nAna Silva,ana.silva@uni.edu,2024-0001,A'}
            onChange={(e) => {
              setCsv(e.target.value);
              setFileName('');
              changed();
            }}
          />
        </div>
        <RoleField
          value={role}
          onChange={(next) => {
            setRole(next);
            changed();
          }}
          spaceKind={spaceKind}
        />
        {previewError ? <ErrorNotice error={previewError} /> : null}
        <div className="form__actions">
          <button type="submit" className="button button--secondary" aria-disabled={previewing} disabled={!csv.trim()}>
            {previewing ? 'Reading…' : 'Preview import'}
          </button>
        </div>
      </form>

      {plan && totals ? (
        <div className="roster-preview">
          <h3>Preview: {totals.lines} {totals.lines === 1 ? 'line' : 'lines'}</h3>
          <div className="summary-grid" role="group" aria-label="Roster preview summary">
            <Summary value={totals.newInvitation} label="invitations to e-mail" />
            <Summary value={totals.addExisting} label="accounts added" />
            <Summary value={totals.update} label="details updated" />
            <Summary value={totals.alreadyMemberUnchanged + totals.alreadyInvited} label="unchanged" />
            <Summary value={totals.duplicate} label="duplicates" warn />
            <Summary value={totals.invalid} label="invalid" warn />
          </div>
          <table className="table table--compact">
            <TableHead columns={['Line', 'Name', 'E-mail', 'Student number', 'Section', 'What happens']} />
            <tbody>
              {shown.items.map((line) => (
                <tr key={line.line} className={line.outcome === 'INVALID' || line.outcome === 'DUPLICATE' ? 'row--invalid' : undefined}>
                  <td className="numeric">{line.line}</td>
                  <td>{line.name || <span className="muted">—</span>}</td>
                  <td>{line.email || <span className="muted">—</span>}</td>
                  <td>{line.studentNumber ?? <span className="muted">—</span>}</td>
                  <td>{line.section ?? <span className="muted">—</span>}</td>
                  <td>
                    <span className={`badge ${OUTCOME_BADGES[line.outcome]}`}>{OUTCOME_LABELS[line.outcome]}</span>
                    <div className="small">{line.detail}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager label="Roster preview pages" {...shown.pager} />
          {leftOut > 0 ? (
            <div className="notice notice--warn" role="note">
              <p>
                {leftOut} {leftOut === 1 ? 'line cannot' : 'lines cannot'} be imported (marked above). Fix the file and preview again, or import the other lines
                without them.
              </p>
              <div className="choice">
                <input type="checkbox" id={`${id}-skip`} checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />
                <label htmlFor={`${id}-skip`}>Import the other lines, leaving out {leftOut === 1 ? 'this line' : `these ${leftOut} lines`}</label>
              </div>
            </div>
          ) : null}
          <div className="form__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={changes === 0 || (leftOut > 0 && !skipInvalid)}
              onClick={() => setConfirming(true)}
            >
              {changes === 0 ? 'Nothing to import' : 'Import…'}
            </button>
          </div>
        </div>
      ) : null}

      {result ? (
        <div className="notice notice--success" role="status">
          <p>
            Roster imported: {people(result.totals.newInvitation)} invited by e-mail, {people(result.totals.addExisting)} added,{' '}
            {result.totals.update} updated, {result.totals.alreadyMemberUnchanged + result.totals.alreadyInvited} unchanged
            {result.totals.invalid + result.totals.duplicate ? `, ${result.totals.invalid + result.totals.duplicate} left out` : ''}.
          </p>
        </div>
      ) : null}

      <ConfirmDialog
        open={confirming && !!plan}
        title="Import this roster?"
        confirmLabel="Import roster"
        busyLabel="Importing…"
        busy={applying.fetching}
        error={applying.error}
        onConfirm={() => void apply()}
        onClose={() => setConfirming(false)}
      >
        {totals ? (
          <ul>
            {totals.newInvitation ? <li>{people(totals.newInvitation)} without an account {totals.newInvitation === 1 ? 'gets' : 'get'} an e-mail invitation to join as {roleName}.</li> : null}
            {totals.addExisting ? <li>{people(totals.addExisting)} with an account {totals.addExisting === 1 ? 'becomes a member' : 'become members'} as {roleName} now.</li> : null}
            {totals.update ? <li>{people(totals.update)} {totals.update === 1 ? 'gets' : 'get'} a new student number or section.</li> : null}
            {leftOut ? <li>{leftOut} invalid or duplicate {leftOut === 1 ? 'line is' : 'lines are'} left out.</li> : null}
            <li>Nobody is removed and no role changes.</li>
          </ul>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}

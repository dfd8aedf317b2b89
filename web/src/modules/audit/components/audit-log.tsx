'use client';

import { useId, useState } from 'react';
import { useClient } from 'urql';
import type { CombinedError } from '@urql/core';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { usePagedQuery } from '../../../core/paging/use-paged-query';
import type { VerifyAuditChainQuery as VerifyResult } from '../../../gql/graphql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { DateTime } from '../../ui/components/date-time';
import { SelectFilter } from '../../ui/components/filters';
import { PageRange } from '../../ui/components/page-range';
import { StudentPicker, type PickedStudent } from '../../members/components/student-picker';
import { PagedTable } from '../../ui/components/result-view';
import { ACTION_FAMILIES, NO_FILTERS, actionLabel, csvHref, toQueryVariables, type AuditFilters } from '../audit-filters';
import { AuditEventsQuery, AuditPeopleQuery, VerifyAuditChainQuery } from '../graphql/audit.operations';

const PAGE_SIZE = 50;

/**
 * A space's audit trail, newest first, with filters, a CSV export of the same
 * selection and (for admins) a check of the hash chain.
 */
export function AuditLog({ space }: { space: { id: string; myRole: string } }) {
  const id = useId();
  const client = useClient();
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const events = usePagedQuery({
    query: AuditEventsQuery,
    variables: { spaceId: space.id, ...toQueryVariables(filters) },
    pageSize: PAGE_SIZE,
    select: (data) => data.auditEvents,
  });
  const { data: people } = useSessionQuery({ query: AuditPeopleQuery, variables: { spaceId: space.id }, requestPolicy: 'cache-first' });
  const [verify, setVerify] = useState<{ result?: VerifyResult['verifyAuditChain']; error?: CombinedError; busy: boolean } | null>(null);

  const [student, setStudent] = useState<PickedStudent | null>(null);
  const staff = [...(people?.space?.admins.nodes ?? []), ...(people?.space?.staff.nodes ?? [])].map((m) => m.user);
  const nameOf = (userId: string | null | undefined, user: { name: string } | null | undefined) => (userId ? (user?.name ?? 'Someone no longer listed') : 'The system');

  const set = (patch: Partial<AuditFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const total = events.connection?.totalCount;
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  async function runVerify() {
    setVerify({ busy: true });
    const result = await client.query(VerifyAuditChainQuery, { spaceId: space.id }, { requestPolicy: 'network-only' }).toPromise();
    setVerify({ busy: false, result: result.data?.verifyAuditChain, error: result.error });
  }

  return (
    <section className="section" aria-labelledby="audit-heading">
      <div className="section__header">
        <h2 id="audit-heading">
          Audit log {total != null ? <span className="muted">({total})</span> : null}
        </h2>
        <div className="toolbar">
          <a className="button button--secondary" href={csvHref(space.id, filters)} download>
            Export as CSV
          </a>
          {space.myRole === 'ADMIN' ? (
            <button type="button" className="button button--secondary" aria-disabled={verify?.busy} onClick={() => void runVerify()}>
              {verify?.busy ? 'Checking…' : 'Verify the chain'}
            </button>
          ) : null}
        </div>
      </div>
      <div role="status">
        {verify?.result ? (
          verify.result.ok ? (
            <p className="notice notice--success">All {verify.result.events} events are intact: no event was altered or removed.</p>
          ) : (
            <div className="notice notice--error">
              <p>The chain is broken{verify.result.brokenAt != null ? ` at event ${verify.result.brokenAt}` : ''}.</p>
              {verify.result.problem ? <p className="notice__detail">{verify.result.problem}</p> : null}
            </div>
          )
        ) : null}
      </div>
      {verify?.error ? <ErrorNotice error={verify.error} /> : null}

      <fieldset className="fieldset">
        <legend>Filter</legend>
        <div className="row-fields">
          <SelectFilter
            inline={false}
            label="What"
            value={filters.action}
            options={[{ value: '', label: 'Everything' }, ...ACTION_FAMILIES]}
            onChange={(action) => set({ action })}
          />
          <SelectFilter
            inline={false}
            label="Done by"
            value={filters.actorId}
            options={[{ value: '', label: 'Anyone' }, ...staff.map((u) => ({ value: u.id, label: u.name }))]}
            onChange={(actorId) => set({ actorId })}
          />
          <StudentPicker
            spaceId={space.id}
            label="About student"
            value={filters.studentId ? student : null}
            onChange={(picked) => {
              setStudent(picked);
              set({ studentId: picked?.id ?? '' });
            }}
          />
          <div className="field">
            <label htmlFor={`${id}-from`}>From</label>
            <input id={`${id}-from`} type="date" value={filters.from} onChange={(e) => set({ from: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>To</label>
            <input id={`${id}-to`} type="date" value={filters.to} onChange={(e) => set({ to: e.target.value })} />
          </div>
        </div>
        {filtered ? (
          <button type="button" className="button button--ghost button--small" onClick={() => setFilters(NO_FILTERS)}>
            Clear the filters
          </button>
        ) : null}
      </fieldset>

      <PageRange page={events.pager.page} pageSize={PAGE_SIZE} shown={events.nodes.length} total={total} />
      <PagedTable
        state={events}
        label="Audit log pages"
        loadingText="Loading the audit log…"
        emptyText={<p>{filtered ? 'No event matches these filters.' : 'Nothing has been recorded yet.'}</p>}
        columns={[{ label: '#', numeric: true }, 'When', 'Who', 'What', 'About', 'Details']}
        rowKey={(event) => event.id}
      >
        {(event) => (
          <>
            <td className="numeric">{event.seq}</td>
            <td>
              <DateTime iso={event.createdAt} />
            </td>
            <td>{nameOf(event.actorId, event.actor)}</td>
            <td>
              {actionLabel(event.action)}
              <div className="muted small">
                <code>{event.action}</code>
              </div>
            </td>
            <td>
              {event.studentId ? nameOf(event.studentId, event.student) : <span className="muted">{event.subjectType}</span>}
            </td>
            <td>
              <details>
                <summary>
                  Before and after<span className="visually-hidden"> of event {event.seq}</span>
                </summary>
                <dl className="audit-change">
                  <dt>Before</dt>
                  <dd>
                    <pre>{event.before ? JSON.stringify(event.before, null, 2) : '—'}</pre>
                  </dd>
                  <dt>After</dt>
                  <dd>
                    <pre>{event.after ? JSON.stringify(event.after, null, 2) : '—'}</pre>
                  </dd>
                  <dt>Hash</dt>
                  <dd>
                    <code className="hash">{event.hash}</code>
                  </dd>
                </dl>
              </details>
            </td>
          </>
        )}
      </PagedTable>
    </section>
  );
}

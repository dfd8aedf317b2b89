'use client';

import { useId, useMemo, useState } from 'react';
import { useClient, useQuery } from 'urql';
import type { CombinedError } from '@urql/core';
import { useCursorPages } from '../../../core/paging/use-cursor-pages';
import type { SpaceQuery, VerifyAuditChainQuery as VerifyResult } from '../../../gql/graphql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { DateTime } from '../../ui/components/date-time';
import { Pager } from '../../ui/components/pager';
import { EmptyState, LoadingLine } from '../../ui/components/status-line';
import { ACTION_FAMILIES, NO_FILTERS, actionLabel, csvHref, toQueryVariables, type AuditFilters } from '../audit-filters';
import { AuditEventsQuery, AuditPeopleQuery, VerifyAuditChainQuery } from '../graphql/audit.operations';

const PAGE_SIZE = 50;

/**
 * A space's audit trail, newest first, with filters, a CSV export of the same
 * selection and (for admins) a check of the hash chain.
 */
export function AuditLog({ space }: { space: SpaceQuery['space'] }) {
  const id = useId();
  const client = useClient();
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const paging = useCursorPages(JSON.stringify(filters));
  const [{ data, error, fetching }, refetch] = useQuery({
    query: AuditEventsQuery,
    variables: { spaceId: space.id, ...toQueryVariables(filters), first: PAGE_SIZE, after: paging.after },
    requestPolicy: 'cache-and-network',
  });
  const [{ data: people }] = useQuery({ query: AuditPeopleQuery, variables: { spaceId: space.id } });
  const [verify, setVerify] = useState<{ result?: VerifyResult['verifyAuditChain']; error?: CombinedError; busy: boolean } | null>(null);

  // Names for ids: students from their personal workspaces, staff from the roster.
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const w of space.workspaces) if (w.owner) map.set(w.owner.id, w.owner.name);
    for (const m of [...(people?.space.admins.nodes ?? []), ...(people?.space.staff.nodes ?? [])]) map.set(m.user.id, m.user.name);
    return map;
  }, [space.workspaces, people]);
  const staff = [...(people?.space.admins.nodes ?? []), ...(people?.space.staff.nodes ?? [])].map((m) => m.user);
  const students = space.workspaces.filter((w) => w.kind === 'PERSONAL' && w.owner).map((w) => w.owner!);
  const nameOf = (userId: string | null | undefined) => (userId ? (names.get(userId) ?? 'Someone no longer listed') : 'The system');

  const set = (patch: Partial<AuditFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const events = data?.auditEvents;
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
          Audit log {events?.totalCount != null ? <span className="muted">({events.totalCount})</span> : null}
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
          <div className="field">
            <label htmlFor={`${id}-action`}>What</label>
            <select id={`${id}-action`} value={filters.action} onChange={(e) => set({ action: e.target.value })}>
              <option value="">Everything</option>
              {ACTION_FAMILIES.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-actor`}>Done by</label>
            <select id={`${id}-actor`} value={filters.actorId} onChange={(e) => set({ actorId: e.target.value })}>
              <option value="">Anyone</option>
              {staff.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-student`}>About student</label>
            <select id={`${id}-student`} value={filters.studentId} onChange={(e) => set({ studentId: e.target.value })}>
              <option value="">Any</option>
              {students.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
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

      {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {!events && fetching ? <LoadingLine>Loading the audit log…</LoadingLine> : null}
      {events && events.nodes.length === 0 ? (
        <EmptyState>
          <p>{filtered ? 'No event matches these filters.' : 'Nothing has been recorded yet.'}</p>
        </EmptyState>
      ) : null}
      {events && events.nodes.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col" className="numeric">
                #
              </th>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">About</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {events.nodes.map((event) => (
              <tr key={event.id}>
                <td className="numeric">{event.seq}</td>
                <td>
                  <DateTime iso={event.createdAt} />
                </td>
                <td>{nameOf(event.actorId)}</td>
                <td>
                  {actionLabel(event.action)}
                  <div className="muted small">
                    <code>{event.action}</code>
                  </div>
                </td>
                <td>
                  {event.studentId ? nameOf(event.studentId) : <span className="muted">{event.subjectType}</span>}
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
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pager
        label="Audit log pages"
        page={paging.page}
        hasPrevious={paging.page > 1}
        hasNext={events?.pageInfo.hasNextPage ?? false}
        loading={fetching}
        onPrevious={paging.previous}
        onNext={() => paging.next(events?.pageInfo.endCursor)}
      />
    </section>
  );
}

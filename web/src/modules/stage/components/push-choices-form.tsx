'use client';

import { useId, useState } from 'react';
import { usePagedQuery } from '../../../core/paging/use-paged-query';
import { useSettled } from '../../../core/use-settled';
import { enumDescriptions } from '../../../gql/enum-descriptions';
import type { ConflictPolicy, SpaceQuery } from '../../../gql/graphql';
import { PushTargetsQuery } from '../../spaces/graphql/space.query';
import { DateTime } from '../../ui/components/date-time';
import { SearchFilter } from '../../ui/components/filters';
import { PageRange } from '../../ui/components/page-range';
import { Pager } from '../../ui/components/pager';
import { policyLabel } from '../../distributions/distribution-labels';
import { workspaceKindLabel } from '../../workspaces/workspace-labels';
import { CONFLICT_POLICIES, POLICY_AREAS, type PushChoices, type PushOrigin } from '../push-input';

type Space = NonNullable<SpaceQuery['space']>;

const AREA_NAMES = { files: 'Files', tables: 'Tables', applications: 'Applications' } as const;

const PAGE_SIZE = 10;

interface PushChoicesFormProps {
  space: Space;
  sourceWorkspaceId: string;
  choices: PushChoices;
  onChange: (choices: PushChoices) => void;
}

export function PushChoicesForm({ space, sourceWorkspaceId, choices, onChange }: PushChoicesFormProps) {
  const id = useId();
  const [searchText, setSearchText] = useState('');
  const search = useSettled(searchText);
  const admin = space.myRole === 'ADMIN';
  // The workspaces this push could change come a page at a time from the server: a course has one per student.
  const targets = usePagedQuery({
    query: PushTargetsQuery,
    variables: { spaceId: space.id, search: search || null, excluding: sourceWorkspaceId },
    pageSize: PAGE_SIZE,
    select: (data) => data.space?.workspaceList,
    pause: choices.targetMode !== 'workspaces',
  });
  const chosen = new Set(choices.workspaceIds);
  const set = (patch: Partial<PushChoices>) => onChange({ ...choices, ...patch });

  return (
    <div className="push-form">
      <OriginSummary origin={choices.origin} />
      {choices.origin.kind === 'stage' ? (
        <div className="choice">
          <input
            type="checkbox"
            id={`${id}-clear`}
            checked={choices.clearStage}
            onChange={(e) => set({ clearStage: e.target.checked })}
            aria-describedby={`${id}-clear-hint`}
          />
          <label htmlFor={`${id}-clear`}>Clear the stage after this push</label>
          <span id={`${id}-clear-hint`} className="hint">
            The pushed items leave your stage once the push starts, so they are not pushed again by mistake; items you did not
            choose stay.
          </span>
        </div>
      ) : null}

      <fieldset className="fieldset">
        <legend>Push to</legend>
        <div className="choice">
          <input
            type="radio"
            id={`${id}-students`}
            name={`${id}-mode`}
            checked={choices.targetMode === 'students'}
            disabled={!admin}
            onChange={() => set({ targetMode: 'students' })}
          />
          <label htmlFor={`${id}-students`}>Every student of {space.name}</label>
        </div>
        {!admin ? <p className="hint">Only an instructor can push to every student.</p> : null}
        {choices.targetMode === 'students' ? (
          <div className="choice choice--nested">
            <input
              type="checkbox"
              id={`${id}-future`}
              checked={choices.includeFutureMembers}
              onChange={(e) => set({ includeFutureMembers: e.target.checked })}
              aria-describedby={`${id}-future-hint`}
            />
            <label htmlFor={`${id}-future`}>Include future members</label>
            <span id={`${id}-future-hint`} className="hint">
              Also push to the course’s distributed workspace, so students who join later start with it.
            </span>
          </div>
        ) : null}
        <div className="choice">
          <input
            type="radio"
            id={`${id}-chosen`}
            name={`${id}-mode`}
            checked={choices.targetMode === 'workspaces'}
            onChange={() => set({ targetMode: 'workspaces' })}
          />
          <label htmlFor={`${id}-chosen`}>Chosen workspaces</label>
        </div>
        {choices.targetMode === 'workspaces' ? (
          <div className="choice--nested">
            <div className="toolbar">
              <SearchFilter
                label="Find"
                value={searchText}
                onChange={setSearchText}
                placeholder="Name, e-mail or student number"
                status={`${chosen.size} chosen`}
              />
              <PageRange page={targets.pager.page} pageSize={PAGE_SIZE} shown={targets.nodes.length} total={targets.connection?.totalCount} />
            </div>
            {targets.error ? (
              <p className="field__error" role="alert">
                The workspaces could not be loaded: {targets.error.message}
              </p>
            ) : !targets.connection ? (
              <p className="muted">Loading the workspaces you can change…</p>
            ) : targets.nodes.length === 0 ? (
              <p className="muted">{search ? `No workspace you can change matches “${search}”.` : 'There is no other workspace you can change.'}</p>
            ) : (
              <ul className="checkbox-list">
                {targets.nodes.map((w) => (
                  <li key={w.id}>
                    <input
                      type="checkbox"
                      id={`${id}-w-${w.id}`}
                      checked={chosen.has(w.id)}
                      onChange={() =>
                        set({
                          workspaceIds: chosen.has(w.id) ? choices.workspaceIds.filter((x) => x !== w.id) : [...choices.workspaceIds, w.id],
                        })
                      }
                    />
                    <label htmlFor={`${id}-w-${w.id}`}>
                      {w.name} <span className="muted">({workspaceKindLabel(w.kind).toLowerCase()})</span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
            <Pager label="Workspace pages" {...targets.pager} />
          </div>
        ) : null}
      </fieldset>

      <fieldset className="fieldset">
        <legend>Where a target already has something at a path</legend>
        <div className="policy-grid">
          {POLICY_AREAS.map((area) => (
            <div className="field" key={area}>
              <label htmlFor={`${id}-policy-${area}`}>{AREA_NAMES[area]}</label>
              <select
                id={`${id}-policy-${area}`}
                value={choices.policies[area]}
                aria-describedby={`${id}-policy-${area}-hint`}
                onChange={(e) => set({ policies: { ...choices.policies, [area]: e.target.value as ConflictPolicy } })}
              >
                {CONFLICT_POLICIES.map((policy) => (
                  <option key={policy} value={policy}>
                    {policyLabel(policy)}
                  </option>
                ))}
              </select>
              <span id={`${id}-policy-${area}-hint`} className="hint">
                {enumDescriptions.ConflictPolicy[choices.policies[area]]}
              </span>
            </div>
          ))}
        </div>
      </fieldset>

      <div className="choice">
        <input
          type="checkbox"
          id={`${id}-snapshot`}
          checked={choices.snapshotFirst}
          onChange={(e) => set({ snapshotFirst: e.target.checked })}
          aria-describedby={`${id}-snapshot-hint`}
        />
        <label htmlFor={`${id}-snapshot`}>Take a snapshot of each target first</label>
        <span id={`${id}-snapshot-hint`} className="hint">
          Costs no space; lets each recipient go back to how things were.
        </span>
      </div>

      <div className="field">
        <label htmlFor={`${id}-message`}>Message to recipients (optional)</label>
        <textarea id={`${id}-message`} rows={2} value={choices.message} onChange={(e) => set({ message: e.target.value })} />
      </div>
    </div>
  );
}

/** What is pushed, every item named: staged items with their source and when they were staged, or a bundle's items. */
function OriginSummary({ origin }: { origin: PushOrigin }) {
  const count = origin.paths.length;
  const items = count === 1 ? 'item' : 'items';
  return (
    <div className="origin-summary">
      <p>
        {origin.kind === 'bundle' ? `Pushing the bundle “${origin.name}” (${count} ${items}):` : `Pushing ${count} staged ${items} from ${origin.sourceName}:`}
      </p>
      <ul className="origin-items" aria-label="Items pushed">
        {origin.kind === 'stage'
          ? origin.items.map((item) => (
              <li key={item.id}>
                <code>{item.path || '(the whole workspace)'}</code>{' '}
                <span className="muted">
                  from {origin.sourceName}, staged <DateTime iso={item.stagedAt} />
                </span>
              </li>
            ))
          : origin.paths.map((path) => (
              <li key={path}>
                <code>{path || '(the whole workspace)'}</code>
              </li>
            ))}
      </ul>
    </div>
  );
}

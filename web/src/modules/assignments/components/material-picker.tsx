'use client';

import { useId } from 'react';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { formatBytes } from '../../../core/format/bytes';
import { ErrorNotice } from '../../shell/components/error-notice';
import { WorkspaceEntriesQuery } from '../../workspaces/graphql/workspace-entries.query';
import { AREAS, type Area } from '../../workspaces/workspace-paths';

interface MaterialPickerProps {
  workspaceId: string;
  selected: ReadonlySet<string>;
  onToggle: (path: string) => void;
}

const AREA_TITLES: Record<Area, string> = { files: 'Files and folders', tables: 'Tables', applications: 'Applications' };

/** Checkboxes for the entries at the top of each area of the master workspace. */
export function MaterialPicker({ workspaceId, selected, onToggle }: MaterialPickerProps) {
  return (
    <div className="material-picker">
      {AREAS.map((area) => (
        <AreaEntries key={area} workspaceId={workspaceId} area={area} selected={selected} onToggle={onToggle} />
      ))}
    </div>
  );
}

function AreaEntries({ workspaceId, area, selected, onToggle }: MaterialPickerProps & { area: Area }) {
  const id = useId();
  const { data, error } = useSessionQuery({
    query: WorkspaceEntriesQuery,
    variables: { id: workspaceId, path: area, snapshotId: null, first: 100, after: null },
    requestPolicy: 'cache-first',
  });
  const entries = data?.workspace?.entries.nodes ?? [];
  return (
    <fieldset className="fieldset">
      <legend>{AREA_TITLES[area]}</legend>
      {error ? <ErrorNotice error={error} /> : null}
      {data && entries.length === 0 ? <p className="muted">None.</p> : null}
      <ul className="checkbox-list">
        {entries.map((entry) => (
          <li key={entry.path}>
            <input type="checkbox" id={`${id}-${entry.name}`} checked={selected.has(entry.path)} onChange={() => onToggle(entry.path)} />
            <label htmlFor={`${id}-${entry.name}`}>
              <code>{entry.path}</code> <span className="muted">{formatBytes(entry.size)}</span>
            </label>
          </li>
        ))}
      </ul>
      {data?.workspace?.entries.pageInfo.hasNextPage ? <p className="hint">Only the first 100 are listed; add others below.</p> : null}
    </fieldset>
  );
}

'use client';

import { useEffect, useRef } from 'react';
import { formatBytes } from '../../../core/format/bytes';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { WorkspaceStorageQuery } from '../graphql/storage.query';

/**
 * "Uses 6 KB · 2 KB only in its history": asked on its own, so the page does
 * not wait for the measurement, and again when the workspace changes.
 */
export function WorkspaceStorage({ workspaceId, version }: { workspaceId: string; version: number }) {
  const { data, reload } = useSessionQuery({ query: WorkspaceStorageQuery, variables: { id: workspaceId } });
  const measured = useRef(version);
  useEffect(() => {
    if (version === measured.current) return;
    measured.current = version;
    reload();
  }, [version, reload]);
  const use = data?.workspace?.storageUse;
  if (!use) return null;
  return (
    <span className="muted" title="The current state; and the bytes that only this workspace’s history (snapshots, hand-ins) holds">
      Uses {formatBytes(use.logicalBytes)} · {formatBytes(use.exclusiveBytes)} only in its history
    </span>
  );
}

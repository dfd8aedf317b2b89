'use client';

import { createContext, useContext, useEffect, useRef } from 'react';
import type { WorkspaceQuery } from '../../../gql/graphql';

export interface WorkspaceView {
  workspace: NonNullable<WorkspaceQuery['workspace']>;
  /** The snapshot being browsed, or null for the current state. */
  snapshotId: string | null;
  /** Whether changes are offered: the caller may write and is looking at the current state. */
  editable: boolean;
  /** Grows whenever the workspace changes (by anyone); lists refetch when it does. */
  version: number;
  /** Whether the caller stages and pushes in this space (never a course's students or viewers). */
  staging: boolean;
  /** Whether the caller is staff of the space (sees distributions and other instructor pages). */
  staff: boolean;
}

export const WorkspaceViewContext = createContext<WorkspaceView | null>(null);

export function useWorkspaceView(): WorkspaceView {
  const view = useContext(WorkspaceViewContext);
  if (!view) throw new Error('useWorkspaceView outside a workspace page');
  return view;
}

/** Calls `refresh` when `version` changes after the first render. */
export function useRefreshOn(version: number, refresh: () => void): void {
  const seen = useRef(version);
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    latest.current();
  }, [version]);
}

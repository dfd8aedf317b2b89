'use client';

import type { CombinedError } from '@urql/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { AddToStageMutation } from '../graphql/workspace.mutations';
import { useWorkspaceView } from './workspace-context';

export interface StageAction {
  stage(paths: string[]): Promise<boolean>;
  /** Whether the caller stages at all; stage buttons show only then. */
  offered: boolean;
  staging: boolean;
  error: CombinedError | undefined;
  /** What was last staged, for a status line. */
  staged: string[];
}

/** Adds paths of the browsed state (current, or the snapshot) to the caller's stage. */
export function useStage(): StageAction {
  const { workspace, snapshotId, staging } = useWorkspaceView();
  const [{ fetching, error }, addToStage] = useMutation(AddToStageMutation);
  const [staged, setStaged] = useState<string[]>([]);
  return {
    offered: staging,
    staging: fetching,
    error,
    staged,
    async stage(paths) {
      setStaged([]);
      const result = await addToStage({ source: { workspaceId: workspace.id, snapshotId }, paths });
      if (!result.data) return false;
      setStaged(paths);
      return true;
    },
  };
}

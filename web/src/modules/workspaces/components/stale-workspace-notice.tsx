'use client';

import { useEffect, useEffectEvent, useState } from 'react';
import type { StaleEdit } from '../../../core/errors/stale-edit';
import { StaleEditNotice } from '../../shell/components/stale-edit-notice';
import { useWorkspaceView } from './workspace-context';

/**
 * The workspace version a dialog's change is based on: the one shown when
 * `opened` (the entry the dialog is about) was set, not the live one, so a
 * change made meanwhile by anyone is refused instead of silently undone.
 * `retry` sends the change again from another version, moving the base on.
 */
export function useVersionWhenOpened(opened: unknown, send: (expectedVersion: number) => Promise<void>) {
  const { version } = useWorkspaceView();
  const [base, setBase] = useState(version);
  // Only `opened`: the version is fixed when the dialog opens, not as the workspace moves on.
  const fixBase = useEffectEvent(() => setBase(version));
  useEffect(() => {
    if (opened) fixBase();
  }, [opened]);
  const retry = (expectedVersion: number) => {
    setBase(expectedVersion);
    void send(expectedVersion);
  };
  return { base, retry };
}

/** A dialog's change refused as stale: cancel and look again, or do it anyway from the current version. */
export function StaleWorkspaceNotice({ stale, onCancel, onRetry, retryLabel }: { stale: StaleEdit; onCancel: () => void; onRetry: (version: number) => void; retryLabel: string }) {
  return (
    <StaleEditNotice
      stale={stale}
      subject="this workspace"
      onReload={onCancel}
      reloadLabel="Cancel and look again"
      onOverwrite={() => onRetry(stale.currentVersion)}
      overwriteLabel={retryLabel}
      refusal="Not done"
    />
  );
}

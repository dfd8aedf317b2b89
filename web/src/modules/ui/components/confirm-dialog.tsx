'use client';

import type { CombinedError } from '@urql/core';
import type { ReactNode } from 'react';
import { ErrorNotice } from '../../shell/components/error-notice';
import { BusyButton } from './busy-button';
import { Dialog } from './dialog';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busyLabel?: string;
  busy?: boolean;
  danger?: boolean;
  error?: CombinedError | null;
  onConfirm: () => void;
  onClose: () => void;
}

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  busyLabel,
  busy,
  danger,
  error,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <div className="dialog__content">{children}</div>
      {error ? <ErrorNotice error={error} /> : null}
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          Cancel
        </button>
        <BusyButton className={`button ${danger ? 'button--danger' : 'button--primary'}`} busy={busy ?? false} busyLabel={busyLabel ?? 'Working…'} onClick={onConfirm}>
          {confirmLabel}
        </BusyButton>
      </div>
    </Dialog>
  );
}

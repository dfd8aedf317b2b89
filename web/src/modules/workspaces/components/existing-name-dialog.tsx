'use client';

import type { ReactNode } from 'react';
import { Dialog } from '../../ui/components/dialog';

/** What to do with an upload whose name is taken: replace the file, keep both, or keep only the existing one. */
export type ExistingNameChoice = 'replace' | 'both' | 'keep';

interface ExistingNameDialogProps {
  /** The taken name; null when nothing is asked. */
  name: string | null;
  /** Where the name is taken, as the sentence starts: a folder in <code>, or words. */
  place: ReactNode;
  /** The name the upload gets when both are kept; without it only replace or cancel are offered. */
  keepBothAs?: string;
  /** What is there, as the sentence names it: 'a file' unless told. */
  what?: string;
  /** What replacing keeps of the old one. */
  replacing?: ReactNode;
  onChoose: (choice: ExistingNameChoice) => void;
}

/** Asks before an upload (or a new object) replaces one of the same name. Closing the dialog keeps the existing one. */
export function ExistingNameDialog({ name, place, keepBothAs, what = 'a file', replacing, onChoose }: ExistingNameDialogProps) {
  return (
    <Dialog open={name !== null} title={`${name ?? 'A file'} already exists`} onClose={() => onChoose('keep')}>
      <div className="dialog__content">
        <p>
          {place} already has {what} named <code>{name}</code>.{' '}
          {replacing ?? 'Replacing it puts your upload in its place (history keeps the old version)'}
          {keepBothAs !== undefined ? (
            <>
              ; keeping both uploads yours as <code>{keepBothAs}</code>.
            </>
          ) : (
            '.'
          )}
        </p>
      </div>
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={() => onChoose('keep')}>
          Cancel
        </button>
        {keepBothAs !== undefined ? (
          <button type="button" className="button button--secondary" onClick={() => onChoose('both')}>
            Keep both
          </button>
        ) : null}
        <button type="button" className="button button--danger" onClick={() => onChoose('replace')}>
          Replace
        </button>
      </div>
    </Dialog>
  );
}

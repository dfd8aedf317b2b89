export type ReversalChoice = 'undo' | 'retract';

/**
 * The two ways to take a push back, in words that say how they differ: undo
 * restores what the push replaced, retract only deletes what it delivered.
 */
export const REVERSALS = {
  undo: {
    kind: 'UNDO',
    title: 'Undo this push?',
    confirmLabel: 'Undo the push',
    busyLabel: 'Starting the undo…',
    removedHeading: 'Set back',
    explanation:
      'Undo puts each workspace back as it was before this push: what the push added is deleted, and what it replaced or removed comes back. Files a recipient changed since the push stay as they left them.',
  },
  retract: {
    kind: 'RETRACT',
    title: 'Retract this push?',
    confirmLabel: 'Retract',
    busyLabel: 'Starting the retraction…',
    removedHeading: 'Deleted',
    explanation:
      'Retract takes back what this push delivered: delivered files a recipient has not changed are deleted. Unlike undo, nothing the push replaced comes back. Files a recipient changed stay as they left them.',
  },
} as const;

export const REVERSAL_COMMON = 'It runs as a new distribution you can follow, and each recipient is told that material was taken back.';

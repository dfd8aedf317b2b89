'use client';

import { createContext, useContext, type ReactNode } from 'react';

/** What a reader chose to comment on: a line range of a text file, or a notebook cell (0-based). */
export type AnnotationTarget = { kind: 'lines'; start: number; end: number } | { kind: 'cell'; index: number };

/**
 * Lets a viewer show comments next to the lines and cells of the file it
 * draws, and lets a grader choose lines (click a line number, shift-click
 * for a range) or a cell. Without a provider viewers draw the file alone.
 */
export interface AnnotationSlots {
  selection: AnnotationTarget | null;
  /** Absent when the reader may not comment (the student's view). */
  select?: (target: AnnotationTarget | null) => void;
  /** Shown under a line: the comments ending there, and the comment form. */
  afterLine: (line: number) => ReactNode;
  /** Shown under a notebook cell. */
  afterCell: (index: number) => ReactNode;
}

const SlotsContext = createContext<AnnotationSlots | null>(null);

export const AnnotationSlotsProvider = SlotsContext.Provider;

export const useAnnotationSlots = (): AnnotationSlots | null => useContext(SlotsContext);

/** A click on line `line`: a shift-click stretches the chosen range from its first line. */
export function linesClicked(current: AnnotationTarget | null, line: number, shift: boolean): AnnotationTarget {
  if (shift && current?.kind === 'lines') return { kind: 'lines', start: Math.min(current.start, line), end: Math.max(current.start, line) };
  return { kind: 'lines', start: line, end: line };
}

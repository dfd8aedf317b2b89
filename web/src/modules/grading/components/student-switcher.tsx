'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useLayoutEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { studentStatusLabel } from '../../assignments/assignment-labels';
import { describeTrackerFilters, trackerQuery, type TrackerFilters } from '../../assignments/tracker-filters';
import { ConfirmDialog } from '../../ui/components/confirm-dialog';
import { studentGradingHref } from '../grading-urls';
import type { OrderedStudent } from '../grading-order';
import { useGradingOrder } from './use-grading-order';
import { useReadAhead } from './use-read-ahead';

interface StudentSwitcherProps {
  assignmentId: string;
  studentId: string;
  /** The tracker's filters this grading session follows. */
  filters: TrackerFilters;
  /** An unsaved grade, which moving on would lose; the grader is asked first. */
  unsaved: boolean;
}

/** A click that asks for a new tab or window is left to the browser. */
const opensElsewhere = (event: MouseEvent<HTMLAnchorElement>) => event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey;

/** Alt+N and Alt+P: a modifier, so typing in the comment never moves on by accident. */
const SHORTCUTS = { next: 'Alt+N', previous: 'Alt+P' } as const;

/**
 * Previous and next student in the tracker's current filter and order, as
 * links and with Alt+N / Alt+P; their pages are read ahead, so a move shows
 * the student at once.
 */
export function StudentSwitcher({ assignmentId, studentId, filters, unsaved }: StudentSwitcherProps) {
  const router = useRouter();
  const order = useGradingOrder(assignmentId, filters, studentId);
  useReadAhead(assignmentId, filters, [order.next?.id, order.previous?.id]);
  const [leavingFor, setLeavingFor] = useState<string | null>(null);
  const hrefOf = (student: OrderedStudent) => `${studentGradingHref(assignmentId, student.id)}${trackerQuery(filters)}`;

  function go(student: OrderedStudent | null) {
    if (!student) return;
    if (unsaved) setLeavingFor(hrefOf(student));
    else router.push(hrefOf(student));
  }

  // The listener stays put and reads the latest neighbours and unsaved state from here.
  const latest = useRef({ order, go });
  useLayoutEffect(() => {
    latest.current = { order, go };
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (document.querySelector('dialog[open]')) return;
      const { order: now, go: move } = latest.current;
      const target = event.code === 'KeyN' ? now.next : event.code === 'KeyP' ? now.previous : undefined;
      if (target === undefined) return;
      event.preventDefault();
      move(target);
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const where = describeTrackerFilters(filters, studentStatusLabel);
  return (
    <nav className="student-switcher" aria-label="Students">
      {order.previous ? (
        <StepLink href={hrefOf(order.previous)} shortcut={SHORTCUTS.previous} onGo={() => go(order.previous)}>
          ← Previous: {order.previous.name}
        </StepLink>
      ) : null}
      <p className="student-switcher__where muted" aria-live="polite">
        {order.loading
          ? 'Finding the next students…'
          : order.error
            ? 'The list of students could not be read, so there is no next or previous.'
            : order.position
            ? `Student ${order.position} of ${order.total}: ${where}.`
            : `Not in the tracker’s list (${where}).`}{' '}
        {order.previous || order.next ? (
          <span className="hint">
            Keys: <kbd>{SHORTCUTS.previous}</kbd> previous, <kbd>{SHORTCUTS.next}</kbd> next.
          </span>
        ) : null}
      </p>
      {order.next ? (
        <StepLink href={hrefOf(order.next)} shortcut={SHORTCUTS.next} onGo={() => go(order.next)}>
          Next: {order.next.name} →
        </StepLink>
      ) : null}
      <ConfirmDialog
        open={leavingFor !== null}
        title="Leave without saving the grade?"
        confirmLabel="Leave without saving"
        danger
        onClose={() => setLeavingFor(null)}
        onConfirm={() => {
          if (leavingFor) router.push(leavingFor);
          setLeavingFor(null);
        }}
      >
        <p>The points and comment typed here have not been saved yet.</p>
      </ConfirmDialog>
    </nav>
  );
}

/** A link to a neighbouring student; a plain click goes through `onGo`, which may ask first. */
function StepLink({ href, shortcut, onGo, children }: { href: string; shortcut: string; onGo: () => void; children: ReactNode }) {
  return (
    <Link
      className="button button--secondary button--small"
      href={href}
      // The whole route ahead of time (not only its layout), so a move renders without a round trip to the dashboard's server.
      prefetch
      aria-keyshortcuts={shortcut}
      onClick={(event) => {
        if (opensElsewhere(event)) return;
        event.preventDefault();
        onGo();
      }}
    >
      {children}
    </Link>
  );
}

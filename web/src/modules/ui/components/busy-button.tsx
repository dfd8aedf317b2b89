import type { ReactNode } from 'react';

interface BusyButtonProps {
  busy: boolean;
  /** Its words while the action runs. */
  busyLabel: string;
  onClick: () => void;
  className?: string;
  children: ReactNode;
}

/**
 * A button for an action that takes a moment. While it runs the button stays
 * focusable but says so and ignores further presses, instead of being disabled
 * (which would drop keyboard focus).
 */
export function BusyButton({ busy, busyLabel, onClick, className = 'button button--secondary', children }: BusyButtonProps) {
  return (
    <button
      type="button"
      className={className}
      aria-disabled={busy}
      onClick={() => {
        if (!busy) onClick();
      }}
    >
      {busy ? busyLabel : children}
    </button>
  );
}

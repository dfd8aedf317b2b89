import type { ReactNode } from 'react';

/** A loading line announced to screen readers. */
export function LoadingLine({ children }: { children: ReactNode }) {
  return (
    <p className="page-status" role="status">
      {children}
    </p>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="empty-state">{children}</div>;
}

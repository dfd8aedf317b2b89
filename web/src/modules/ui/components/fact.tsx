import type { ReactNode } from 'react';

/** One term and its value in a list of facts (`<dl className="facts">`). */
export function Fact({ term, children }: { term: ReactNode; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

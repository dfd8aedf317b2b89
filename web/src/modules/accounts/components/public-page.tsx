import Link from 'next/link';
import type { ReactNode } from 'react';

/** The frame of the pages people see before they sign in: sign-up, invitations, password resets. */
export function PublicPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main id="main" className="page page--narrow login">
      <p>
        <Link href="/" className="brand">
          Stagecoach
        </Link>
      </p>
      <h1>{title}</h1>
      {children}
    </main>
  );
}

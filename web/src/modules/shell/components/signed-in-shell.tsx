'use client';

import { useRouter } from 'next/navigation';
import { useEffect, type ReactNode } from 'react';
import { isUnauthenticated } from '../../../core/errors/error-message';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { MeQuery } from '../../auth/graphql/me.query';
import { AppHeader } from './app-header';
import { ErrorNotice } from './error-notice';

/**
 * The frame of every page that needs a session: sends visitors without one to
 * the sign-in page, and otherwise shows the header around the page.
 */
export function SignedInShell({ children }: { children: ReactNode }) {
  const router = useRouter();
  const { data, fetching, error, reload } = useSessionQuery({ query: MeQuery, requestPolicy: 'cache-first' });
  const me = data?.me;
  const signedOut = (data !== undefined && me === null && !fetching) || isUnauthenticated(error);

  useEffect(() => {
    if (signedOut) router.replace('/login');
  }, [signedOut, router]);

  if (!me) {
    if (error && !signedOut) {
      return (
        <main id="main" className="page page--narrow">
          <h1>Stagecoach</h1>
          <ErrorNotice error={error} onRetry={reload} />
        </main>
      );
    }
    return (
      <p className="page-status" role="status">
        {signedOut ? 'Taking you to the sign-in page…' : 'Loading…'}
      </p>
    );
  }

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader user={me} />
      <main id="main" className="page" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useMutation } from 'urql';
import { isUnauthenticated } from '../../../core/errors/error-message';
import { useResetSession } from '../../../core/graphql/graphql-provider';
import { LogoutMutation } from '../../auth/graphql/logout.mutation';
import { ErrorNotice } from './error-notice';

export function SignOutButton() {
  const router = useRouter();
  const resetSession = useResetSession();
  const [{ fetching, error }, logout] = useMutation(LogoutMutation);

  async function signOut() {
    if (fetching) return;
    const result = await logout({});
    // A session that has already ended is as good as signed out.
    if (result.error && !isUnauthenticated(result.error)) return;
    router.replace('/login');
    resetSession();
  }

  return (
    <div className="sign-out">
      <button type="button" className="button button--secondary" onClick={signOut} aria-disabled={fetching}>
        {fetching ? 'Signing out…' : 'Sign out'}
      </button>
      {error && !isUnauthenticated(error) ? <ErrorNotice error={error} /> : null}
    </div>
  );
}

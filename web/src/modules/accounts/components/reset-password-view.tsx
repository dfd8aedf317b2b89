'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useResetSession } from '../../../core/graphql/graphql-provider';
import { ErrorNotice } from '../../shell/components/error-notice';
import { ResetPasswordMutation } from '../graphql/account.mutations';
import { SignUpSettingsQuery } from '../graphql/sign-up-settings.query';
import { NewPasswordField } from './account-fields';
import { PublicPage } from './public-page';

/** `/reset-password/<token>`: sets a new password with a mailed link and signs in. */
export function ResetPasswordView({ token }: { token: string }) {
  const router = useRouter();
  const resetSession = useResetSession();
  const [{ data }] = useQuery({ query: SignUpSettingsQuery });
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const [{ fetching, error }, reset] = useMutation(ResetPasswordMutation);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (fetching || done) return;
    const result = await reset({ token, newPassword: password });
    if (!result.data) return;
    setDone(true);
    resetSession();
    router.replace('/');
  }

  return (
    <PublicPage title="Set a new password">
      <form className="form" onSubmit={onSubmit}>
        <NewPasswordField label="New password" value={password} onChange={setPassword} rule={data?.signUpSettings.passwordRule} />
        {error && !done ? <ErrorNotice error={error} /> : null}
        <button type="submit" className="button button--primary" aria-disabled={fetching || done}>
          {fetching || done ? 'Saving…' : 'Set password and sign in'}
        </button>
      </form>
      <p>
        Link not working? <Link href="/forgot-password">Ask for a new one</Link>.
      </p>
    </PublicPage>
  );
}

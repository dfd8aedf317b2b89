'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useResetSession } from '../../../core/graphql/graphql-provider';
import { ErrorNotice } from '../../shell/components/error-notice';
import { SignUpMutation } from '../graphql/account.mutations';
import { SignUpSettingsQuery } from '../graphql/sign-up-settings.query';
import { NewAccountFields, type NewAccount } from './account-fields';
import { PublicPage } from './public-page';

const SIGN_UP_WORDING = { FORBIDDEN: 'This Stagecoach does not allow signing up without an invitation. Ask a course admin for an invitation link.' };

/** Open sign-up: shown only when the instance allows it (ALLOW_SIGN_UP). */
export function SignUpView() {
  const router = useRouter();
  const resetSession = useResetSession();
  const [{ data, error: settingsError }] = useQuery({ query: SignUpSettingsQuery });
  const [account, setAccount] = useState<NewAccount>({ name: '', email: '', password: '' });
  const [done, setDone] = useState(false);
  const [{ fetching, error }, signUp] = useMutation(SignUpMutation);
  const settings = data?.signUpSettings;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (fetching || done) return;
    const result = await signUp({ input: { name: account.name, email: account.email.trim(), password: account.password } });
    if (!result.data) return;
    setDone(true);
    resetSession();
    router.replace('/');
  }

  if (settingsError) {
    return (
      <PublicPage title="Create an account">
        <ErrorNotice error={settingsError} />
      </PublicPage>
    );
  }
  if (!settings) {
    return (
      <p className="page-status" role="status">
        Loading…
      </p>
    );
  }
  if (!settings.openSignUp) {
    return (
      <PublicPage title="Create an account">
        <p>This Stagecoach lets people in by invitation only. Ask the instructor of your course for an invitation link.</p>
        <p>
          <Link href="/login">Sign in</Link> if you have an account.
        </p>
      </PublicPage>
    );
  }
  return (
    <PublicPage title="Create an account">
      <form className="form" onSubmit={onSubmit}>
        <NewAccountFields value={account} onChange={setAccount} passwordRule={settings.passwordRule} />
        {error && !done ? <ErrorNotice error={error} wording={SIGN_UP_WORDING} /> : null}
        <button type="submit" className="button button--primary" aria-disabled={fetching || done}>
          {fetching || done ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <p>
        Have an account already? <Link href="/login">Sign in</Link>.
      </p>
    </PublicPage>
  );
}

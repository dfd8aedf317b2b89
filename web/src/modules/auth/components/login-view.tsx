'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useResetSession } from '../../../core/graphql/graphql-provider';
import { ErrorNotice } from '../../shell/components/error-notice';
import { SignUpSettingsQuery } from '../../accounts/graphql/sign-up-settings.query';
import { LoginMutation } from '../graphql/login.mutation';
import { DemoAccounts, type DemoAccount } from './demo-accounts';
import { SignInProviders } from './sign-in-providers';

const LOGIN_WORDING = {
  UNAUTHENTICATED: 'That e-mail address and password do not match an account.',
};

/** `refusal`: why a sign-in with an organisation's login was turned down, as the API said it. */
export function LoginView({ refusal = null }: { refusal?: string | null }) {
  const router = useRouter();
  const resetSession = useResetSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [signedIn, setSignedIn] = useState(false);
  const [{ fetching, error }, login] = useMutation(LoginMutation);
  const [{ data: settings }] = useQuery({ query: SignUpSettingsQuery });
  const submit = useRef<HTMLButtonElement>(null);
  const busy = fetching || signedIn;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const result = await login({ email, password });
    if (!result.data?.login) return;
    setSignedIn(true);
    // The new session gets a new client: nothing cached while signed out may be reused.
    resetSession();
    router.replace(afterSignIn(window.location.search));
  }

  function pick(account: DemoAccount) {
    setEmail(account.email);
    setPassword(account.password);
    submit.current?.focus();
  }

  return (
    <main id="main" className="page page--narrow login">
      <h1>Sign in to Stagecoach</h1>
      {refusal ? (
        <div className="notice notice--error" role="alert">
          <p>You are not signed in: {refusal}.</p>
        </div>
      ) : null}
      <form className="form" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="login-email">E-mail address</label>
          <input
            id="login-email"
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="login-password">Password</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        {error && !busy ? <ErrorNotice error={error} wording={LOGIN_WORDING} /> : null}
        <button ref={submit} type="submit" className="button button--primary" aria-disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <SignInProviders />
      <p>
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
      {settings?.signUpSettings.openSignUp ? (
        <p>
          New here? <Link href="/sign-up">Create an account</Link>.
        </p>
      ) : null}
      <DemoAccounts onPick={pick} />
    </main>
  );
}

/** Where to go after signing in: the page that sent the person here (`?next=/invite/…`), never another site. */
function afterSignIn(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

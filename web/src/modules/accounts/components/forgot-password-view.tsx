'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { RequestPasswordResetMutation } from '../graphql/account.mutations';
import { InputField } from './account-fields';
import { PublicPage } from './public-page';

/** "Forgot your password?": asks for a reset link; the answer never says whether the address has an account. */
export function ForgotPasswordView() {
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [{ fetching, error }, request] = useMutation(RequestPasswordResetMutation);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (fetching) return;
    const result = await request({ email: email.trim() });
    if (result.data) setSentTo(email.trim());
  }

  return (
    <PublicPage title="Forgot your password?">
      {sentTo ? (
        <div className="notice notice--success" role="status">
          <p>
            If {sentTo} has an account, a link to set a new password is on its way. It works once, within an hour.
          </p>
        </div>
      ) : (
        <form className="form" onSubmit={onSubmit}>
          <p>Give the e-mail address of your account, and we will mail you a link to set a new password.</p>
          <InputField label="E-mail address" type="email" autoComplete="username" value={email} onChange={setEmail} />
          {error ? <ErrorNotice error={error} /> : null}
          <button type="submit" className="button button--primary" aria-disabled={fetching}>
            {fetching ? 'Sending…' : 'Send the link'}
          </button>
        </form>
      )}
      <p>
        <Link href="/login">Back to sign-in</Link>
      </p>
    </PublicPage>
  );
}

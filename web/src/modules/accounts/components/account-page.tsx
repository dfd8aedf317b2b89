'use client';

import { useState, type FormEvent } from 'react';
import Link from 'next/link';
import { useMutation, useQuery } from 'urql';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { MeQuery } from '../../auth/graphql/me.query';
import { ChangePasswordMutation, UpdateProfileMutation } from '../graphql/account.mutations';
import { SignUpSettingsQuery } from '../graphql/sign-up-settings.query';
import { InputField, NewPasswordField } from './account-fields';
import { ApiTokensPanel } from './api-tokens-panel';
import { FormEnd } from './form-end';

function ProfileForm({ name: current, email }: { name: string; email: string }) {
  const [name, setName] = useState(current);
  const [saved, setSaved] = useState('');
  const [{ fetching, error }, update] = useMutation(UpdateProfileMutation);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (fetching) return;
    setSaved('');
    const result = await update({ name });
    if (result.data) setSaved(`Your name is now ${result.data.updateProfile.name}.`);
  }

  return (
    <form className="form" onSubmit={onSubmit} aria-labelledby="profile-heading">
      <h2 id="profile-heading">Your name</h2>
      <p className="hint">You sign in as {email}. Others see your name in member lists, hand-ins and notifications.</p>
      <InputField label="Display name" autoComplete="name" value={name} onChange={setName} />
      <FormEnd error={error} done={saved} busy={fetching} label="Save name" busyLabel="Saving…" />
    </form>
  );
}

function PasswordForm() {
  const [{ data }] = useQuery({ query: SignUpSettingsQuery });
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [saved, setSaved] = useState('');
  const [{ fetching, error }, change] = useMutation(ChangePasswordMutation);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (fetching) return;
    setSaved('');
    const result = await change({ currentPassword: current, newPassword: next });
    if (!result.data) return;
    setCurrent('');
    setNext('');
    setSaved('Your password was changed. Your other sessions were signed out.');
  }

  return (
    <form className="form" onSubmit={onSubmit} aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      <InputField label="Current password" type="password" autoComplete="current-password" value={current} onChange={setCurrent} />
      <NewPasswordField label="New password" value={next} onChange={setNext} rule={data?.signUpSettings.passwordRule} />
      <FormEnd error={error} done={saved} busy={fetching} label="Change password" busyLabel="Changing…" />
    </form>
  );
}

/** `/account`: the signed-in person's name, password and personal API tokens. */
export function AccountPage() {
  const { data } = useSessionQuery({ query: MeQuery, requestPolicy: 'cache-first' });
  const me = data?.me;
  return (
    <>
      <h1>Your account</h1>
      {me ? (
        <div className="two-columns">
          <ProfileForm key={me.id} name={me.name} email={me.email} />
          <PasswordForm />
        </div>
      ) : null}
      <ApiTokensPanel />
      {me?.instanceAdmin ? (
        <section className="section" aria-labelledby="lms-heading">
          <h2 id="lms-heading">Learning management systems</h2>
          <p className="hint">
            Canvas, Moodle and other LTI 1.3 platforms can open Stagecoach inside their courses: <Link href="/lms">connect a platform</Link>.
          </p>
        </section>
      ) : null}
    </>
  );
}

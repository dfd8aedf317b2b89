'use client';

import type { ComponentProps } from 'react';
import { TextField } from '../../ui/components/text-field';

type InputFieldProps = Omit<ComponentProps<typeof TextField>, 'required'>;

/** A required field of an account form; `hint` (the password rule) is read out with it. */
export function InputField(props: InputFieldProps) {
  return <TextField {...props} required />;
}

export interface NewAccount {
  name: string;
  email: string;
  password: string;
}

interface NewAccountFieldsProps {
  value: NewAccount;
  onChange: (value: NewAccount) => void;
  /** The password rule as the API states it. */
  passwordRule: string | undefined;
  /** An e-mail invitation fixes the address. */
  fixedEmail?: string | null;
}

/** Name, e-mail address and password of a new account, with the password rule stated under the password. */
export function NewAccountFields({ value, onChange, passwordRule, fixedEmail }: NewAccountFieldsProps) {
  return (
    <>
      <InputField label="Your name" autoComplete="name" value={value.name} onChange={(name) => onChange({ ...value, name })} />
      <InputField
        label="E-mail address"
        type="email"
        autoComplete="username"
        readOnly={!!fixedEmail}
        value={fixedEmail ?? value.email}
        onChange={(email) => onChange({ ...value, email })}
      />
      <NewPasswordField value={value.password} onChange={(password) => onChange({ ...value, password })} rule={passwordRule} />
    </>
  );
}

/** A new password, with the rule it must meet. */
export function NewPasswordField({ value, onChange, rule, label = 'Password' }: { value: string; onChange: (v: string) => void; rule: string | undefined; label?: string }) {
  return (
    <InputField
      label={label}
      type="password"
      autoComplete="new-password"
      hint={rule ? `The password needs ${rule}.` : undefined}
      value={value}
      onChange={onChange}
    />
  );
}

'use client';

import { useSessionQuery } from '../../../core/graphql/use-session-query';
import type { DemoAccountsQuery } from '../../../gql/graphql';
import { roleLabel } from '../../spaces/space-labels';
import { DemoAccountsQuery as DemoAccountsDocument } from '../graphql/demo-accounts.query';

export type DemoAccount = DemoAccountsQuery['demoAccounts'][number];

/**
 * The demo logins, offered as buttons that fill in the sign-in form. Renders
 * nothing outside demo mode, where the API returns no accounts.
 */
export function DemoAccounts({ onPick }: { onPick: (account: DemoAccount) => void }) {
  const { data } = useSessionQuery({ query: DemoAccountsDocument, requestPolicy: 'cache-first' });
  const accounts = data?.demoAccounts ?? [];
  if (accounts.length === 0) return null;

  return (
    <section className="demo-accounts" aria-labelledby="demo-accounts-heading">
      <h2 id="demo-accounts-heading">Demo accounts</h2>
      <p className="muted">This server runs in demo mode. Choose an account to fill in the form, then sign in.</p>
      <ul className="demo-accounts__list">
        {accounts.map((account) => (
          <li key={account.email}>
            <button type="button" className="demo-account" onClick={() => onPick(account)}>
              <span className="demo-account__name">{account.name}</span>
              <span className="demo-account__role">{roleLabel(account.role)}</span>
              <span className="demo-account__email">{account.email}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

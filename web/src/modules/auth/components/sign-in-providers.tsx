'use client';

import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { SignInProvidersQuery } from '../graphql/sign-in-providers.query';
import { providerStartUrl } from '../provider-start-url';

/**
 * "Sign in with <organisation>" links, one per configured OpenID Connect
 * provider; nothing when there are none. Full page loads: the browser leaves
 * for the provider's login and comes back signed in.
 */
export function SignInProviders({ invite, next }: { invite?: string | null; next?: string | null }) {
  const { data } = useSessionQuery({ query: SignInProvidersQuery, requestPolicy: 'cache-first' });
  const providers = data?.signInProviders ?? [];
  if (providers.length === 0) return null;

  return (
    <section className="sign-in-providers" aria-label="Sign in with your organisation">
      <p className="sign-in-providers__or">or</p>
      <ul className="sign-in-providers__list">
        {providers.map((provider) => (
          <li key={provider.id}>
            <a className="button button--secondary sign-in-provider" href={providerStartUrl(provider.startUrl, { invite, next })}>
              Sign in with {provider.name}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

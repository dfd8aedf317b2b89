/**
 * Where a provider's sign-in starts (`startUrl` from `signInProviders`),
 * carrying an invitation to accept and the dashboard page to land on.
 */
export function providerStartUrl(startUrl: string, options: { invite?: string | null; next?: string | null } = {}): string {
  const query = new URLSearchParams();
  if (options.invite) query.set('invite', options.invite);
  if (options.next) query.set('next', options.next);
  const search = query.toString();
  return search ? `${startUrl}?${search}` : startUrl;
}

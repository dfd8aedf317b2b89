'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { NotificationsMenu } from '../../notifications/components/notifications-menu';
import { StagingRolesQuery } from '../../spaces/graphql/staging-roles.query';
import { stagingOffered } from '../../spaces/staging-offered';
import { SignOutButton } from './sign-out-button';

interface AppHeaderProps {
  user: { name: string; email: string };
}

const NAV = [
  { href: '/', label: 'Spaces', match: (path: string) => path === '/' || path.startsWith('/spaces') },
  { href: '/stage', label: 'Stage', match: (path: string) => path.startsWith('/stage'), staging: true },
];

export function AppHeader({ user }: AppHeaderProps) {
  const pathname = usePathname() ?? '/';
  // Students and viewers never push: the stage is not theirs to see.
  const { data } = useSessionQuery({ query: StagingRolesQuery, requestPolicy: 'cache-first' });
  const staging = data?.spaces.nodes.some((s) => stagingOffered(s.myRole, s.kind)) ?? false;
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <div className="app-header__start">
          <Link href="/" className="brand">
            Stagecoach
          </Link>
          <nav aria-label="Main">
            <ul className="main-nav">
              {NAV.filter((item) => !('staging' in item) || staging).map((item) => (
                <li key={item.href}>
                  <Link href={item.href} aria-current={item.match(pathname) ? 'page' : undefined}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        <div className="app-header__user">
          <NotificationsMenu />
          <Link href="/account" className="app-header__name" title={`${user.email}: your account`} aria-current={pathname === '/account' ? 'page' : undefined}>
            <span className="visually-hidden">Signed in as </span>
            {user.name}
          </Link>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}

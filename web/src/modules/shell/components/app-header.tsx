'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { NotificationsMenu } from '../../notifications/components/notifications-menu';
import { SignOutButton } from './sign-out-button';

interface AppHeaderProps {
  user: { name: string; email: string };
}

const NAV = [
  { href: '/', label: 'Spaces', match: (path: string) => path === '/' || path.startsWith('/spaces') },
  { href: '/stage', label: 'Stage', match: (path: string) => path.startsWith('/stage') },
];

export function AppHeader({ user }: AppHeaderProps) {
  const pathname = usePathname() ?? '/';
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <div className="app-header__start">
          <Link href="/" className="brand">
            Stagecoach
          </Link>
          <nav aria-label="Main">
            <ul className="main-nav">
              {NAV.map((item) => (
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
          <span className="app-header__name" title={user.email}>
            <span className="visually-hidden">Signed in as </span>
            {user.name}
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}

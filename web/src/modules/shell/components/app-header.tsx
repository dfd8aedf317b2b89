import Link from 'next/link';
import { SignOutButton } from './sign-out-button';

interface AppHeaderProps {
  user: { name: string; email: string };
}

export function AppHeader({ user }: AppHeaderProps) {
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <Link href="/" className="brand">
          Stagecoach
        </Link>
        <div className="app-header__user">
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

import type { Metadata } from 'next';
import { LoginView } from '../../modules/auth/components/login-view';

export const metadata: Metadata = { title: 'Sign in' };

/** `?error=` carries why a single sign-on was refused (the API sends the browser here with it). */
export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { error } = await searchParams;
  return <LoginView refusal={typeof error === 'string' && error ? error : null} />;
}

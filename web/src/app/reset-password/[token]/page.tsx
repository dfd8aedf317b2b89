import type { Metadata } from 'next';
import { ResetPasswordView } from '../../../modules/accounts/components/reset-password-view';

export const metadata: Metadata = { title: 'Set a new password' };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <ResetPasswordView token={token} />;
}

import type { Metadata } from 'next';
import { ForgotPasswordView } from '../../modules/accounts/components/forgot-password-view';

export const metadata: Metadata = { title: 'Forgot your password?' };

export default function ForgotPasswordPage() {
  return <ForgotPasswordView />;
}

import type { Metadata } from 'next';
import { InvitationView } from '../../../modules/accounts/components/invitation-view';

export const metadata: Metadata = { title: 'Invitation' };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <InvitationView token={token} />;
}

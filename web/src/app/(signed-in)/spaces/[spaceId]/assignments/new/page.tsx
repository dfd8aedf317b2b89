import type { Metadata } from 'next';
import { CreateAssignmentPage } from '../../../../../../modules/assignments/components/create-assignment-page';

export const metadata: Metadata = { title: 'New assignment' };

export default async function Page({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  return <CreateAssignmentPage spaceId={spaceId} />;
}

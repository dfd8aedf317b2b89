import type { Metadata } from 'next';
import { AssignmentPage } from '../../../../modules/assignments/components/assignment-page';

export const metadata: Metadata = { title: 'Assignment' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <AssignmentPage id={id} />;
}

import type { Metadata } from 'next';
import { SpacePage } from '../../../../modules/spaces/components/space-page';

export const metadata: Metadata = { title: 'Space' };

export default async function Page({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  return <SpacePage spaceId={spaceId} />;
}

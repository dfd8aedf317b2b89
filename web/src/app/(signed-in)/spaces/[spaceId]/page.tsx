import type { Metadata } from 'next';
import { Suspense } from 'react';
import { SpacePage } from '../../../../modules/spaces/components/space-page';
import { LoadingLine } from '../../../../modules/ui/components/status-line';

export const metadata: Metadata = { title: 'Space' };

export default async function Page({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  return (
    <Suspense fallback={<LoadingLine>Loading the space…</LoadingLine>}>
      <SpacePage spaceId={spaceId} />
    </Suspense>
  );
}

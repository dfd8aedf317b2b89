import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoadingLine } from '../../../../modules/ui/components/status-line';
import { WorkspacePage } from '../../../../modules/workspaces/components/workspace-page';

export const metadata: Metadata = { title: 'Workspace' };

export default async function Page({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  return (
    <Suspense fallback={<LoadingLine>Loading the workspace…</LoadingLine>}>
      <WorkspacePage workspaceId={workspaceId} />
    </Suspense>
  );
}

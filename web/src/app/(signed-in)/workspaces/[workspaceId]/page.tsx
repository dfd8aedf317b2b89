import type { Metadata } from 'next';
import { WorkspacePage } from '../../../../modules/workspaces/components/workspace-page';

export const metadata: Metadata = { title: 'Workspace' };

export default async function Page({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  return <WorkspacePage workspaceId={workspaceId} />;
}

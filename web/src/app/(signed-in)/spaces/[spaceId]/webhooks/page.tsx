import { redirect } from 'next/navigation';

/** The address notifications link to: the space page's Webhooks tab. */
export default async function Page({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  redirect(`/spaces/${spaceId}?tab=webhooks`);
}

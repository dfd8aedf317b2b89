import type { Metadata } from 'next';
import { DistributionPage } from '../../../../modules/distributions/components/distribution-page';

export const metadata: Metadata = { title: 'Distribution' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <DistributionPage id={id} />;
}

import type { Metadata } from 'next';
import { StagePage } from '../../../modules/stage/components/stage-page';

export const metadata: Metadata = { title: 'Your stage' };

export default function Page() {
  return <StagePage />;
}

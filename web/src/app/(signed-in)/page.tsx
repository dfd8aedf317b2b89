import type { Metadata } from 'next';
import { SpaceList } from '../../modules/spaces/components/space-list';

export const metadata: Metadata = { title: 'Your spaces' };

export default function HomePage() {
  return <SpaceList />;
}

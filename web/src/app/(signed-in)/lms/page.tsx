import type { Metadata } from 'next';
import { LtiPlatformsPage } from '../../../modules/lti/components/lti-platforms-page';

export const metadata: Metadata = { title: 'Learning management systems' };

export default function Page() {
  return <LtiPlatformsPage />;
}

'use client';

import { useSearchParams } from 'next/navigation';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { MeQuery } from '../../auth/graphql/me.query';
import { StudentHome } from '../../assignments/components/student-home';
import { PageFallback } from '../../ui/components/page-fallback';
import { SpaceQuery } from '../graphql/space.query';
import { roleLabel, spaceKindLabel } from '../space-labels';
import { StaffSpaceView } from './staff-space-view';
import { LtiDeepLinkPicker } from '../../lti/components/lti-deep-link-picker';

const SPACE_WORDING = {
  NOT_FOUND: 'This space does not exist, or you are not one of its members.',
};

/** A space: the staff's tabs for instructors and TAs, the student home for everyone else. */
export function SpacePage({ spaceId }: { spaceId: string }) {
  const { data, error, reload } = useSessionQuery({ query: SpaceQuery, variables: { id: spaceId } });
  const { data: me } = useSessionQuery({ query: MeQuery, requestPolicy: 'cache-first' });
  const space = data?.space;
  // A deep linking launch from a learning management system lands here with its signed request.
  const deepLink = useSearchParams().get('ltiDeepLink');

  if (!space) {
    return <PageFallback title="Space" error={error} answered={data !== undefined} wording={SPACE_WORDING} onRetry={reload} loadingText="Loading the space…" />;
  }

  const staff = space.myRole === 'ADMIN' || space.myRole === 'TA';
  return (
    <>
      <header className="page-header">
        <p className="page-header__eyebrow">
          {spaceKindLabel(space.kind)} · your role: {roleLabel(space.myRole, space.kind)}
        </p>
        <h1>{space.name}</h1>
        {space.description ? <p className="page-header__lead">{space.description}</p> : null}
      </header>
      {space.myRole === 'ADMIN' && deepLink ? <LtiDeepLinkPicker spaceId={space.id} request={deepLink} /> : null}
      {staff ? (
        <StaffSpaceView space={space} />
      ) : (
        <StudentHome space={space} myUserId={me?.me?.id ?? null} />
      )}
    </>
  );
}

'use client';

import { useQuery } from 'urql';
import { useHydrated } from '../../../core/use-hydrated';
import { MeQuery } from '../../auth/graphql/me.query';
import { StudentHome } from '../../assignments/components/student-home';
import { ErrorNotice } from '../../shell/components/error-notice';
import { LoadingLine } from '../../ui/components/status-line';
import { SpaceQuery } from '../graphql/space.query';
import { roleLabel, spaceKindLabel } from '../space-labels';
import { StaffSpaceView } from './staff-space-view';

const SPACE_WORDING = {
  NOT_FOUND: 'This space does not exist, or you are not one of its members.',
};

/** A space: the staff's tabs for instructors and TAs, the student home for everyone else. */
export function SpacePage({ spaceId }: { spaceId: string }) {
  const hydrated = useHydrated();
  const [{ data, error, fetching }, refetch] = useQuery({
    query: SpaceQuery,
    variables: { id: spaceId },
    pause: !hydrated,
    requestPolicy: 'cache-and-network',
  });
  const [{ data: me }] = useQuery({ query: MeQuery, pause: !hydrated });
  const space = data?.space;

  if (!space) {
    if (error) {
      return (
        <>
          <h1>Space</h1>
          <ErrorNotice error={error} wording={SPACE_WORDING} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        </>
      );
    }
    return <LoadingLine>{fetching || !hydrated ? 'Loading the space…' : 'Loading…'}</LoadingLine>;
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
      {staff ? (
        <StaffSpaceView space={space} />
      ) : (
        <StudentHome space={space} myUserId={me?.me?.id ?? null} />
      )}
    </>
  );
}

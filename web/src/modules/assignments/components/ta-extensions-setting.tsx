'use client';

import { useMutation } from 'urql';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { ErrorNotice } from '../../shell/components/error-notice';
import { SpaceQuery } from '../../spaces/graphql/space.query';
import { SetTaExtensionsMutation } from '../graphql/assignment.mutations';

/** Admins: whether the space's TAs may grant and revoke extensions. */
export function TaExtensionsSetting({ spaceId }: { spaceId: string }) {
  const { data } = useSessionQuery({ query: SpaceQuery, variables: { id: spaceId }, requestPolicy: 'cache-first' });
  const [saving, save] = useMutation(SetTaExtensionsMutation);
  const space = data?.space;
  if (!space) return null;
  return (
    <div className="choice">
      <input
        type="checkbox"
        id={`ta-extensions-${spaceId}`}
        checked={space.tasGrantExtensions}
        disabled={saving.fetching}
        onChange={(e) => void save({ spaceId, allowed: e.currentTarget.checked })}
      />
      <label htmlFor={`ta-extensions-${spaceId}`}>TAs may grant and revoke extensions</label>
      {saving.error ? <ErrorNotice error={saving.error} /> : null}
    </div>
  );
}

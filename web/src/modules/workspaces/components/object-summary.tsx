import type { WorkspaceObjectQuery } from '../../../gql/graphql';
import { formatBytes } from '../../../core/format/bytes';
import { DateTime } from '../../ui/components/date-time';
import { Fact } from '../../ui/components/fact';
import { entryKindLabel } from '../workspace-labels';

export type ObjectDetails = NonNullable<WorkspaceObjectQuery['workspace']>['object'];

export function ObjectSummary({ object }: { object: ObjectDetails }) {
  return (
    <dl className="facts">
      <Fact term="Kind">{entryKindLabel(object.kind)}</Fact>
      <Fact term="Size">{formatBytes(object.size)}</Fact>
      <Fact term="Content id">
        <code title={object.hash}>{object.hash.slice(0, 12)}…</code>
      </Fact>
      {object.lastChange ? (
        <Fact term="Last changed">
          <DateTime iso={object.lastChange.createdAt} />
          {object.lastChange.author ? ` by ${object.lastChange.author.name}` : ''} — “{object.lastChange.message}”
        </Fact>
      ) : null}
    </dl>
  );
}

import type { WorkspaceObjectQuery } from '../../../gql/graphql';
import { formatBytes } from '../../../core/format/bytes';
import { DateTime } from '../../ui/components/date-time';
import { entryKindLabel } from '../workspace-labels';

export type ObjectDetails = WorkspaceObjectQuery['workspace']['object'];

export function ObjectSummary({ object }: { object: ObjectDetails }) {
  return (
    <dl className="facts">
      <div>
        <dt>Kind</dt>
        <dd>{entryKindLabel(object.kind)}</dd>
      </div>
      <div>
        <dt>Size</dt>
        <dd>{formatBytes(object.size)}</dd>
      </div>
      <div>
        <dt>Content id</dt>
        <dd>
          <code title={object.hash}>{object.hash.slice(0, 12)}…</code>
        </dd>
      </div>
      {object.lastChange ? (
        <div>
          <dt>Last changed</dt>
          <dd>
            <DateTime iso={object.lastChange.createdAt} />
            {object.lastChange.author ? ` by ${object.lastChange.author.name}` : ''} — “{object.lastChange.message}”
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

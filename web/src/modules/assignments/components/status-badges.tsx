import type { StatusRowFragment } from '../../../gql/graphql';
import { formatDateTime } from '../../../core/time/zoned-time';
import { studentStatusLabel, studentStatusTone } from '../assignment-labels';

/** The status and its qualifiers: late, extension, collected. */
export function StatusBadges({ row, timeZone }: { row: StatusRowFragment; timeZone: string }) {
  return (
    <span className="badges">
      <span className={`badge badge--${studentStatusTone(row.status)}`}>{studentStatusLabel(row.status)}</span>
      {row.late && row.status !== 'LATE' ? (
        <span className="badge badge--warn" title={`${Math.round(row.lateByMinutes)} minutes late`}>
          late
        </span>
      ) : null}
      {row.extension ? (
        <span className="badge badge--info" title={`Extension: ${row.extension.reason}`}>
          extension to {formatDateTime(row.extension.deadline, timeZone)}
        </span>
      ) : null}
      {row.latestHandIn?.collected && row.status !== 'COLLECTED' ? <span className="badge badge--neutral">collected</span> : null}
    </span>
  );
}

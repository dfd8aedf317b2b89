import { formatBytes } from '../../../core/format/bytes';
import { formatDateTime } from '../../../core/time/zoned-time';
import type { HandInFieldsFragment } from '../../../gql/graphql';

interface ReceiptProps {
  handIn: HandInFieldsFragment;
  timeZone: string;
  late?: boolean;
  /** The deadline in force when it was handed in. */
  deadline?: string;
}

/** The proof of a hand-in: the server's time and the content hash of what was sealed. */
export function Receipt({ handIn, timeZone, late, deadline }: ReceiptProps) {
  return (
    <dl className="receipt facts">
      <div>
        <dt>Hand-in</dt>
        <dd>
          number {handIn.seq}
          {handIn.collected ? ' (collected at the deadline)' : ''}
          {late ? <span className="badge badge--warn">late</span> : null}
        </dd>
      </div>
      <div>
        <dt>Received (server time)</dt>
        <dd>
          <time dateTime={handIn.handedInAt}>{formatDateTime(handIn.handedInAt, timeZone)}</time>
        </dd>
      </div>
      {deadline ? (
        <div>
          <dt>Deadline in force</dt>
          <dd>{formatDateTime(deadline, timeZone)}</dd>
        </div>
      ) : null}
      <div>
        <dt>Content hash (SHA-256)</dt>
        <dd>
          <code className="hash">{handIn.contentHash}</code>
        </dd>
      </div>
      <div>
        <dt>Size</dt>
        <dd>{formatBytes(handIn.sizeBytes)}</dd>
      </div>
      {handIn.identifier ? (
        <div>
          <dt>Your reference</dt>
          <dd>{handIn.identifier}</dd>
        </div>
      ) : null}
      {handIn.missingPaths.length > 0 ? (
        <div>
          <dt>Handed in without</dt>
          <dd>
            {handIn.missingPaths.map((p) => (
              <code key={p}>{p} </code>
            ))}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

import { formatBytes } from '../../../core/format/bytes';
import { formatDateTime } from '../../../core/time/zoned-time';
import type { HandInFieldsFragment } from '../../../gql/graphql';
import { Fact } from '../../ui/components/fact';
import { SealedFileList } from './sealed-file-list';

interface ReceiptProps {
  handIn: HandInFieldsFragment;
  timeZone: string;
  late?: boolean;
  /** The deadline in force when it was handed in. */
  deadline?: string;
}

/** The proof of a hand-in: the server's time, the content hash and the list of what was sealed. */
export function Receipt({ handIn, timeZone, late, deadline }: ReceiptProps) {
  return (
    <dl className="receipt facts">
      <Fact term="Hand-in">
        number {handIn.seq}
        {handIn.collected ? ' (collected at the deadline)' : ''}
        {late ? <span className="badge badge--warn">late</span> : null}
      </Fact>
      <Fact term="Received (server time)">
        <time dateTime={handIn.handedInAt}>{formatDateTime(handIn.handedInAt, timeZone)}</time>
      </Fact>
      {deadline ? (
        <Fact term="Deadline in force">{formatDateTime(deadline, timeZone)}</Fact>
      ) : null}
      <Fact term="Content hash (SHA-256)">
        <code className="hash">{handIn.contentHash}</code>
      </Fact>
      <Fact term="Size">{formatBytes(handIn.sizeBytes)}</Fact>
      <Fact term="Files sealed">
        <SealedFileList handInId={handIn.id} />
      </Fact>
      {handIn.identifier ? (
        <Fact term="Your reference">{handIn.identifier}</Fact>
      ) : null}
      {handIn.missingPaths.length > 0 ? (
        <Fact term="Handed in without">
          {handIn.missingPaths.map((p) => (
            <code key={p}>{p} </code>
          ))}
        </Fact>
      ) : null}
    </dl>
  );
}

'use client';

import type { SpaceKind } from '../../../gql/graphql';
import { AddMemberForm } from './add-member-form';
import { InvitationList } from './invitation-list';
import { InviteLinkForm } from './invite-link-form';
import { MemberList } from './member-list';

interface MembersPanelProps {
  spaceId: string;
  spaceKind: SpaceKind;
  admin: boolean;
}

export function MembersPanel({ spaceId, spaceKind, admin }: MembersPanelProps) {
  return (
    <>
      {admin ? (
        <section className="section" aria-labelledby="invite-heading">
          <h2 id="invite-heading">Add people</h2>
          <div className="two-columns">
            <AddMemberForm spaceId={spaceId} spaceKind={spaceKind} />
            <InviteLinkForm spaceId={spaceId} spaceKind={spaceKind} />
          </div>
        </section>
      ) : null}
      <MemberList spaceId={spaceId} spaceKind={spaceKind} admin={admin} />
      {admin ? <InvitationList spaceId={spaceId} spaceKind={spaceKind} /> : null}
    </>
  );
}

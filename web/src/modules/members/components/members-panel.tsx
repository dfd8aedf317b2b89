'use client';

import { useState } from 'react';
import type { SpaceKind } from '../../../gql/graphql';
import { AddMemberForm } from './add-member-form';
import { InvitationList } from './invitation-list';
import { InviteLinkForm } from './invite-link-form';
import { MemberList } from './member-list';
import { RosterImport } from './roster-import';
import { LtiRosterSync } from '../../lti/components/lti-roster-sync';

interface MembersPanelProps {
  spaceId: string;
  spaceKind: SpaceKind;
  admin: boolean;
}

export function MembersPanel({ spaceId, spaceKind, admin }: MembersPanelProps) {
  // An import changes members and invitations at once: both lists are read again.
  const [imports, setImports] = useState(0);
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
      {admin ? <LtiRosterSync spaceId={spaceId} spaceKind={spaceKind} onApplied={() => setImports((n) => n + 1)} /> : null}
      {admin ? <RosterImport spaceId={spaceId} spaceKind={spaceKind} onImported={() => setImports((n) => n + 1)} /> : null}
      <MemberList key={`members-${imports}`} spaceId={spaceId} spaceKind={spaceKind} admin={admin} />
      {admin ? <InvitationList key={`invitations-${imports}`} spaceId={spaceId} spaceKind={spaceKind} /> : null}
    </>
  );
}

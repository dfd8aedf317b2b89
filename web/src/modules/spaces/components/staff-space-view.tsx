'use client';

import type { SpaceQuery } from '../../../gql/graphql';
import { SpaceAssignments } from '../../assignments/components/space-assignments';
import { AuditLog } from '../../audit/components/audit-log';
import { DistributionList } from '../../distributions/components/distribution-list';
import { MembersPanel } from '../../members/components/members-panel';
import { SpaceStorage } from '../../storage/components/space-storage';
import { Tabs, tabPanelProps, useTabParam, type TabItem } from '../../ui/components/tabs';
import { StudentPreview } from './student-preview';
import { WorkspaceDirectory } from '../../workspaces/components/workspace-directory';

export type SpaceDetails = SpaceQuery['space'];

type TabKey = 'workspaces' | 'members' | 'distributions' | 'assignments' | 'storage' | 'preview' | 'audit';

const TABS: readonly TabItem<TabKey>[] = [
  { key: 'workspaces', label: 'Workspaces' },
  { key: 'members', label: 'Members' },
  { key: 'distributions', label: 'Distributions' },
  { key: 'assignments', label: 'Assignments' },
  { key: 'storage', label: 'Storage' },
  { key: 'preview', label: 'View as student' },
  { key: 'audit', label: 'Audit log' },
];

/** The staff's view of a space; the open tab is kept in `?tab=` so it can be linked and survives going back. */
export function StaffSpaceView({ space }: { space: SpaceDetails }) {
  const [tab, select] = useTabParam('tab', TABS);

  const admin = space.myRole === 'ADMIN';
  return (
    <>
      <Tabs label="Space sections" tabs={TABS} selected={tab} onSelect={select} idPrefix="space" />
      <div {...tabPanelProps('space', tab)}>
        {tab === 'workspaces' ? <WorkspaceDirectory spaceId={space.id} /> : null}
        {tab === 'members' ? <MembersPanel spaceId={space.id} spaceKind={space.kind} admin={admin} /> : null}
        {tab === 'distributions' ? <DistributionList spaceId={space.id} /> : null}
        {tab === 'assignments' ? <SpaceAssignments spaceId={space.id} admin={admin} /> : null}
        {tab === 'storage' ? <SpaceStorage spaceId={space.id} admin={admin} /> : null}
        {tab === 'preview' ? <StudentPreview space={space} /> : null}
        {tab === 'audit' ? <AuditLog space={space} /> : null}
      </div>
    </>
  );
}

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
import { WebhooksPanel } from '../../webhooks/components/webhooks-panel';

export type SpaceDetails = NonNullable<SpaceQuery['space']>;

type TabKey = 'workspaces' | 'members' | 'distributions' | 'assignments' | 'storage' | 'preview' | 'audit' | 'webhooks';

const TABS: readonly TabItem<TabKey>[] = [
  { key: 'workspaces', label: 'Workspaces' },
  { key: 'members', label: 'Members' },
  { key: 'distributions', label: 'Distributions' },
  { key: 'assignments', label: 'Assignments' },
  { key: 'storage', label: 'Storage' },
  { key: 'preview', label: 'View as student' },
  { key: 'audit', label: 'Audit log' },
];

/** Admins also manage the space's webhooks. */
const ADMIN_TABS: readonly TabItem<TabKey>[] = [...TABS, { key: 'webhooks', label: 'Webhooks' }];

/** The staff's view of a space; the open tab is kept in `?tab=` so it can be linked and survives going back. */
export function StaffSpaceView({ space }: { space: SpaceDetails }) {
  const admin = space.myRole === 'ADMIN';
  const tabs = admin ? ADMIN_TABS : TABS;
  const [tab, select] = useTabParam('tab', tabs);

  return (
    <>
      <Tabs label="Space sections" tabs={tabs} selected={tab} onSelect={select} idPrefix="space" />
      <div {...tabPanelProps('space', tab)}>
        {tab === 'workspaces' ? <WorkspaceDirectory spaceId={space.id} /> : null}
        {tab === 'members' ? <MembersPanel spaceId={space.id} spaceKind={space.kind} admin={admin} /> : null}
        {tab === 'distributions' ? <DistributionList spaceId={space.id} /> : null}
        {tab === 'assignments' ? <SpaceAssignments spaceId={space.id} admin={admin} /> : null}
        {tab === 'storage' ? <SpaceStorage spaceId={space.id} admin={admin} /> : null}
        {tab === 'preview' ? <StudentPreview space={space} /> : null}
        {tab === 'audit' ? <AuditLog space={space} /> : null}
        {tab === 'webhooks' && admin ? <WebhooksPanel spaceId={space.id} /> : null}
      </div>
    </>
  );
}

import { ROLES } from '../roles';
import { canReadWorkspace, canWriteWorkspace, readableWorkspaceKinds, writableWorkspaceKinds, type WorkspaceFacts, type WorkspaceKind } from '../workspaces';

const KINDS: WorkspaceKind[] = ['MASTER', 'DISTRIBUTED', 'SHARED', 'PERSONAL'];
const ME = 'me';

/** What a list filter by kinds lets through, for a workspace owned by `owner`. */
const listed = (kinds: { every: WorkspaceKind[]; own: WorkspaceKind[]; listedOnly: boolean }, w: WorkspaceFacts, isListed: boolean) =>
  (kinds.every.includes(w.kind) || (kinds.own.includes(w.kind) && w.ownerId === ME)) && (!kinds.listedOnly || !w.membersOnly || isListed);

describe('the list filters say the same as the rules for one workspace', () => {
  for (const role of ROLES) {
    for (const kind of KINDS) {
      for (const owner of [ME, 'someone-else', null]) {
        for (const membersOnly of kind === 'SHARED' ? [false, true] : [false]) {
          for (const isListed of membersOnly ? [false, true] : [false]) {
            const w: WorkspaceFacts = { id: 'w', spaceId: 's', kind, name: 'w', ownerId: owner, membersOnly };
            it(`${role}, ${kind}${membersOnly ? ` members only (${isListed ? 'listed' : 'not listed'})` : ''} owned by ${owner ?? 'nobody'}`, () => {
              expect(listed(readableWorkspaceKinds(role), w, isListed)).toBe(canReadWorkspace(role, w, ME, isListed));
              expect(listed(writableWorkspaceKinds(role), w, isListed)).toBe(canWriteWorkspace(role, w, ME, isListed));
            });
          }
        }
      }
    }
  }
});

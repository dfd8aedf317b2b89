import { ROLES } from '../roles';
import { canReadWorkspace, canWriteWorkspace, readableWorkspaceKinds, writableWorkspaceKinds, type WorkspaceFacts, type WorkspaceKind } from '../workspaces';

const KINDS: WorkspaceKind[] = ['MASTER', 'DISTRIBUTED', 'SHARED', 'PERSONAL'];
const ME = 'me';

/** What a list filter by kinds lets through, for a workspace owned by `owner`. */
const listed = (kinds: { every: WorkspaceKind[]; own: WorkspaceKind[] }, w: WorkspaceFacts) =>
  kinds.every.includes(w.kind) || (kinds.own.includes(w.kind) && w.ownerId === ME);

describe('the list filters say the same as the rules for one workspace', () => {
  for (const role of ROLES) {
    for (const kind of KINDS) {
      for (const owner of [ME, 'someone-else', null]) {
        const w: WorkspaceFacts = { id: 'w', spaceId: 's', kind, name: 'w', ownerId: owner };
        it(`${role}, ${kind} owned by ${owner ?? 'nobody'}`, () => {
          expect(listed(readableWorkspaceKinds(role), w)).toBe(canReadWorkspace(role, w, ME));
          expect(listed(writableWorkspaceKinds(role), w)).toBe(canWriteWorkspace(role, w, ME));
        });
      }
    }
  }
});

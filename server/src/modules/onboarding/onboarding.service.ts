import { badInput, conflict } from '../../core/errors';
import { toIncoming } from '../distributions/merger';
import { applyItems } from '../distributions/engine/apply';
import type { Role } from '../spaces/membership.entity';
import type { SpacesService } from '../spaces/spaces.service';
import type { StageService } from '../stage/stage.service';
import type { Actor, UsersService } from '../users/users.service';
import type { SnapshotsService } from '../workspaces/snapshots.service';
import { Workspace } from '../workspaces/workspace.entity';
import { initialRoot, type WorkspacesService } from '../workspaces/workspaces.service';
import type { Access } from '../spaces/access';

/**
 * Onboarding in one call: a colleague with an account joins the space (if
 * not yet a member) and gets a personal workspace that starts from a snapshot
 * or a bundle instead of the space's DISTRIBUTED state.
 */
export class OnboardingService {
  constructor(
    private readonly policy: Access,
    private readonly users: UsersService,
    private readonly spaces: SpacesService,
    private readonly workspaces: WorkspacesService,
    private readonly stage: StageService,
    private readonly snapshots: SnapshotsService,
  ) {}

  async onboard(
    actor: Actor | null,
    input: { spaceId: string; email: string; role?: Role | null; fromSnapshotId?: string | null; fromBundleId?: string | null; workspaceName?: string | null },
  ): Promise<Workspace> {
    const { actor: a } = await this.policy.space(actor, input.spaceId, 'manage');
    if (!!input.fromSnapshotId === !!input.fromBundleId) throw badInput('give exactly one of fromSnapshotId and fromBundleId');
    const root = input.fromSnapshotId ? (await this.snapshotRoot(a, input.fromSnapshotId)) : await this.bundleRoot(a, input.fromBundleId!);
    let user = await this.users.findByEmail(input.email);
    if (!user) throw badInput(`no account uses ${input.email}; invite them first, then onboard them`);
    const role = await this.policy.role(user.id, input.spaceId);
    if (!role) await this.spaces.addMember(a, input.spaceId, user.email, input.role ?? 'MEMBER', { withPersonal: false });
    user = await this.users.getById(user.id);
    const existing = (await this.workspaces.listInSpace(a, input.spaceId, 'PERSONAL')).find((w) => w.ownerId === user!.id);
    if (existing) throw conflict(`${user.name} has a personal workspace in this space already; push to it instead`);
    return this.workspaces.withNewWorkspaces(
      (_m, create) =>
        create({
          spaceId: input.spaceId,
          kind: 'PERSONAL',
          name: input.workspaceName?.trim() || user!.name,
          ownerId: user!.id,
          rootTreeId: root,
          message: input.fromSnapshotId ? 'created from a snapshot' : 'created from a bundle',
        }),
      a.user.id,
    );
  }

  private async snapshotRoot(actor: Actor, snapshotId: string): Promise<string> {
    return (await this.snapshots.get(actor, snapshotId)).rootTreeId;
  }

  /** The bundle's items placed into an empty state; trees are written when the workspace is created. */
  private async bundleRoot(actor: Actor, bundleId: string): Promise<string> {
    const bundle = await this.stage.bundle(actor, bundleId);
    const session = this.workspaces.store.trees.session();
    const empty = await initialRoot(session);
    const result = await applyItems(session, empty, toIncoming(bundle.items), { policies: { default: 'OVERWRITE' } });
    await this.workspaces.persist(session);
    return result.root;
  }
}

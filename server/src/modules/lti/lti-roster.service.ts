import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { conflict, forbidden, notFound } from '../../core/errors';
import { logger } from '../../core/logger';
import { roleFromLis, type Role } from '../../core/policy';
import type { Database } from '../../db/database';
import type { Access } from '../spaces/access';
import { Membership, MAX_STUDENT_NUMBER } from '../spaces/membership.entity';
import type { MemberAudit, SpacesService } from '../spaces/spaces.service';
import { UserIdentity } from '../sso/user-identity.entity';
import { User } from '../users/user.entity';
import { checkName, type UsersService } from '../users/users.service';
import type { WorkspacesService } from '../workspaces/workspaces.service';
import { LtiContext } from './lti-context.entity';
import { identityIssuer, LtiPlatform } from './lti-platform.entity';
import type { LtiServiceToken } from './lti-service-token';

export const NRPS_SCOPE = 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly';
export const NRPS_MEDIA_TYPE = 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json';
/** A roster of more pages than this is refused rather than read without end. */
const MAX_PAGES = 200;

export type RosterSyncOutcome = 'ADD' | 'UPDATE' | 'REACTIVATE' | 'UNCHANGED' | 'DEACTIVATE' | 'SKIPPED';

export interface RosterSyncLine {
  /** The platform's id of the person (`user_id`, the `sub` of their launches). */
  platformUserId: string;
  name: string;
  studentNumber: string | null;
  role: Role | null;
  outcome: RosterSyncOutcome;
  detail: string;
}

export interface RosterSyncPlan {
  spaceId: string;
  lines: RosterSyncLine[];
  previewHash: string;
  applied: boolean;
}

interface NrpsMember {
  user_id?: unknown;
  roles?: unknown;
  status?: unknown;
  name?: unknown;
  given_name?: unknown;
  family_name?: unknown;
  email?: unknown;
  lis_person_sourcedid?: unknown;
}

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** The outcomes that change something when applied. */
const CHANGES: readonly RosterSyncOutcome[] = ['ADD', 'UPDATE', 'REACTIVATE', 'DEACTIVATE'];

/** The `rel="next"` address of a `Link` header. */
export function nextLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim());
    if (match && match[2].split(/\s+/).includes('next')) return match[1];
  }
  return null;
}

/**
 * The course roster from the platform (Names and Role Provisioning
 * Services): read page by page, compared with the space's members who came
 * from this platform, shown before anything changes. Applying adds new
 * people, carries the platform's student id as the student number, and
 * deactivates (never removes) those who left: their workspace and hand-ins
 * stay, and they get access back when they are enrolled again.
 */
export class LtiRosterService {
  constructor(
    private readonly db: Database,
    private readonly policy: Access,
    private readonly users: UsersService,
    private readonly spaces: SpacesService,
    private readonly workspaces: WorkspacesService,
    private readonly serviceToken: LtiServiceToken,
    private readonly audit: MemberAudit,
  ) {}

  /** Roster checks started by launches and not finished yet, by space. */
  private readonly checking = new Map<string, Promise<void>>();

  /**
   * After an instructor's launch: compares the platform's roster with the
   * space in the background (the launch does not wait) and keeps how many
   * differences it found, or why it could not, for the space's LMS panel.
   * Nothing is applied; an admin looks at the differences and applies them.
   */
  scheduleCheck(spaceId: string): void {
    if (this.checking.has(spaceId)) return;
    const check = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.check(spaceId))
      .finally(() => this.checking.delete(spaceId));
    this.checking.set(spaceId, check);
  }

  /** Resolves once every roster check started so far has finished. */
  async checksSettled(): Promise<void> {
    await Promise.all(this.checking.values());
  }

  private async check(spaceId: string): Promise<void> {
    const context = await this.db.manager.findOne(LtiContext, { where: { spaceId }, order: { createdAt: 'ASC' } });
    if (!context?.membershipsUrl) return;
    let differences: number | null = null;
    let error: string | null = null;
    try {
      differences = (await this.plan(spaceId)).lines.filter((l) => CHANGES.includes(l.outcome)).length;
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
      logger.warn({ err, spaceId }, 'LTI roster check after a launch failed');
    }
    await this.db.manager.update(LtiContext, { id: context.id }, { rosterCheckedAt: new Date(), rosterDifferences: differences, rosterCheckError: error?.slice(0, 2000) ?? null });
  }

  /** The course at the platform this space was opened from, or null; what the last launch's roster check found. */
  async course(actor: Parameters<Access['space']>[0], spaceId: string): Promise<(LtiContext & { platformName: string }) | null> {
    await this.policy.space(actor, spaceId, 'importRoster');
    const context = await this.db.manager.findOne(LtiContext, { where: { spaceId }, order: { createdAt: 'ASC' } });
    if (!context) return null;
    const platform = await this.db.manager.findOne(LtiPlatform, { where: { id: context.platformId }, select: { id: true, name: true } });
    return Object.assign(context, { platformName: platform?.name ?? 'a platform no longer registered' });
  }

  async preview(actor: Parameters<Access['space']>[0], spaceId: string): Promise<RosterSyncPlan> {
    await this.policy.space(actor, spaceId, 'importRoster');
    return this.plan(spaceId);
  }

  async apply(actor: Parameters<Access['space']>[0], spaceId: string, expectedPreviewHash: string): Promise<RosterSyncPlan> {
    const { actor: a } = await this.policy.space(actor, spaceId, 'importRoster');
    const plan = await this.plan(spaceId);
    if (plan.previewHash !== expectedPreviewHash) {
      throw conflict('the roster at the platform or the space changed since the preview; look at the new preview and apply that', { previewHash: plan.previewHash });
    }
    const { platform } = await this.source(spaceId);
    const issuer = identityIssuer(platform);
    await this.workspaces.withNewWorkspaces(async (manager) => {
      const byPlatformId = await this.linkedMembers(manager, spaceId, issuer);
      for (const line of plan.lines) {
        const member = byPlatformId.get(line.platformUserId);
        if (line.outcome === 'ADD') {
          const user = await this.newUser(manager, platform, line);
          await manager.insert(UserIdentity, { id: randomUUID(), issuer, subject: line.platformUserId, userId: user.id, createdAt: new Date() });
          await this.spaces.insertMembership(manager, spaceId, user.id, line.role!, a.user.id, true, { studentNumber: line.studentNumber, section: null });
        } else if (member && (line.outcome === 'UPDATE' || line.outcome === 'REACTIVATE')) {
          await manager.update(Membership, { id: member.id }, { studentNumber: line.studentNumber, deactivatedAt: null });
        } else if (member && line.outcome === 'DEACTIVATE') {
          await manager.update(Membership, { id: member.id }, { deactivatedAt: new Date() });
        }
      }
      const count = (outcome: RosterSyncOutcome) => plan.lines.filter((l) => l.outcome === outcome).length;
      await this.audit.append(manager, {
        spaceId,
        actorId: a.user.id,
        action: 'lti.roster-synced',
        subjectType: 'space',
        subjectId: spaceId,
        after: { platform: platform.name, added: count('ADD'), updated: count('UPDATE'), reactivated: count('REACTIVATE'), deactivated: count('DEACTIVATE') },
      });
    }, a.user.id);
    return { ...plan, applied: true };
  }

  private async source(spaceId: string): Promise<{ context: LtiContext; platform: LtiPlatform }> {
    const context = await this.db.manager.findOne(LtiContext, { where: { spaceId }, order: { createdAt: 'ASC' } });
    if (!context) throw notFound('this space was not opened from a learning management system, so it has no roster there');
    if (!context.membershipsUrl) throw forbidden("the platform has not offered this course's roster (Names and Role Provisioning Services); enable that service for the tool there");
    const platform = await this.db.manager.findOneOrFail(LtiPlatform, { where: { id: context.platformId } });
    return { context, platform };
  }

  /** Every member of the platform's roster, following `Link: rel="next"`. */
  private async fetchRoster(platform: LtiPlatform, url: string): Promise<NrpsMember[]> {
    const members: NrpsMember[] = [];
    let next: string | null = url;
    for (let page = 0; next; page++) {
      if (page >= MAX_PAGES) throw forbidden(`${platform.name}'s roster has more than ${MAX_PAGES} pages; it was not read`);
      const res = await this.serviceToken.fetch(platform, [NRPS_SCOPE], next, { headers: { accept: NRPS_MEDIA_TYPE } });
      if (!res.ok) throw forbidden(`${platform.name} did not give the roster (${res.status} ${res.statusText})`);
      const body = (await res.json()) as { members?: unknown };
      if (!Array.isArray(body.members)) throw forbidden(`${platform.name} answered the roster request without a members list`);
      members.push(...(body.members as NrpsMember[]));
      next = nextLink(res.headers.get('link'));
    }
    return members;
  }

  /** The space's memberships of people linked to this platform, by the platform's id for them. */
  private async linkedMembers(manager: EntityManager, spaceId: string, issuer: string): Promise<Map<string, Membership>> {
    const memberships = await manager.find(Membership, { where: { spaceId } });
    const identities = memberships.length ? await manager.find(UserIdentity, { where: { issuer, userId: In(memberships.map((m) => m.userId)) } }) : [];
    const byUser = new Map(memberships.map((m) => [m.userId, m]));
    return new Map(identities.map((identity) => [identity.subject, byUser.get(identity.userId)!]));
  }

  private async plan(spaceId: string): Promise<RosterSyncPlan> {
    const { context, platform } = await this.source(spaceId);
    const roster = await this.fetchRoster(platform, context.membershipsUrl!);
    const linked = await this.linkedMembers(this.db.manager, spaceId, `lti:${platform.id}`);
    const users = new Map((linked.size ? await this.db.manager.find(User, { where: { id: In([...linked.values()].map((m) => m.userId)) } }) : []).map((u) => [u.id, u]));
    const lines: RosterSyncLine[] = [];
    const seen = new Set<string>();
    for (const entry of roster) {
      const platformUserId = str(entry.user_id);
      if (!platformUserId || seen.has(platformUserId)) continue;
      seen.add(platformUserId);
      const roles = Array.isArray(entry.roles) ? entry.roles.filter((r): r is string => typeof r === 'string') : [];
      const role = roleFromLis(roles);
      const active = (str(entry.status) ?? 'Active') === 'Active';
      const name = str(entry.name) ?? ([str(entry.given_name), str(entry.family_name)].filter(Boolean).join(' ') || platformUserId);
      const studentNumber = str(entry.lis_person_sourcedid)?.slice(0, MAX_STUDENT_NUMBER) ?? null;
      const member = linked.get(platformUserId);
      const line = { platformUserId, name, studentNumber, role };
      if (!member) {
        if (!active) lines.push({ ...line, outcome: 'SKIPPED', detail: 'not active in the course at the platform' });
        else if (!role) lines.push({ ...line, outcome: 'SKIPPED', detail: `no role that gives access (${roles.join(', ') || 'none'})` });
        else lines.push({ ...line, outcome: 'ADD', detail: `joins as ${role}${studentNumber ? ` with student number ${studentNumber}` : ''}` });
      } else if (!active) {
        lines.push(member.deactivatedAt ? { ...line, outcome: 'UNCHANGED', detail: 'deactivated already' } : { ...line, outcome: 'DEACTIVATE', detail: 'no longer active at the platform: loses access, keeps their work' });
      } else if (member.deactivatedAt) {
        lines.push({ ...line, outcome: 'REACTIVATE', detail: 'enrolled again: gets access back' });
      } else if (studentNumber !== null && member.studentNumber !== studentNumber) {
        lines.push({ ...line, outcome: 'UPDATE', detail: `student number ${member.studentNumber ?? 'none'} → ${studentNumber}` });
      } else {
        lines.push({ ...line, studentNumber: member.studentNumber, outcome: 'UNCHANGED', detail: 'nothing changes' });
      }
    }
    for (const [platformUserId, member] of linked) {
      if (seen.has(platformUserId) || member.deactivatedAt) continue;
      const user = users.get(member.userId);
      lines.push({ platformUserId, name: user?.name ?? platformUserId, studentNumber: member.studentNumber, role: member.role, outcome: 'DEACTIVATE', detail: 'left the course at the platform: loses access, keeps their work' });
    }
    const previewHash = createHash('sha256').update(JSON.stringify(lines)).digest('hex');
    return { spaceId, lines, previewHash, applied: false };
  }

  private async newUser(manager: EntityManager, platform: LtiPlatform, line: RosterSyncLine): Promise<User> {
    let name: string;
    try {
      name = checkName(line.name);
    } catch {
      name = `${platform.name} user`;
    }
    return this.users.createExternalUser({ email: `lti-${randomBytes(9).toString('hex')}@lti.invalid`, name }, manager);
  }
}

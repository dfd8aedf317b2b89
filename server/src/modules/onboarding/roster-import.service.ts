import { createHash } from 'node:crypto';
import { In, IsNull, MoreThan, type EntityManager } from 'typeorm';
import { hasPersonalWorkspace } from '../../core/policy';
import { inChunks } from '../../core/util/chunks';
import type { Database } from '../../db/database';
import { badInput, conflict } from '../../core/errors';
import type { AuditService } from '../audit/audit.service';
import type { MailService } from '../mail/mail.service';
import type { OutboxMessage } from '../mail/outbox-message.entity';
import { Invitation } from '../spaces/invitation.entity';
import { Membership, type Role } from '../spaces/membership.entity';
import { membershipRow, type SpacesService } from '../spaces/spaces.service';
import { DEFAULT_INVITE_DAYS } from '../spaces/spaces.types';
import { User } from '../users/user.entity';
import type { Actor } from '../users/users.service';
import type { WorkspacesService } from '../workspaces/workspaces.service';
import { readRoster, type RosterEntry } from './roster-csv';

export const ROSTER_OUTCOMES = ['NEW_INVITATION', 'ADD_EXISTING', 'UPDATE', 'ALREADY_MEMBER_UNCHANGED', 'ALREADY_INVITED', 'DUPLICATE', 'INVALID'] as const;
export type RosterOutcome = (typeof ROSTER_OUTCOMES)[number];

export interface RosterLinePlan extends RosterEntry {
  outcome: RosterOutcome;
  /** What happens, in words: the reason of an invalid line, the earlier line of a duplicate, what an update changes. */
  detail: string;
  userId: string | null;
  membership: Membership | null;
  invitation: Invitation | null;
}

export interface RosterPlan {
  role: Role;
  lines: RosterLinePlan[];
  totals: Record<RosterOutcome, number>;
  /** Names exactly what the import would do; applying checks it is still so. */
  previewHash: string;
  applied: boolean;
}

/** Lines that are not imported; applying with them needs the admin's explicit consent. */
const SKIPPED: readonly RosterOutcome[] = ['INVALID', 'DUPLICATE'];

/**
 * Importing a class roster: a preview saying per line what would happen, and
 * applying exactly that preview in one transaction (memberships for people
 * with an account, e-mail invitations for the others, student numbers and
 * sections), recorded in the audit trail. Importing the same file again
 * changes nothing and sends nothing.
 */
export class RosterImportService {
  constructor(
    private readonly db: Database,
    private readonly spaces: SpacesService,
    private readonly workspaces: WorkspacesService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
  ) {}

  async preview(actor: Actor | null, spaceId: string, csv: string, role: Role): Promise<RosterPlan> {
    const { space } = await this.spaces.offering(actor, spaceId, role, 'importRoster');
    return this.plan(this.db.manager, space.id, readRoster(csv), role);
  }

  /**
   * Applies the lines of a preview, all or none. Refused when the file has
   * lines that cannot be imported (unless `skipInvalid`), or when what it
   * would do now differs from the preview the admin confirmed.
   */
  async apply(
    actor: Actor | null,
    spaceId: string,
    csv: string,
    role: Role,
    options: { expectedPreviewHash: string; skipInvalid?: boolean | null },
  ): Promise<RosterPlan> {
    const { space, actor: a } = await this.spaces.offering(actor, spaceId, role, 'importRoster');
    const entries = readRoster(csv);
    let mails: OutboxMessage[] = [];
    const plan = await this.workspaces.withNewWorkspaces(async (manager) => {
      const plan = await this.plan(manager, space.id, entries, role);
      const skipped = plan.lines.filter((l) => SKIPPED.includes(l.outcome));
      if (skipped.length && !options.skipInvalid) {
        throw badInput(
          `${skipped.length} ${skipped.length === 1 ? 'line' : 'lines'} cannot be imported (${skipped.slice(0, 3).map((l) => l.detail).join('; ')}${skipped.length > 3 ? '; …' : ''}); fix the file, or confirm importing the other lines without them`,
        );
      }
      if (plan.previewHash !== options.expectedPreviewHash) {
        throw conflict(`the roster or the space changed since the preview (now: ${describeTotals(plan.totals)}); nothing was imported: preview again and confirm`);
      }
      const byOutcome = (outcome: RosterOutcome) => plan.lines.filter((l) => l.outcome === outcome);
      const joining = byOutcome('ADD_EXISTING').map((l) => membershipRow(space.id, l.userId!, role, l));
      for (let i = 0; i < joining.length; i += 200) await manager.insert(Membership, joining.slice(i, i + 200));
      if (hasPersonalWorkspace(role)) await this.workspaces.ensurePersonals(space.id, joining.map((m) => m.userId), a.user.id, manager);
      if (joining.length) await this.spaces.onJoined(manager, joining);
      for (const line of byOutcome('UPDATE')) {
        const details = { studentNumber: line.studentNumber ?? undefined, section: line.section ?? undefined };
        if (line.membership) await manager.update(Membership, { id: line.membership.id }, details);
        else await manager.update(Invitation, { id: line.invitation!.id }, details);
      }
      const invited = byOutcome('NEW_INVITATION').map((l) => this.spaces.newInvitation(space.id, a.user.id, role, l.key, DEFAULT_INVITE_DAYS.email, l));
      for (let i = 0; i < invited.length; i += 200) await manager.insert(Invitation, invited.slice(i, i + 200).map((m) => m.invitation));
      mails = await this.mail.writeAll(manager, invited.map((m) => this.spaces.invitationMessage(space, a.user, m.invitation, m.url)));
      // A file that changes nothing leaves no trace: importing it again is a no-op.
      if (!joining.length && !invited.length && !byOutcome('UPDATE').length) return plan;
      await this.audit.append(manager, {
        spaceId: space.id,
        actorId: a.user.id,
        action: 'roster.imported',
        subjectType: 'space',
        subjectId: space.id,
        after: {
          role,
          totals: plan.totals,
          invited: invited.map((m) => m.invitation.email),
          added: joining.map((m) => m.userId),
          updated: byOutcome('UPDATE').map((l) => l.key),
        },
      });
      return plan;
    }, a.user.id);
    this.mail.deliverAll(mails);
    return { ...plan, applied: true };
  }

  /** What each line would do in the space now; reads only. */
  private async plan(manager: EntityManager, spaceId: string, entries: RosterEntry[], role: Role): Promise<RosterPlan> {
    const keys = [...new Set(entries.flatMap((e) => (e.problem || !e.key ? [] : [e.key])))];
    const users = await inChunks(keys, (chunk) => manager.find(User, { where: { email: In(chunk) } }));
    const userBy = new Map(users.map((u) => [u.email, u]));
    const memberships = await inChunks(users.map((u) => u.id), (chunk) => manager.find(Membership, { where: { spaceId, userId: In(chunk) } }));
    const membershipBy = new Map(memberships.map((m) => [m.userId, m]));
    const pending = await inChunks(keys, (chunk) =>
      manager.find(Invitation, { where: { spaceId, email: In(chunk), acceptedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(new Date()) } }),
    );
    const invitationBy = new Map(pending.map((i) => [i.email!, i]));
    const firstLine = new Map<string, number>();
    const lines = entries.map((entry): RosterLinePlan => {
      const plan = { ...entry, userId: null, membership: null, invitation: null };
      if (entry.problem) return { ...plan, outcome: 'INVALID', detail: entry.problem };
      const key = entry.key!;
      const earlier = firstLine.get(key);
      if (earlier !== undefined) return { ...plan, outcome: 'DUPLICATE', detail: `line ${entry.line}: ${key} is on line ${earlier} already` };
      firstLine.set(key, entry.line);
      const user = userBy.get(key);
      if (!user) {
        const invitation = invitationBy.get(key) ?? null;
        if (!invitation) return { ...plan, outcome: 'NEW_INVITATION', detail: `no account yet: an e-mail invitation goes to ${key}` };
        const changes = detailChanges(invitation, entry);
        return changes
          ? { ...plan, invitation, outcome: 'UPDATE', detail: `invited already; the invitation's ${changes}` }
          : { ...plan, invitation, outcome: 'ALREADY_INVITED', detail: 'invited already; the invitation is still open (no new e-mail)' };
      }
      const membership = membershipBy.get(user.id) ?? null;
      const known = { ...plan, userId: user.id, membership };
      if (!membership) return { ...known, outcome: 'ADD_EXISTING', detail: `has an account (${user.name}): becomes a member` };
      const changes = detailChanges(membership, entry);
      const as = membership.role === role ? '' : ` (as ${membership.role}; the role is not changed)`;
      return changes
        ? { ...known, outcome: 'UPDATE', detail: `a member already${as}; ${changes}` }
        : { ...known, outcome: 'ALREADY_MEMBER_UNCHANGED', detail: `a member already${as}; nothing changes` };
    });
    const totals = Object.fromEntries(ROSTER_OUTCOMES.map((o) => [o, 0])) as Record<RosterOutcome, number>;
    for (const line of lines) totals[line.outcome]++;
    const fingerprint = JSON.stringify([role, lines.map((l) => [l.line, l.outcome, l.key, l.name, l.studentNumber, l.section, l.userId])]);
    return { role, lines, totals, previewHash: createHash('sha256').update(fingerprint).digest('hex'), applied: false };
  }
}

/** What a line changes on a membership or invitation ("student number 1 → 2"); empty cells change nothing. Null when nothing changes. */
function detailChanges(current: { studentNumber: string | null; section: string | null }, entry: RosterEntry): string | null {
  const changes: string[] = [];
  if (entry.studentNumber !== null && entry.studentNumber !== current.studentNumber) changes.push(`student number ${current.studentNumber ?? '(none)'} → ${entry.studentNumber}`);
  if (entry.section !== null && entry.section !== current.section) changes.push(`section ${current.section ?? '(none)'} → ${entry.section}`);
  return changes.length ? changes.join(', ') : null;
}

function describeTotals(totals: Record<RosterOutcome, number>): string {
  return ROSTER_OUTCOMES.filter((o) => totals[o]).map((o) => `${totals[o]} ${o.toLowerCase().replace(/_/g, ' ')}`).join(', ') || 'no lines';
}

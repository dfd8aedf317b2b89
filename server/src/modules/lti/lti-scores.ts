import { randomUUID } from 'node:crypto';
import { In, IsNull, Not, type EntityManager } from 'typeorm';
import { conflict, notFound } from '../../core/errors';
import { logger } from '../../core/logger';
import type { Database } from '../../db/database';
import { claimLeased, type LeaseQueue } from '../../db/lease-queue';
import type { AuditService } from '../audit/audit.service';
import { Assignment } from '../assignments/assignment.entity';
import type { Grade } from '../assignments/grade.entity';
import { GradeAdjustment } from '../assignments/assignment-group.entity';
import { peopleBySubject } from '../assignments/group-subjects';
import type { GradePassback } from '../assignments/grade-passback';
import type { GradingAccess } from '../assignments/grading-access';
import type { Actor } from '../../core/policy/actor';
import { UserIdentity } from '../sso/user-identity.entity';
import { LtiContext } from './lti-context.entity';
import { LtiLineItem } from './lti-line-item.entity';
import { linkLineItem } from './lti-line-items';
import { identityIssuer, LtiPlatform } from './lti-platform.entity';
import { LtiScore } from './lti-score.entity';
import type { LtiServiceToken } from './lti-service-token';

export const AGS_SCOPES = ['https://purl.imsglobal.org/spec/lti-ags/scope/lineitem', 'https://purl.imsglobal.org/spec/lti-ags/scope/score'] as const;
export const MEDIA = {
  score: 'application/vnd.ims.lis.v1.score+json',
  lineItem: 'application/vnd.ims.lis.v2.lineitem+json',
  lineItems: 'application/vnd.ims.lis.v2.lineitemcontainer+json',
} as const;

/** Attempts stop this long after the score was written. */
const RETRY_WINDOW_MS = 24 * 60 * 60_000;

/** Wait before attempt `n + 1` after `n` failed attempts: 30 s doubling, at most an hour. */
export function scoreRetryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

const SCORE_QUEUE: LeaseQueue<LtiScore> = {
  entity: LtiScore,
  table: 'lti_score',
  due: "status = 'PENDING' AND nextAttemptAt <= ?",
  dueParams: (now) => [now],
  orderBy: 'nextAttemptAt',
};

interface Entry {
  studentId: string;
  kind: 'SUBMITTED' | 'GRADED';
  score: Record<string, unknown>;
}

type Outcome = { status: number; body: string; error: null } | { status: null; body: null; error: string };

/**
 * Assignment and Grade Services: a score per student with a platform identity
 * for each course (LTI context) the assignment's space is linked to. Scores
 * are queued in the caller's transaction and posted by workers under a lease,
 * to the line item whose resource id is the assignment (made by deep linking,
 * or created here when the platform has none), retried with backoff.
 */
export class LtiScores implements GradePassback {
  private current: Promise<void> | null = null;

  constructor(
    private readonly db: Database,
    private readonly token: LtiServiceToken,
    private readonly audit: AuditService,
    private readonly grading: GradingAccess,
    private readonly options: { owner: string; leaseMs: number; batchSize: number },
    private readonly onWritten: () => void = () => undefined,
  ) {}

  async handedIn(m: EntityManager, assignment: Assignment, studentId: string, at: Date): Promise<number> {
    const people = (await peopleBySubject(m, assignment)).get(studentId) ?? [studentId];
    return this.enqueue(
      m,
      assignment,
      at,
      people.map((id) => ({ studentId: id, kind: 'SUBMITTED', score: { activityProgress: 'Submitted', gradingProgress: 'Pending', timestamp: at.toISOString() } })),
    );
  }

  async returned(m: EntityManager, assignment: Assignment, grades: readonly Grade[], at: Date): Promise<number> {
    const scoreMaximum = assignment.maxPoints ?? 100;
    const people = await peopleBySubject(m, assignment);
    // A group's grade goes to each member, with that member's own adjustment added.
    const adjustments = assignment.groupWork ? await m.find(GradeAdjustment, { where: { assignmentId: assignment.id } }) : [];
    return this.enqueue(
      m,
      assignment,
      at,
      grades.flatMap((g) =>
        (people.get(g.studentId) ?? [g.studentId]).map((studentId) => {
          const adjustment = adjustments.find((a) => a.studentId === studentId && a.groupId === g.studentId);
          const points = g.pointsHundredths === null ? null : g.pointsHundredths + (adjustment?.pointsHundredths ?? 0);
          const note = adjustment ? `Your adjustment: ${adjustment.pointsHundredths > 0 ? '+' : ''}${adjustment.pointsHundredths / 100} points, because ${adjustment.reason}` : null;
          return {
            studentId,
            kind: 'GRADED' as const,
            score: {
              ...(points !== null ? { scoreGiven: points / 100, scoreMaximum } : {}),
              activityProgress: 'Completed',
              gradingProgress: 'FullyGraded',
              timestamp: at.toISOString(),
              comment: [g.textGrade, g.comment, note].filter(Boolean).join('\n') || undefined,
            },
          };
        }),
      ),
    );
  }

  wake(): void {
    this.onWritten();
  }

  private async enqueue(m: EntityManager, assignment: Assignment, at: Date, entries: readonly Entry[]): Promise<number> {
    if (!entries.length) return 0;
    const contexts = await m.find(LtiContext, { where: { spaceId: assignment.spaceId, lineItemsUrl: Not(IsNull()) } });
    if (!contexts.length) return 0;
    const platforms = await m.find(LtiPlatform, { where: { id: In([...new Set(contexts.map((c) => c.platformId))]) } });
    const identities = await m.find(UserIdentity, { where: { userId: In(entries.map((e) => e.studentId)), issuer: In(platforms.map(identityIssuer)) } });
    const rows: LtiScore[] = [];
    for (const context of contexts) {
      const platform = platforms.find((p) => p.id === context.platformId);
      if (!platform) continue;
      for (const entry of entries) {
        const identity = identities.find((i) => i.userId === entry.studentId && i.issuer === identityIssuer(platform));
        if (!identity) continue;
        rows.push(
          Object.assign(new LtiScore(), {
            id: randomUUID(),
            platformId: platform.id,
            contextId: context.id,
            spaceId: assignment.spaceId,
            assignmentId: assignment.id,
            studentId: entry.studentId,
            subject: identity.subject,
            kind: entry.kind,
            payload: JSON.stringify({ ...entry.score, userId: identity.subject }),
            status: 'PENDING',
            attempts: 0,
            nextAttemptAt: at,
            retryUntil: new Date(at.getTime() + RETRY_WINDOW_MS),
            leaseOwner: null,
            leaseExpiresAt: null,
            lastAttemptAt: null,
            lastResponseStatus: null,
            lastResponseBody: null,
            lastError: null,
            createdAt: at,
            sentAt: null,
          } satisfies LtiScore),
        );
      }
    }
    for (let i = 0; i < rows.length; i += 200) await m.insert(LtiScore, rows.slice(i, i + 200));
    return rows.length;
  }

  /** For the worker's loop: attempts what is due in the background; returns how many were claimed. */
  startDue(): Promise<number> {
    if (this.current) return Promise.resolve(0);
    return new Promise<number>((claimed) => {
      this.current = this.run(new Date(), claimed)
        .catch((err: unknown) => {
          claimed(0);
          logger.error({ err }, 'LTI scores could not be sent');
        })
        .finally(() => {
          this.current = null;
        });
    });
  }

  /** Attempts what is due at `now` and returns once every attempt is recorded. */
  async runDue(now = new Date()): Promise<number> {
    while (this.current) await this.current;
    let count = 0;
    const run = this.run(now, (n) => {
      count = n;
    });
    this.current = run.catch(() => undefined).finally(() => {
      this.current = null;
    });
    await run;
    return count;
  }

  /** Scores sent for a student of an assignment, newest first, with the platform's last answer. Graders only; `studentId` may be a hidden student's handle. */
  async forStudent(actor: Actor | null, assignmentId: string, studentId: string): Promise<LtiScore[]> {
    const { assignment } = await this.grading.asGrader(actor, assignmentId, false);
    const student = await this.grading.student(assignment, studentId);
    return this.db.manager.find(LtiScore, { where: { assignmentId: assignment.id, studentId: student }, order: { createdAt: 'DESC', kind: 'ASC' } });
  }

  /** The scores among `ids`; who may read them is the caller's to check (graders of their assignment, as `forStudent`). */
  async byIds(ids: readonly string[]): Promise<LtiScore[]> {
    return ids.length ? this.db.manager.find(LtiScore, { where: { id: In([...ids]) } }) : [];
  }

  /**
   * Queues a failed score again, as it was first written, with a fresh retry
   * window; the resend request is audited, and each attempt as before.
   * Graders only; only a score whose retries ran out can be sent again.
   */
  async resend(actor: Actor | null, scoreId: string): Promise<LtiScore> {
    const score = await this.db.manager.findOne(LtiScore, { where: { id: scoreId } });
    if (!score) throw notFound('no such score was sent to a learning management system');
    const { actor: a } = await this.grading.asGrader(actor, score.assignmentId, true);
    const now = new Date();
    await this.db.transaction(async (m) => {
      const reset = await m.update(LtiScore, { id: score.id, status: 'FAILED' }, { status: 'PENDING', nextAttemptAt: now, retryUntil: new Date(now.getTime() + RETRY_WINDOW_MS) });
      if (reset.affected !== 1) throw conflict(`this score is ${score.status === 'SENT' ? 'sent already' : 'still being sent'}; only a score whose attempts failed can be sent again`);
      await this.audit.append(m, {
        spaceId: score.spaceId,
        actorId: a.user.id,
        action: 'lti.score.resend',
        subjectType: 'assignment',
        subjectId: score.assignmentId,
        studentId: score.studentId,
        after: { kind: score.kind, attempts: score.attempts, lastError: score.lastError },
      });
    });
    this.wake();
    return this.db.manager.findOneOrFail(LtiScore, { where: { id: score.id } });
  }

  private async run(now: Date, claimed: (count: number) => void): Promise<void> {
    const scores = await claimLeased(this.db, SCORE_QUEUE, { owner: this.options.owner, leaseMs: this.options.leaseMs, limit: this.options.batchSize, now, idle: true });
    claimed(scores.length);
    // One at a time per run: scores of a line item go out in the order they were written; each line item is looked up once per run.
    const lineItems = new Map<string, Promise<string>>();
    for (const score of scores) await this.attempt(score, now, lineItems);
  }

  private async attempt(score: LtiScore, now: Date, lineItems: Map<string, Promise<string>>): Promise<void> {
    const platform = await this.db.manager.findOneBy(LtiPlatform, { id: score.platformId });
    const context = await this.db.manager.findOneBy(LtiContext, { id: score.contextId });
    let outcome: Outcome;
    if (!platform || !context?.lineItemsUrl) outcome = { status: null, body: null, error: 'the platform or course is no longer linked' };
    else {
      try {
        const key = `${context.id} ${score.assignmentId}`;
        if (!lineItems.has(key)) lineItems.set(key, this.lineItem(platform, context, score.assignmentId));
        const lineItem = await lineItems.get(key)!;
        const res = await this.token.fetch(platform, AGS_SCOPES, scoresUrl(lineItem), { method: 'POST', headers: { 'content-type': MEDIA.score }, body: score.payload });
        outcome = { status: res.status, body: (await res.text()).slice(0, 2000), error: null };
      } catch (err) {
        outcome = { status: null, body: null, error: err instanceof Error ? err.message : String(err) };
      }
    }
    const ok = outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
    try {
      await this.db.transaction((m) => this.record(m, score, outcome, ok, now));
    } catch (err) {
      logger.error({ err, scoreId: score.id }, 'LTI score attempt could not be recorded');
    }
  }

  /**
   * The line item of the assignment in the course: the one a launch of its
   * resource link named, else found by resource id, else created; remembered
   * so that later scores go straight to it.
   */
  private async lineItem(platform: LtiPlatform, context: LtiContext, assignmentId: string): Promise<string> {
    const known = await this.db.manager.findOne(LtiLineItem, { where: { contextId: context.id, assignmentId } });
    if (known) return known.url;
    const url = await this.findOrCreateLineItem(platform, context.lineItemsUrl!, assignmentId);
    await linkLineItem(this.db.manager, { contextId: context.id, spaceId: context.spaceId, assignmentId, url, resourceLinkId: null });
    return url;
  }

  private async findOrCreateLineItem(platform: LtiPlatform, lineItemsUrl: string, assignmentId: string): Promise<string> {
    const find = new URL(lineItemsUrl);
    find.searchParams.set('resource_id', assignmentId);
    const listed = await this.token.fetch(platform, AGS_SCOPES, find.toString(), { headers: { accept: MEDIA.lineItems } });
    if (!listed.ok) throw new Error(`line items answered ${listed.status}`);
    const items = (await listed.json()) as { id?: string; resourceId?: string }[];
    const found = Array.isArray(items) ? items.find((i) => i.resourceId === assignmentId && typeof i.id === 'string') : undefined;
    if (found) return found.id!;
    const assignment = await this.db.manager.findOne(Assignment, { where: { id: assignmentId }, select: { id: true, title: true, maxPoints: true } });
    const created = await this.token.fetch(platform, AGS_SCOPES, lineItemsUrl, {
      method: 'POST',
      headers: { 'content-type': MEDIA.lineItem, accept: MEDIA.lineItem },
      body: JSON.stringify({ label: assignment?.title ?? assignmentId, scoreMaximum: assignment?.maxPoints ?? 100, resourceId: assignmentId, tag: 'stagecoach' }),
    });
    const body = (await created.json().catch(() => ({}))) as { id?: string };
    if (!created.ok || typeof body.id !== 'string') throw new Error(`creating the line item answered ${created.status}`);
    return body.id;
  }

  private async record(m: EntityManager, score: LtiScore, outcome: Outcome, ok: boolean, now: Date): Promise<void> {
    const next = new Date(now.getTime() + scoreRetryDelayMs(score.attempts));
    const status = ok ? 'SENT' : next > score.retryUntil ? 'FAILED' : 'PENDING';
    const lastError = outcome.error ?? (ok ? null : `answered ${outcome.status}`);
    const held = await m
      .createQueryBuilder()
      .update(LtiScore)
      .set({
        status,
        nextAttemptAt: ok ? score.nextAttemptAt : next,
        leaseOwner: null,
        leaseExpiresAt: null,
        lastAttemptAt: now,
        lastResponseStatus: outcome.status,
        lastResponseBody: outcome.body,
        lastError,
        sentAt: ok ? now : null,
      })
      .where('id = :id AND status = :running AND leaseOwner = :me', { id: score.id, running: 'RUNNING', me: this.options.owner })
      .execute();
    if (held.affected !== 1) return;
    await this.audit.append(m, {
      spaceId: score.spaceId,
      actorId: null,
      action: ok ? 'lti.score.sent' : 'lti.score.failed',
      subjectType: 'assignment',
      subjectId: score.assignmentId,
      studentId: score.studentId,
      after: { kind: score.kind, attempt: score.attempts, status, responseStatus: outcome.status, error: lastError, score: JSON.parse(score.payload) as unknown },
    });
  }
}

/** The scores endpoint of a line item: `/scores` added to its path, its query kept. */
function scoresUrl(lineItem: string): string {
  const url = new URL(lineItem);
  url.pathname = `${url.pathname.replace(/\/$/, '')}/scores`;
  return url.toString();
}

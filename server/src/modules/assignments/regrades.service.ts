import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/database';
import { canAnswerRegrade, canRequestRegrade, studentSeesFeedback } from '../../core/policy';
import { badInput, conflict, forbidden, formatUtc, notFound } from '../../core/errors';
import type { Access } from '../spaces/access';
import type { AssignmentsService } from './assignments.service';
import type { AuditService } from '../audit/audit.service';
import type { Actor } from '../users/users.service';
import { gradeSubjectOf } from './group-subjects';
import { Grade } from './grade.entity';
import type { GradeNotices } from './grade-notices';
import type { GradingAccess } from './grading-access';
import { RegradeRequest } from './regrade-request.entity';
import type { RubricScores } from './rubric-scores';

export const MAX_REGRADE_TEXT = 5000;

const points = (h: number | null | undefined) => (h == null ? null : h / 100);

/**
 * Regrade requests. A student whose grade is returned (and visible) asks
 * once per rubric criterion, or once about the whole grade when there is no
 * rubric; staff answer with a reply, having changed the grade or not. Each
 * step is audited; the answer reaches the student in the app and by e-mail.
 */
export class RegradesService {
  constructor(
    private readonly db: Database,
    private readonly policy: Access,
    private readonly assignments: AssignmentsService,
    private readonly access: GradingAccess,
    private readonly scores: RubricScores,
    private readonly audit: AuditService,
    private readonly notices: GradeNotices,
  ) {}

  async request(actor: Actor | null, assignmentId: string, criterionId: string | null, message: string): Promise<RegradeRequest> {
    this.policy.requireActor(actor);
    const { assignment, role } = await this.assignments.access(actor, assignmentId);
    const a = this.policy.requireWritable(actor);
    // A group's grade is asked about once per criterion, by any of its members.
    const subject = await gradeSubjectOf(this.db.manager, assignment, a.user.id);
    const grade = await this.db.manager.findOne(Grade, { where: { assignmentId: assignment.id, studentId: subject } });
    const visible = studentSeesFeedback(assignment, grade);
    if (!canRequestRegrade(role, true)) throw forbidden('only students of the course ask for a regrade, of their own grade');
    if (!canRequestRegrade(role, visible) || !grade) throw forbidden(`your grade for '${assignment.title}' has not been returned to you yet; ask for a regrade once it is`);
    const text = (message ?? '').trim();
    if (!text || text.length > MAX_REGRADE_TEXT) throw badInput(`message must be 1 to ${MAX_REGRADE_TEXT} characters long`, { field: 'message' });
    const rubric = await this.scores.rubricOf(assignment.id);
    let criterionTitle = 'the whole grade';
    if (rubric) {
      const criterion = rubric.criteria.find((c) => c.id === criterionId);
      if (!criterion) throw badInput(`criterionId: name one of the rubric's criteria${criterionId ? `; ${criterionId} is not one` : ''}`, { field: 'criterionId' });
      criterionTitle = criterion.title;
    } else if (criterionId) {
      throw badInput("criterionId: this assignment has no rubric; leave it out to ask about the whole grade", { field: 'criterionId' });
    }
    const key = criterionId ?? '';
    const request = await this.db.transaction(async (m) => {
      const earlier = await m.findOne(RegradeRequest, { where: { assignmentId: assignment.id, studentId: subject, criterionKey: key } });
      if (earlier && subject !== a.user.id) throw conflict(`your group asked for a regrade of ${criterionTitle === 'the whole grade' ? criterionTitle : `'${criterionTitle}'`} on ${formatUtc(earlier.createdAt)} already; there is one request per criterion and group`);
      if (earlier) throw conflict(`you asked for a regrade of ${criterionTitle === 'the whole grade' ? criterionTitle : `'${criterionTitle}'`} on ${formatUtc(earlier.createdAt)} already; there is one request per criterion`);
      const row: RegradeRequest = {
        id: randomUUID(),
        assignmentId: assignment.id,
        studentId: subject,
        criterionKey: key,
        criterionTitle,
        message: text,
        createdAt: new Date(),
        pointsBeforeHundredths: grade.pointsHundredths,
        pointsAfterHundredths: null,
        reply: null,
        resolvedById: null,
        resolvedAt: null,
      };
      await m.insert(RegradeRequest, row);
      await this.audit.append(m, {
        spaceId: assignment.spaceId,
        actorId: a.user.id,
        action: 'regrade.requested',
        subjectType: 'assignment',
        subjectId: assignment.id,
        studentId: a.user.id,
        after: { requestId: row.id, criterion: criterionTitle, message: text, points: points(grade.pointsHundredths) },
      });
      return row;
    });
    this.access.changedFor(assignment.id, subject);
    return request;
  }

  /** Staff answer a request; the grade is whatever it is now (change it first to change it). */
  async resolve(actor: Actor | null, requestId: string, reply: string): Promise<RegradeRequest> {
    const found = await this.db.manager.findOne(RegradeRequest, { where: { id: requestId } });
    if (!found) throw notFound(`regrade request ${requestId} does not exist`);
    const { assignment, role } = await this.assignments.access(actor, found.assignmentId).catch(() => {
      throw notFound(`regrade request ${requestId} does not exist`);
    });
    if (!canAnswerRegrade(role)) throw forbidden(`only admins and teaching assistants answer regrade requests; your role is ${role}`);
    const a = this.policy.requireWritable(actor);
    const text = (reply ?? '').trim();
    if (!text || text.length > MAX_REGRADE_TEXT) throw badInput(`reply must be 1 to ${MAX_REGRADE_TEXT} characters long`, { field: 'reply' });
    const { request, notes } = await this.db.transaction(async (m) => {
      const grade = await this.access.lockGrade(m, assignment.id, found.studentId);
      const current = await m.findOneOrFail(RegradeRequest, { where: { id: requestId } });
      if (current.resolvedAt) throw conflict(`this regrade request was answered on ${formatUtc(current.resolvedAt)} already`);
      const resolvedAt = new Date();
      const changes = { reply: text, resolvedAt, resolvedById: a.user.id, pointsAfterHundredths: grade.pointsHundredths };
      await m.update(RegradeRequest, { id: requestId }, changes);
      const changed = grade.pointsHundredths !== current.pointsBeforeHundredths;
      await this.audit.append(m, {
        spaceId: assignment.spaceId,
        actorId: a.user.id,
        action: 'regrade.resolved',
        subjectType: 'assignment',
        subjectId: assignment.id,
        studentId: current.studentId,
        before: { requestId, criterion: current.criterionTitle, points: points(current.pointsBeforeHundredths) },
        after: { requestId, reply: text, points: points(grade.pointsHundredths), changed },
      });
      const outcome = changed ? `your points went from ${points(current.pointsBeforeHundredths) ?? '–'} to ${points(grade.pointsHundredths) ?? '–'}` : 'your grade stays as it was';
      const notes = await this.notices.add(
        m,
        assignment,
        [current.studentId],
        a,
        'REGRADE_ANSWERED',
        `Your regrade request for '${assignment.title}' was answered`,
        `${a.user.name} answered your request about ${current.criterionTitle === 'the whole grade' ? 'the whole grade' : `'${current.criterionTitle}'`}: ${outcome}.\n\n${text}`,
      );
      return { request: { ...current, ...changes }, notes };
    });
    this.notices.send(notes);
    this.access.changedFor(assignment.id, found.studentId);
    return request;
  }

  /** Staff: a course's requests (optionally one student's, or only open ones). Students: their own (their group's in group work). */
  async list(actor: Actor | null, assignmentId: string, options: { studentId?: string | null; openOnly?: boolean | null }): Promise<RegradeRequest[]> {
    const { assignment, actor: a, staff } = await this.access.asReader(actor, assignmentId);
    // A student's are their own, or in group work their group's, asked for by their id or the group's.
    const studentId = staff ? options.studentId && (await this.access.student(assignment, options.studentId)) : await this.access.ownSubject(assignment, a, options.studentId ?? a.user.id);
    if (!staff && !studentId) throw notFound(`no regrade requests of user ${options.studentId} for you to see`);
    const query = this.db.manager
      .createQueryBuilder(RegradeRequest, 'r')
      .where('r.assignmentId = :id', { id: assignment.id })
      .orderBy('r.createdAt', 'ASC')
      .addOrderBy('r.id', 'ASC');
    if (studentId) query.andWhere('r.studentId = :studentId', { studentId });
    if (options.openOnly) query.andWhere('r.resolvedAt IS NULL');
    return query.getMany();
  }

  /** One request, to whoever `list` shows it (staff; the student who asked). */
  async get(actor: Actor | null, requestId: string): Promise<RegradeRequest | null> {
    const request = await this.db.manager.findOne(RegradeRequest, { where: { id: requestId } });
    return request && ((await this.list(actor, request.assignmentId, {})).find((r) => r.id === requestId) ?? null);
  }

  /** Open requests per student of an assignment (the tracker's markers). */
  async openCounts(assignmentId: string): Promise<Map<string, number>> {
    const rows: { studentId: string; n: string | number }[] = await this.db.manager
      .createQueryBuilder(RegradeRequest, 'r')
      .select('r.studentId', 'studentId')
      .addSelect('COUNT(*)', 'n')
      .where('r.assignmentId = :assignmentId AND r.resolvedAt IS NULL', { assignmentId })
      .groupBy('r.studentId')
      .getRawMany();
    return new Map(rows.map((r) => [r.studentId, Number(r.n)]));
  }
}

import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Database } from '../../db/database';
import { studentSeesFeedback } from '../../core/policy';
import { badInput, notFound } from '../../core/errors';
import type { BlobStore } from '../../core/storage/blob-store';
import { formatPath, parsePath } from '../../core/storage/paths';
import { getEntry } from '../../core/storage/tree';
import type { AuditService } from '../audit/audit.service';
import type { Actor } from '../users/users.service';
import type { DbTreeStore } from '../workspaces/db-tree-store';
import { Annotation } from './annotation.entity';
import type { Assignment } from './assignment.entity';
import { Grade } from './grade.entity';
import type { GradeNotices } from './grade-notices';
import type { GradingAccess } from './grading-access';
import { HandIn } from './hand-in.entity';
import { decodeText } from './line-diff';

/** Where on a file an annotation sits: a line range of a text file, or a notebook cell. */
export interface AnnotationAnchor {
  path: string;
  startLine?: number | null;
  endLine?: number | null;
  cellIndex?: number | null;
}

/** An annotation with the hand-in version it was written on, as the caller may see it. */
export interface AnnotationView {
  annotation: Annotation;
  handIn: HandIn;
  /** The student handed in again after the annotation's hand-in. */
  olderHandIn: boolean;
}

export const MAX_ANNOTATION_CHARS = 10_000;
/** Files above this are not read to check a line range or cell (the viewer shows no larger file inline either). */
const MAX_ANNOTATED_BYTES = 5 * 1024 * 1024;

/**
 * Graders' comments on lines of a hand-in's text files and on notebook cells.
 * Staff create, edit and delete them; every change is audited, and once the
 * student sees the feedback a change is news to them, told as a regrade is.
 * Students see their own annotations with the returned feedback, never before.
 */
export class AnnotationsService {
  constructor(
    private readonly db: Database,
    private readonly access: GradingAccess,
    private readonly trees: DbTreeStore,
    private readonly blobs: BlobStore,
    private readonly audit: AuditService,
    private readonly notices: GradeNotices,
  ) {}

  async create(actor: Actor | null, handInId: string, anchor: AnnotationAnchor, body: string): Promise<AnnotationView> {
    const handIn = await this.db.manager.findOne(HandIn, { where: { id: handInId } });
    if (!handIn) throw notFound(`hand-in ${handInId} does not exist`);
    const { assignment, actor: a } = await this.access.asGrader(actor, handIn.assignmentId, true);
    const text = checkBody(body);
    const place = await this.locate(handIn, anchor);
    const now = new Date();
    const annotation: Annotation = {
      id: randomUUID(),
      assignmentId: assignment.id,
      studentId: handIn.studentId,
      handInId: handIn.id,
      ...place,
      body: text,
      authorId: a.user.id,
      createdAt: now,
      updatedById: null,
      updatedAt: now,
    };
    await this.change(assignment, handIn.studentId, a, 'annotation.created', async (m) => {
      await m.insert(Annotation, annotation);
      return { before: null, after: auditValues(annotation, handIn) };
    });
    return this.viewOf(annotation, handIn);
  }

  async update(actor: Actor | null, id: string, body: string): Promise<AnnotationView> {
    const { annotation, assignment, actor: a } = await this.asEditor(actor, id);
    const text = checkBody(body);
    const handIn = await this.db.manager.findOneOrFail(HandIn, { where: { id: annotation.handInId } });
    if (text === annotation.body) return this.viewOf(annotation, handIn);
    const changed: Annotation = { ...annotation, body: text, updatedById: a.user.id, updatedAt: new Date() };
    await this.change(assignment, annotation.studentId, a, 'annotation.changed', async (m) => {
      await m.update(Annotation, { id }, { body: changed.body, updatedById: changed.updatedById, updatedAt: changed.updatedAt });
      return { before: auditValues(annotation, handIn), after: auditValues(changed, handIn) };
    });
    return this.viewOf(changed, handIn);
  }

  async remove(actor: Actor | null, id: string): Promise<string> {
    const { annotation, assignment, actor: a } = await this.asEditor(actor, id);
    const handIn = await this.db.manager.findOneOrFail(HandIn, { where: { id: annotation.handInId } });
    await this.change(assignment, annotation.studentId, a, 'annotation.deleted', async (m) => {
      await m.delete(Annotation, { id });
      return { before: auditValues(annotation, handIn), after: null };
    });
    return id;
  }

  /**
   * A student's annotations, oldest hand-in first, then by place: every one
   * for staff; for the student themself only once the feedback is visible.
   */
  async forStudent(actor: Actor | null, assignmentId: string, studentId: string): Promise<AnnotationView[]> {
    const reader = await this.access.asReader(actor, assignmentId);
    // Staff name a student as the status list does (a handle while anonymous grading hides them).
    return this.visibleTo(reader, reader.staff ? await this.access.student(reader.assignment, studentId) : studentId);
  }

  /**
   * The annotations on `studentId`'s hand-ins that `reader` may see: staff
   * all, a student their own (their group's in group work) once the feedback
   * is visible. Both the feedback's list and `node` read them here.
   */
  private async visibleTo(reader: Awaited<ReturnType<GradingAccess['asReader']>>, studentId: string): Promise<AnnotationView[]> {
    const { assignment, actor: a, staff } = reader;
    const assignmentId = assignment.id;
    if (!staff) {
      // In group work the annotations are the group's, as its grade is: each member's to read.
      const own = await this.access.ownSubject(assignment, a, studentId);
      if (!own) return [];
      studentId = own;
      const grade = await this.db.manager.findOne(Grade, { where: { assignmentId, studentId } });
      if (!studentSeesFeedback(assignment, grade)) return [];
    }
    const annotations = await this.db.manager.find(Annotation, { where: { assignmentId, studentId } });
    if (annotations.length === 0) return [];
    const handIns = await this.db.manager.find(HandIn, { where: { assignmentId, studentId }, select: { id: true, seq: true, handedInAt: true, rootTreeId: true } });
    const byId = new Map(handIns.map((h) => [h.id, h]));
    const latestSeq = Math.max(...handIns.map((h) => h.seq));
    return annotations
      .map((annotation) => {
        const handIn = byId.get(annotation.handInId)!;
        return { annotation, handIn, olderHandIn: handIn.seq < latestSeq };
      })
      .sort((x, y) => x.handIn.seq - y.handIn.seq || x.annotation.path.localeCompare(y.annotation.path) || place(x.annotation) - place(y.annotation) || +x.annotation.createdAt - +y.annotation.createdAt);
  }

  /** One annotation, to whoever `forStudent` shows it (staff; the student once the feedback is visible). */
  async get(actor: Actor | null, id: string): Promise<AnnotationView | null> {
    const annotation = await this.db.manager.findOne(Annotation, { where: { id } });
    if (!annotation) return null;
    const reader = await this.access.asReader(actor, annotation.assignmentId);
    return (await this.visibleTo(reader, annotation.studentId)).find((v) => v.annotation.id === id) ?? null;
  }

  private async asEditor(actor: Actor | null, id: string) {
    const annotation = await this.db.manager.findOne(Annotation, { where: { id } });
    if (!annotation) throw notFound(`annotation ${id} does not exist`);
    const { assignment, actor: a } = await this.access.asGrader(actor, annotation.assignmentId, true);
    return { annotation, assignment, actor: a };
  }

  private async viewOf(annotation: Annotation, handIn: HandIn): Promise<AnnotationView> {
    const newest = await this.db.manager.findOne(HandIn, { where: { assignmentId: handIn.assignmentId, studentId: handIn.studentId }, order: { seq: 'DESC' }, select: { id: true, seq: true } });
    return { annotation, handIn, olderHandIn: !!newest && newest.seq > handIn.seq };
  }

  /**
   * One audited change in a transaction with the student's grade locked; if
   * the student already sees their feedback, they are told, as for a regrade.
   */
  private async change(
    assignment: Assignment,
    studentId: string,
    a: Actor,
    action: string,
    write: (m: EntityManager) => Promise<{ before: Record<string, unknown> | null; after: Record<string, unknown> | null }>,
  ): Promise<void> {
    const notes = await this.db.transaction(async (m) => {
      const grade = await this.access.lockGrade(m, assignment.id, studentId);
      const { before, after } = await write(m);
      const visible = studentSeesFeedback(assignment, grade);
      await this.audit.append(m, {
        spaceId: assignment.spaceId,
        actorId: a.user.id,
        action,
        subjectType: 'assignment',
        subjectId: assignment.id,
        studentId,
        before,
        after: after && { ...after, returned: grade.returnedAt !== null },
      });
      if (!visible) return [];
      return this.notices.add(m, assignment, [studentId], a, 'GRADE_CHANGED', `Your feedback for '${assignment.title}' was changed`, `${a.user.name} changed a comment on your hand-in for '${assignment.title}'.`);
    });
    this.notices.send(notes);
    this.access.changedFor(assignment.id, studentId);
  }

  /** Checks the anchor against the hand-in's file: the path is a file of it, the lines or the cell exist. */
  private async locate(handIn: HandIn, anchor: AnnotationAnchor): Promise<Pick<Annotation, 'path' | 'startLine' | 'endLine' | 'cellIndex' | 'cellId'>> {
    const segments = parsePath(anchor.path);
    const path = formatPath(segments);
    const entry = segments.length ? await getEntry(this.trees.reader, handIn.rootTreeId, segments) : null;
    if (!entry || entry.kind !== 'FILE') throw badInput(`'${path}' is not a file of hand-in #${handIn.seq}`, { path });
    const lines = anchor.startLine != null || anchor.endLine != null;
    const cell = anchor.cellIndex != null;
    if (lines === cell) throw badInput('say where the comment goes: a line range (startLine and endLine) or a notebook cell (cellIndex), not both');
    if (entry.size > MAX_ANNOTATED_BYTES) throw badInput(`'${path}' is larger than ${MAX_ANNOTATED_BYTES / 1024 / 1024} MiB: comment on it in the grade's comment instead`, { path });
    const text = decodeText(await this.blobs.read(entry.id));
    if (text === null) throw badInput(`'${path}' is not a text file: only text files and notebooks take comments on lines or cells`, { path });
    if (cell) {
      const cells = notebookCells(text);
      if (!cells) throw badInput(`'${path}' is not a notebook: comment on a line range instead`, { path });
      const index = anchor.cellIndex!;
      if (!Number.isInteger(index) || index < 0 || index >= cells.length) {
        throw badInput(`cell ${index} is outside '${path}', which has ${cells.length} cell${cells.length === 1 ? '' : 's'} (numbered from 0)`, { path, cells: cells.length });
      }
      const id = (cells[index] as { id?: unknown } | null)?.id;
      return { path, startLine: null, endLine: null, cellIndex: index, cellId: typeof id === 'string' ? id.slice(0, 200) : null };
    }
    const start = anchor.startLine ?? anchor.endLine!;
    const end = anchor.endLine ?? start;
    const count = lineCount(text);
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 1 || end < start || end > count) {
      throw badInput(`lines ${start}–${end} are outside '${path}', which has ${count} line${count === 1 ? '' : 's'}`, { path, lines: count });
    }
    return { path, startLine: start, endLine: end, cellIndex: null, cellId: null };
  }
}

function checkBody(body: string): string {
  const text = body.trim();
  if (!text) throw badInput('the comment is empty: write what the student should read');
  if (text.length > MAX_ANNOTATION_CHARS) throw badInput(`the comment has ${text.length} characters; at most ${MAX_ANNOTATION_CHARS} fit`);
  return text;
}

/** Lines as an editor numbers them: a final line feed does not start another line. */
export function lineCount(text: string): number {
  if (text === '') return 0;
  const feeds = text.split('\n').length - 1;
  return text.endsWith('\n') ? feeds : feeds + 1;
}

function notebookCells(text: string): unknown[] | null {
  try {
    const parsed = JSON.parse(text) as { cells?: unknown };
    return Array.isArray(parsed?.cells) ? parsed.cells : null;
  } catch {
    return null;
  }
}

const place = (a: Annotation) => a.startLine ?? a.cellIndex ?? 0;

function auditValues(a: Annotation, handIn: HandIn) {
  return {
    annotationId: a.id,
    handInId: handIn.id,
    handInSeq: handIn.seq,
    path: a.path,
    lines: a.startLine === null ? null : [a.startLine, a.endLine],
    cell: a.cellIndex,
    cellId: a.cellId,
    body: a.body,
  };
}

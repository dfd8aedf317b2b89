import type { EntityManager } from 'typeorm';
import type { Database } from '../../db/database';
import { studentSeesFeedback } from '../../core/policy';
import { badInput, conflict, formatUtc, notFound, staleSave } from '../../core/errors';
import type { Page, PageArgs } from '../../core/pagination';
import type { BlobStore } from '../../core/storage/blob-store';
import { formatPath, parsePath } from '../../core/storage/paths';
import { countFiles, editTree, EMPTY_TREE_ID, getEntry, listDirectory } from '../../core/storage/tree';
import type { TreeEntry, TreeStore } from '../../core/storage/types';
import type { AuditService } from '../audit/audit.service';
import { applyItems, type ApplyResult } from '../distributions/engine';
import type { Access } from '../spaces/access';
import type { Actor } from '../users/users.service';
import { personRef } from '../users/person-ref';
import type { WorkspaceStore } from '../workspaces/workspace-store';
import type { Workspace } from '../workspaces/workspace.entity';
import type { Assignment } from './assignment.entity';
import { entryPage, type PagedEntry } from './entry-page';
import { gradeSubjectOf } from './group-subjects';
import { Grade } from './grade.entity';
import type { FeedbackView, GradingAccess } from './grading-access';
import { safeName } from './grading-rules';
import type { HandInsService } from './hand-ins.service';

export interface CopyToWorkspaceResult {
  workspace: Workspace;
  /** Where the feedback landed, e.g. `files/feedback/Homework 1`. */
  path: string;
  /** Per path: added, unchanged, or copied beside the student's own file. */
  apply: ApplyResult;
}

type FeedbackEdit = (trees: TreeStore, root: string) => Promise<string>;
/** Conditions on a feedback change: the version it was based on, a path that must be free. */
interface FeedbackPreconditions {
  expectedVersion?: number;
  ifAbsent?: string[];
}

/**
 * Feedback files. Admins and TAs edit any student's feedback of their course
 * (upload, copy from a hand-in, delete), each change audited. A student sees
 * their own grade, comment and feedback files only once returned and while
 * the assignment's hand-back is visible, and never anyone else's: another
 * student's feedback is NOT_FOUND, never FORBIDDEN, so even its existence
 * does not leak. Students copy returned feedback into their workspace.
 */
export class FeedbackService {
  constructor(
    private readonly db: Database,
    private readonly policy: Access,
    private readonly access: GradingAccess,
    private readonly handIns: HandInsService,
    private readonly store: WorkspaceStore,
    private readonly blobs: BlobStore,
    private readonly audit: AuditService,
  ) {}
  // ---- feedback files (staff) -----------------------------------------------

  /**
   * Streams an upload into the blob store, then puts it at `path` in the
   * student's feedback (replacing a file there). With `expectedVersion` (the
   * feedback's version when the grader looked) feedback changed since is
   * refused; with `ifAbsent` a name already taken is refused. Both refusals
   * name who changed the feedback last and when. The bytes are stored before
   * the feedback changes; a refused upload changes nothing.
   */
  async uploadFeedbackFile(
    actor: Actor | null,
    assignmentId: string,
    studentId: string,
    path: string,
    body: NodeJS.ReadableStream,
    options: { maxBytes: number; expectedVersion?: number; ifAbsent?: boolean },
  ): Promise<{ path: string; entry: TreeEntry; changed: boolean; version: number }> {
    const { assignment, actor: a } = await this.access.asGrader(actor, assignmentId, true);
    studentId = await this.access.student(assignment, studentId);
    const segments = feedbackPath(path);
    const preconditions = { expectedVersion: options.expectedVersion, ifAbsent: options.ifAbsent ? segments : undefined };
    // Refused before the bytes are read when the answer is already known; checked again when the feedback changes.
    const current = await this.db.manager.findOne(Grade, { where: { assignmentId, studentId } });
    await this.checkFeedbackPreconditions(this.db.manager, assignment, studentId, current, current?.feedbackTreeId ?? EMPTY_TREE_ID, preconditions);
    const blob = await this.blobs.put(body, { maxBytes: options.maxBytes });
    const entry: TreeEntry = { name: segments.at(-1)!, kind: 'FILE', id: blob.id, size: blob.size };
    const edit: FeedbackEdit = async (trees, root) => {
      const existing = await getEntry(trees, root, segments);
      if (existing?.kind === 'DIRECTORY') throw conflict(`'${formatPath(segments)}' is a folder in the feedback`);
      return editTree(trees, root, [{ path: segments, entry }]);
    };
    const details = { path: formatPath(segments), hash: blob.id, size: blob.size };
    const changed = await this.editFeedback(assignment, studentId, a, 'feedback.file-uploaded', details, edit, preconditions);
    const after = await this.db.manager.findOne(Grade, { where: { assignmentId, studentId } });
    return { path: formatPath(segments), entry, changed, version: after?.feedbackVersion ?? 0 };
  }

  /**
   * Refuses (CONFLICT) feedback that changed since `expectedVersion`, or a
   * name in `ifAbsent` that is taken in `tree`, naming who changed the
   * feedback last and when.
   */
  private async checkFeedbackPreconditions(
    m: EntityManager,
    assignment: Assignment,
    studentId: string,
    grade: Grade | null,
    tree: string,
    preconditions: FeedbackPreconditions,
  ): Promise<void> {
    const version = grade?.feedbackVersion ?? 0;
    const stale = preconditions.expectedVersion != null && version !== preconditions.expectedVersion;
    const taken = preconditions.ifAbsent && (await getEntry(this.store.trees.reader, tree, preconditions.ifAbsent));
    if (!stale && !taken) return;
    const student = await personRef(m, studentId);
    const subject = `the feedback of ${student?.name ?? 'this student'} for '${assignment.title}'`;
    const by = await personRef(m, grade?.feedbackChangedById ?? null);
    const at = grade?.feedbackChangedAt ?? grade?.updatedAt ?? new Date();
    if (stale) throw staleSave(subject, { by, at }, { currentVersion: version, expectedVersion: preconditions.expectedVersion! });
    const name = formatPath(preconditions.ifAbsent!);
    throw conflict(
      `'${name}' exists already in ${subject} (last changed by ${by?.name ?? 'nobody known'} at ${formatUtc(at)}); replace it knowingly, or choose another name`,
      { path: name, exists: true, currentVersion: version, changedBy: by, changedAt: at.toISOString() },
    );
  }

  /**
   * Copies a file or folder of a sealed hand-in into the student's feedback
   * (by reference: no bytes are copied), to be annotated and uploaded back.
   * The destination defaults to the hand-in path without its area
   * (`files/hw1/answers.md` → `hw1/answers.md`); something different already
   * there is a CONFLICT, so a grader's annotated copy is never overwritten.
   */
  async copyHandInFileToFeedback(actor: Actor | null, handInId: string, path: string, to?: string | null): Promise<FeedbackView> {
    const { handIn } = await this.handIns.get(actor, handInId);
    const { assignment, actor: a } = await this.access.asGrader(actor, handIn.assignmentId, true);
    const source = parsePath(path);
    const entry = await getEntry(this.store.trees.reader, handIn.rootTreeId, source);
    if (!entry || source.length === 0) throw notFound(`no file or folder '${path}' in hand-in ${handIn.seq} of this student`);
    if (entry.kind !== 'FILE' && entry.kind !== 'DIRECTORY') throw badInput(`'${path}' is a ${entry.kind.toLowerCase()}; only files and folders go into feedback`);
    const target = to ? feedbackPath(to) : source.length > 1 ? source.slice(1) : source;
    const placed: TreeEntry = { ...entry, name: target.at(-1)! };
    const details = { path: formatPath(target), from: { handInId, seq: handIn.seq, path: formatPath(source) }, hash: entry.id };
    await this.editFeedback(assignment, handIn.studentId, a, 'feedback.file-copied', details, async (trees, root) => {
      const existing = await getEntry(trees, root, target);
      if (existing && (existing.kind !== placed.kind || existing.id !== placed.id)) {
        throw conflict(`'${formatPath(target)}' exists in the feedback already; delete it first, or choose another name with 'to'`);
      }
      return editTree(trees, root, [{ path: target, entry: placed }]);
    });
    return this.access.view(assignment, handIn.studentId, true);
  }

  async deleteFeedbackFile(actor: Actor | null, assignmentId: string, studentId: string, path: string): Promise<FeedbackView> {
    const { assignment, actor: a } = await this.access.asGrader(actor, assignmentId, true);
    studentId = await this.access.student(assignment, studentId);
    const segments = feedbackPath(path);
    await this.editFeedback(assignment, studentId, a, 'feedback.file-deleted', { path: formatPath(segments) }, async (trees, root) => {
      if (!(await getEntry(trees, root, segments))) throw notFound(`nothing at '${formatPath(segments)}' in the feedback`);
      return editTree(trees, root, [{ path: segments, entry: null }]);
    });
    return this.access.view(assignment, studentId, true);
  }

  // ---- reading feedback -------------------------------------------------------

  /** Staff: a student's grade and feedback, returned or not. */
  async feedback(actor: Actor | null, assignmentId: string, studentId: string): Promise<FeedbackView> {
    const { assignment } = await this.access.asGrader(actor, assignmentId, false);
    return this.access.view(assignment, await this.access.student(assignment, studentId), true);
  }

  /** A student's own feedback; grade and files stay hidden until returned and visible. */
  async myFeedback(actor: Actor | null, assignmentId: string): Promise<FeedbackView> {
    const { assignment, actor: a } = await this.access.asStudent(actor, assignmentId, false, 'only students of the course receive feedback; staff read it with feedback(assignmentId, studentId)');
    return this.access.view(assignment, a.user.id, false);
  }

  /** A folder of a student's feedback files. A student's own feedback lists empty until it is returned and visible. */
  async listFeedback(
    actor: Actor | null,
    assignmentId: string,
    studentId: string,
    path: string,
    page: PageArgs,
  ): Promise<Page<PagedEntry>> {
    const { tree, staff } = await this.feedbackTree(actor, assignmentId, studentId);
    const segments = parsePath(path);
    if (!staff && tree === null) return entryPage([], segments, page);
    return entryPage(await listDirectory(this.store.trees.reader, tree ?? EMPTY_TREE_ID, segments), segments, page);
  }

  async openFeedbackFile(actor: Actor | null, assignmentId: string, studentId: string, path: string) {
    const { tree } = await this.feedbackTree(actor, assignmentId, studentId);
    if (tree === null) throw notFound('no feedback has been returned to you for this assignment yet');
    const segments = feedbackPath(path);
    const entry = await getEntry(this.store.trees.reader, tree, segments);
    if (!entry || entry.kind !== 'FILE') throw notFound(`no file '${formatPath(segments)}' in the feedback`);
    return { entry, stream: await this.blobs.openRead(entry.id) };
  }

  // ---- students: feedback into the workspace ---------------------------------

  /**
   * Copies the student's returned feedback files into their personal
   * workspace under `files/feedback/<assignment title>/`. Nothing of theirs is
   * ever overwritten: files merge one by one as in a KEEP_BOTH push, so an
   * identical file stays as it is, a new one is added, and where the student
   * has a different file (their notes on an earlier copy, say) the feedback
   * version lands beside it as `name (incoming).ext`. Copying again after a
   * regrade therefore brings only what changed.
   */
  async copyFeedbackToWorkspace(actor: Actor | null, assignmentId: string): Promise<CopyToWorkspaceResult> {
    const { assignment, actor: a } = await this.access.asStudent(actor, assignmentId, true, 'only students of the course receive feedback to copy');
    const grade = await this.db.manager.findOne(Grade, { where: { assignmentId, studentId: await gradeSubjectOf(this.db.manager, assignment, a.user.id) } });
    if (!studentSeesFeedback(assignment, grade)) throw notFound('no feedback has been returned to you for this assignment yet');
    const trees = this.store.trees.reader;
    if ((await countFiles(trees, grade.feedbackTreeId)) === 0) {
      throw badInput('your feedback has no files to copy; the grade and comment are shown with the feedback');
    }
    const files = (await getEntry(trees, grade.feedbackTreeId, []))!;
    const own = await this.handIns.studentWorkspace(assignment, a.user.id);
    const { workspace } = await this.policy.workspace(a, own.id, 'write');
    const folder = ['files', 'feedback', safeName(assignment.title, 'assignment')];
    const incoming = { path: folder, entry: { ...files, name: folder[2] } };
    // The edit may run again after losing a race; the last run is the one committed.
    const last: { apply?: ApplyResult } = {};
    const result = await this.store.change(
      workspace.id,
      async (session, root) => {
        last.apply = await applyItems(session, root, [incoming], { policies: { default: 'KEEP_BOTH' } });
        return last.apply.root;
      },
      { authorId: a.user.id, message: `copy feedback for '${assignment.title}'`.slice(0, 1000) },
      {
        alsoWrite: (m, commit) =>
          this.audit.append(m, {
            spaceId: assignment.spaceId,
            actorId: a.user.id,
            action: 'feedback.copied-to-workspace',
            subjectType: 'workspace',
            subjectId: workspace.id,
            studentId: a.user.id,
            after: { assignmentId, path: formatPath(folder), feedbackTreeId: grade.feedbackTreeId, commitId: commit.id },
          }).then(() => undefined),
      },
    );
    return { workspace: result.workspace, path: formatPath(folder), apply: last.apply! };
  }

  // ---- internals ---------------------------------------------------------------

  /**
   * The feedback tree the caller may read: any student's for staff; for a
   * student their own once returned and visible (null before). Anyone else's
   * is NOT_FOUND.
   */
  private async feedbackTree(actor: Actor | null, assignmentId: string, studentId: string): Promise<{ tree: string | null; staff: boolean }> {
    const { assignment, actor: a, staff } = await this.access.asReader(actor, assignmentId);
    if (staff) studentId = await this.access.student(assignment, studentId);
    else {
      const own = await this.access.ownSubject(assignment, a, studentId);
      if (!own) throw notFound(`no feedback of user ${studentId} for you to see`);
      studentId = own;
    }
    const grade = await this.db.manager.findOne(Grade, { where: { assignmentId, studentId } });
    if (staff) return { tree: grade?.feedbackTreeId ?? EMPTY_TREE_ID, staff };
    return { tree: grade && studentSeesFeedback(assignment, grade) ? grade.feedbackTreeId : null, staff };
  }

  /**
   * Changes a student's feedback tree. The new tree is built outside the
   * transaction from the tree read; the swap is a compare-and-swap on the
   * grade row, so two graders editing at once never lose each other's files
   * (the loser rebuilds from the winner's tree). Returns whether it changed.
   */
  private async editFeedback(
    assignment: Assignment,
    studentId: string,
    actor: Actor,
    action: string,
    details: Record<string, unknown>,
    edit: FeedbackEdit,
    preconditions: FeedbackPreconditions = {},
  ): Promise<boolean> {
    for (let attempt = 1; attempt <= 20; attempt++) {
      const current = await this.db.manager.findOne(Grade, { where: { assignmentId: assignment.id, studentId } });
      const base = current?.feedbackTreeId ?? EMPTY_TREE_ID;
      const session = this.store.trees.session();
      const root = await edit(session, base);
      if (root === base) return false;
      const swapped = await this.db.transaction(async (m) => {
        const grade = await this.access.lockGrade(m, assignment.id, studentId);
        if (grade.feedbackTreeId !== base) return false;
        await this.checkFeedbackPreconditions(m, assignment, studentId, grade, base, preconditions);
        await session.flush(m);
        const now = new Date();
        await m.update(Grade, { id: grade.id }, {
          feedbackTreeId: root,
          updatedAt: now,
          feedbackVersion: grade.feedbackVersion + 1,
          feedbackChangedById: actor.user.id,
          feedbackChangedAt: now,
        });
        await this.audit.append(m, {
          spaceId: assignment.spaceId,
          actorId: actor.user.id,
          action,
          subjectType: 'assignment',
          subjectId: assignment.id,
          studentId,
          before: { feedbackTreeId: base },
          after: { feedbackTreeId: root, ...details, returned: grade.returnedAt !== null },
        });
        return true;
      });
      if (!swapped) continue;
      session.committed();
      this.access.changedFor(assignment.id, studentId);
      return true;
    }
    throw conflict('the feedback is changing too fast; try again');
  }
}

/** A path inside a feedback tree: relative to it, never its root. */
function feedbackPath(path: string): string[] {
  const segments = parsePath(path);
  if (segments.length === 0) throw badInput('give a file path inside the feedback, e.g. answers-annotated.pdf');
  return segments;
}

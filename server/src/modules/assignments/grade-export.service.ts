import { PassThrough, type Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';
import type ExcelJSModule from 'exceljs';
import type { Database } from '../../db/database';
import { canExportGrades } from '../../core/policy';
import { forbidden } from '../../core/errors';
import type { BlobStore } from '../../core/storage/blob-store';
import { formatPath } from '../../core/storage/paths';
import { walkTree } from '../../core/storage/tree';
import type { TreeStore } from '../../core/storage/types';
import type { AuditService } from '../audit/audit.service';
import type { Actor } from '../users/users.service';
import type { Assignment } from './assignment.entity';
import type { AssignmentsService } from './assignments.service';
import { handInLateBy } from './deadlines';
import { cellValue, csvCells, csvText, groupSheetRows, sheetColumns, sheetRows, wallClock, type GroupSheetMember, type SheetColumn, type SheetRow } from './grade-sheet';
import { AssignmentGroup, GradeAdjustment } from './assignment-group.entity';
import { gradeSubjects } from './group-subjects';
import { Membership } from '../spaces/membership.entity';
import { User } from '../users/user.entity';
import { inChunks } from '../../core/util/chunks';
import { In, IsNull } from 'typeorm';
import { criterionPoints } from './rubric-rules';
import type { RubricScores } from './rubric-scores';
import { safeName, studentFolderName } from './grading-rules';
import type { StatusService, StudentRow } from './status.service';
import { ZipWriter } from '../../core/util/zip-writer';
import type { Access } from '../spaces/access';

export interface Download {
  name: string;
  type: string;
  stream: Readable;
}

/**
 * Exports for the course's staff: the grade sheet as CSV and as Excel, and
 * every student's hand-in in one zip. Everything is streamed; the zip holds
 * one file open at a time, so memory stays flat whatever the course's size.
 */
export class GradeExportService {
  constructor(
    private readonly db: Database,
    private readonly policy: Access,
    private readonly assignments: AssignmentsService,
    private readonly status: StatusService,
    private readonly trees: TreeStore,
    private readonly blobs: BlobStore,
    private readonly audit: AuditService,
    private readonly rubrics: RubricScores,
  ) {}

  /** The sheet's columns and rows, with one column per rubric criterion. */
  private async sheet(assignment: Assignment, dateSuffix = ''): Promise<{ columns: SheetColumn[]; rows: SheetRow[] }> {
    const [rubric, picks, rows] = await Promise.all([this.rubrics.rubricOf(assignment.id), this.rubrics.picksOf(assignment.id), this.status.staffRows(assignment)]);
    const criteria = rubric?.criteria ?? [];
    const columns = sheetColumns(assignment, dateSuffix, criteria.map((c) => ({ title: c.title, maxPoints: c.maxPointsHundredths / 100 })));
    const pointsOf = (studentId: string) => criterionPoints(criteria, picks.get(studentId) ?? []).map((p) => (p === null ? null : p / 100));
    if (!assignment.groupWork) return { columns, rows: sheetRows(rows, pointsOf) };
    const byGroup = new Map(rows.map((r) => [r.userId, { row: sheetRows([r], pointsOf)[0], hidden: r.pseudonym !== null }]));
    return { columns, rows: groupSheetRows(byGroup, await this.groupMembers(assignment)) };
  }

  /** Every student of a group assignment's course with the group whose grade they have and their adjustment. */
  private async groupMembers(assignment: Assignment): Promise<GroupSheetMember[]> {
    const m = this.db.manager;
    const students = await m.find(Membership, { where: { spaceId: assignment.spaceId, role: 'MEMBER', deactivatedAt: IsNull() } });
    const ids = students.map((s) => s.userId);
    if (!ids.length) return [];
    const [users, subjects, groups, adjustments] = await Promise.all([
      inChunks(ids, (chunk) => m.find(User, { where: { id: In(chunk) } })),
      gradeSubjects(m, assignment),
      m.find(AssignmentGroup, { where: { assignmentId: assignment.id } }),
      m.find(GradeAdjustment, { where: { assignmentId: assignment.id } }),
    ]);
    const userOf = new Map(users.map((u) => [u.id, u]));
    const groupName = new Map(groups.map((g) => [g.id, g.name]));
    const adjustmentOf = new Map(adjustments.map((a) => [a.studentId, a]));
    return students
      .filter((s) => userOf.has(s.userId))
      .map((s) => {
        const groupId = subjects.get(s.userId) ?? null;
        const adjustment = adjustmentOf.get(s.userId);
        return {
          name: userOf.get(s.userId)!.name,
          email: userOf.get(s.userId)!.email,
          studentNumber: s.studentNumber,
          section: s.section,
          groupId,
          groupName: groupId ? (groupName.get(groupId) ?? null) : null,
          adjustment: adjustment && adjustment.groupId === groupId ? { points: adjustment.pointsHundredths / 100, reason: adjustment.reason } : null,
        };
      });
  }

  async gradesCsv(actor: Actor | null, assignmentId: string): Promise<Download> {
    const { assignment } = await this.asStaff(actor, assignmentId);
    const { columns, rows } = await this.sheet(assignment);
    // The byte-order mark makes Excel read the file as UTF-8 (names with accents).
    const csv = stringify({ bom: true });
    csv.write(columns.map((c) => c.header));
    for (const row of rows) csv.write(csvCells(row, columns));
    csv.end();
    return { name: `${safeName(assignment.title, 'assignment')} grades.csv`, type: 'text/csv; charset=utf-8', stream: csv };
  }

  /**
   * The grades in the layout Canvas imports into its gradebook: `Student, ID,
   * SIS User ID, SIS Login ID, Section` and one column named `Title (id)`,
   * then a `Points Possible` row. Students are matched by SIS User ID (the
   * student number) or SIS Login ID (the e-mail address); the Canvas ID is
   * left empty, as Stagecoach does not know it. The grade is the total after
   * the late penalty (the text grade under text grading). No byte-order mark:
   * Canvas would read it as part of the first header.
   */
  async canvasCsv(actor: Actor | null, assignmentId: string): Promise<Download> {
    const { assignment } = await this.asStaff(actor, assignmentId);
    const { rows } = await this.sheet(assignment);
    const points = assignment.gradingScheme === 'POINTS';
    const csv = stringify();
    csv.write(['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', `${assignment.title} (${assignment.id})`]);
    csv.write(['Points Possible', '', '', '', '', points && assignment.maxPoints !== null ? String(assignment.maxPoints) : '']);
    for (const r of rows) {
      const grade = points ? (r.finalPoints === null ? '' : String(r.finalPoints)) : csvText(r.textGrade ?? '');
      csv.write([csvText(r.name), '', csvText(r.studentNumber ?? ''), csvText(r.email), csvText(r.section ?? ''), grade]);
    }
    csv.end();
    return { name: `${safeName(assignment.title, 'assignment')} Canvas gradebook.csv`, type: 'text/csv; charset=utf-8', stream: csv };
  }

  /** A real .xlsx: a header row, then typed cells (numbers, dates in the assignment's time zone, text). */
  async gradesXlsx(actor: Actor | null, assignmentId: string): Promise<Download> {
    const { assignment } = await this.asStaff(actor, assignmentId);
    const { columns, rows } = await this.sheet(assignment, ` (${assignment.timeZone})`);
    const out = new PassThrough();
    const { stream } = loadExcelJS();
    const book = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheet = book.addWorksheet('Grades', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({
      key: c.key,
      width: c.type === 'date' ? 20 : c.key === 'name' || c.key === 'email' ? 28 : 14,
      style: c.type === 'date' ? { numFmt: 'yyyy-mm-dd hh:mm:ss' } : {},
    }));
    const header = sheet.addRow(columns.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    for (const row of rows) {
      sheet
        .addRow(
          columns.map(({ key, type }) => {
            const value = cellValue(row, key);
            if (value === null) return null;
            if (type === 'date') return wallClock(value as Date, assignment.timeZone);
            if (type === 'boolean') return value ? 'yes' : 'no';
            return value;
          }),
        )
        .commit();
    }
    sheet.commit();
    void book.commit().catch((error: unknown) => out.destroy(error as Error));
    return {
      name: `${safeName(assignment.title, 'assignment')} grades.xlsx`,
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      stream: out,
    };
  }

  /**
   * Every student's graded hand-in (the chosen one, else the latest) in one
   * zip: a folder `Name (e-mail)/` per student holding the sealed tree as
   * handed in, and `manifest.csv` with each hand-in's time and receipt (the
   * content hash). Each hand-in is audited as downloaded before any byte goes out.
   */
  async handInsZip(actor: Actor | null, assignmentId: string): Promise<Download> {
    const { assignment, actor: a } = await this.asStaff(actor, assignmentId);
    const rows = (await this.status.staffRows(assignment))
      .filter((r) => r.gradedHandIn)
      .sort((x, y) => x.student.name.localeCompare(y.student.name, undefined, { numeric: true }) || x.student.email.localeCompare(y.student.email));
    await this.db.transaction(async (m) => {
      for (const r of rows) {
        await this.audit.append(m, {
          spaceId: assignment.spaceId,
          actorId: a.user.id,
          action: 'hand-in.downloaded',
          subjectType: 'hand-in',
          subjectId: r.gradedHandIn!.id,
          studentId: r.userId,
          after: { via: 'hand-ins.zip', assignmentId: assignment.id },
        });
      }
    });
    const out = new PassThrough();
    void this.writeZip(rows, out).catch((error: unknown) => out.destroy(error as Error));
    return { name: `${safeName(assignment.title, 'assignment')} hand-ins.zip`, type: 'application/zip', stream: out };
  }

  private async writeZip(rows: readonly StudentRow[], out: PassThrough): Promise<void> {
    const zip = new ZipWriter(out);
    const folders = uniqueFolders(rows);
    zip.text('manifest.csv', manifest(rows, folders));
    for (const r of rows) {
      const handIn = r.gradedHandIn!;
      const folder = folders.get(r.userId)!;
      zip.folder(folder, handIn.handedInAt);
      for await (const { path, entry } of walkTree(this.trees, handIn.rootTreeId)) {
        const name = `${folder}/${formatPath(path)}`;
        if (entry.kind === 'DIRECTORY') zip.folder(name, handIn.handedInAt);
        else if (entry.kind === 'FILE') await zip.file(name, async () => (await this.blobs.openRead(entry.id)) as Readable, handIn.handedInAt);
        // Tables and applications are stored in internal encodings that mean nothing outside Stagecoach; they are left out.
      }
    }
    await zip.finish();
  }

  private async asStaff(actor: Actor | null, assignmentId: string): Promise<{ assignment: Assignment; actor: Actor }> {
    // Asked first: an anonymous caller is told to sign in, not that the assignment does not exist.
    this.policy.requireActor(actor);
    const { assignment, role, actor: a } = await this.assignments.access(actor, assignmentId);
    if (!canExportGrades(role)) throw forbidden(`only admins and teaching assistants of the course export grades and hand-ins; your role is ${role}`);
    return { assignment, actor: a };
  }
}

/** A folder name per student; two students whose names and addresses shorten alike get ` 2`, ` 3`, … */
function uniqueFolders(rows: readonly StudentRow[]): Map<string, string> {
  const taken = new Set<string>();
  const out = new Map<string, string>();
  for (const r of rows) {
    const base = studentFolderName(r.student.name, r.student.email);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} ${n}`;
    taken.add(name.toLowerCase());
    out.set(r.userId, name);
  }
  return out;
}

function manifest(rows: readonly StudentRow[], folders: Map<string, string>): string {
  const header = ['Folder', 'Name', 'E-mail', 'Hand-in', 'Handed in at', 'Late', 'Collected at deadline', 'Content hash', 'Missing paths'];
  const lines = rows.map((r) => {
    const h = r.gradedHandIn!;
    return [
      csvText(folders.get(r.userId)!),
      csvText(r.student.name),
      csvText(r.student.email),
      String(h.seq),
      h.handedInAt.toISOString(),
      handInLateBy(h, r.deadline) > 0 ? 'yes' : 'no',
      h.collected ? 'yes' : 'no',
      h.rootTreeId,
      h.missingPaths.join(' '),
    ];
  });
  return stringifySync([header, ...lines], { bom: true, record_delimiter: 'windows' });
}

/**
 * exceljs (with its zip readers and writers, over a second of every process's start-up) is
 * loaded on the first Excel export, not when the server starts.
 */
function loadExcelJS(): typeof ExcelJSModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('exceljs') as typeof ExcelJSModule;
}

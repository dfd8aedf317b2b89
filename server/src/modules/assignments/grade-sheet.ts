/**
 * The grade sheet: one row per student, as exported to CSV and Excel. Pure,
 * so both formats show the same values.
 */
import type { Assignment } from './assignment.entity';
import { handInLateBy } from './deadlines';
import { STATUS_WORDS } from './status-words';
import type { StudentRow } from './status.service';

export interface SheetRow {
  name: string;
  email: string;
  studentNumber: string | null;
  section: string | null;
  /** The status in words (see {@link STATUS_WORDS}). */
  status: string;
  /** The graded hand-in (the chosen one, else the latest). */
  handedInAt: Date | null;
  handInSeq: number | null;
  late: boolean | null;
  keptPercent: number | null;
  points: number | null;
  /** Points taken by the late policy: points less the total. */
  latePenalty: number | null;
  /** Points after the late penalty. */
  finalPoints: number | null;
  textGrade: string | null;
  returnedAt: Date | null;
  /** With a rubric: each criterion's points, in the rubric's order. */
  criterionPoints: (number | null)[];
  /** Group assignments: the group whose grade the student has, and their own adjustment of it (already in `finalPoints`). */
  group?: string | null;
  adjustment?: number | null;
  adjustmentReason?: string | null;
}

export type SheetKey = Exclude<keyof SheetRow, 'criterionPoints'>;

export interface SheetColumn {
  key: SheetKey | `criterion:${number}`;
  header: string;
  type: 'text' | 'date' | 'number' | 'boolean';
}

/** A rubric criterion's column header. */
export interface SheetCriterion {
  title: string;
  maxPoints: number;
}

/** The value of a row's cell in a column (a criterion's points for a criterion column). */
export function cellValue(row: SheetRow, key: SheetColumn['key']): SheetRow[SheetKey] {
  return key.startsWith('criterion:') ? (row.criterionPoints[Number(key.slice(10))] ?? null) : row[key as SheetKey];
}

export function sheetColumns(
  assignment: Pick<Assignment, 'gradingScheme' | 'maxPoints'> & Partial<Pick<Assignment, 'groupWork'>>,
  dateSuffix = '',
  criteria: readonly SheetCriterion[] = [],
): SheetColumn[] {
  const points = assignment.gradingScheme === 'POINTS' && assignment.maxPoints ? ` (of ${assignment.maxPoints})` : '';
  const perCriterion = criteria.map((c, i): SheetColumn => ({ key: `criterion:${i}`, header: `${c.title} (of ${c.maxPoints})`, type: 'number' }));
  const columns = singleColumns(points, dateSuffix, perCriterion);
  if (!assignment.groupWork) return columns;
  // The group's points, then the member's adjustment; the total includes it.
  const at = columns.findIndex((c) => c.key === 'finalPoints');
  return [
    ...columns.slice(0, 4),
    { key: 'group', header: 'Group', type: 'text' },
    ...columns.slice(4, at),
    { key: 'adjustment', header: 'Adjustment', type: 'number' },
    { key: 'adjustmentReason', header: 'Adjustment reason', type: 'text' },
    ...columns.slice(at),
  ];
}

function singleColumns(points: string, dateSuffix: string, perCriterion: SheetColumn[]): SheetColumn[] {
  return [
    { key: 'name', header: 'Name', type: 'text' },
    { key: 'email', header: 'E-mail', type: 'text' },
    { key: 'studentNumber', header: 'Student number', type: 'text' },
    { key: 'section', header: 'Section', type: 'text' },
    { key: 'status', header: 'Status', type: 'text' },
    { key: 'handedInAt', header: `Handed in at${dateSuffix}`, type: 'date' },
    { key: 'handInSeq', header: 'Hand-in', type: 'number' },
    { key: 'late', header: 'Late', type: 'boolean' },
    { key: 'keptPercent', header: 'Kept %', type: 'number' },
    ...perCriterion,
    { key: 'points', header: `Points${points}`, type: 'number' },
    { key: 'latePenalty', header: 'Late penalty', type: 'number' },
    { key: 'finalPoints', header: `Total${points}`, type: 'number' },
    { key: 'textGrade', header: 'Text grade', type: 'text' },
    { key: 'returnedAt', header: `Returned at${dateSuffix}`, type: 'date' },
  ];
}

/** One row per student, by name (then e-mail, which is unique). */
export function sheetRows(rows: readonly StudentRow[], criterionPoints: (studentId: string) => (number | null)[] = () => []): SheetRow[] {
  return rows
    .map((r): SheetRow => {
      const graded = r.gradedHandIn;
      const points = r.grade?.pointsHundredths ?? null;
      return {
        name: r.student.name,
        email: r.student.email,
        studentNumber: r.studentNumber,
        section: r.section,
        status: STATUS_WORDS[r.status],
        handedInAt: graded?.handedInAt ?? null,
        handInSeq: graded?.seq ?? null,
        late: graded ? handInLateBy(graded, r.deadline) > 0 : null,
        keptPercent: graded ? r.keptPercent : null,
        points: points === null ? null : points / 100,
        latePenalty: points === null || r.finalPoints === null ? null : Math.round(points - r.finalPoints * 100) / 100,
        finalPoints: r.finalPoints,
        textGrade: r.grade?.textGrade ?? null,
        returnedAt: r.grade?.returnedAt ?? null,
        criterionPoints: r.grade?.gradedAt ? criterionPoints(r.userId) : [],
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email));
}

/** A member of a group assignment's class, for the sheet: where they are on the roster and whose grade they have. */
export interface GroupSheetMember {
  name: string;
  email: string;
  studentNumber: string | null;
  section: string | null;
  /** The group whose grade they have (see `gradeSubjectOf`); null when in none. */
  groupId: string | null;
  groupName: string | null;
  adjustment: { points: number; reason: string } | null;
}

/**
 * A group assignment's sheet: one row per student, each with their group's
 * grade values plus their own adjustment. A group still hidden from staff
 * (anonymous grading) hides its members too: they show the group's
 * pseudonym and no e-mail address, number or section.
 */
export function groupSheetRows(groupRows: ReadonlyMap<string, { row: SheetRow; hidden: boolean }>, members: readonly GroupSheetMember[]): SheetRow[] {
  return members
    .map((m): SheetRow => {
      const found = m.groupId ? groupRows.get(m.groupId) : undefined;
      const base: SheetRow = found?.row ?? { ...EMPTY_GRADE, status: 'Not in a group' };
      const who = found?.hidden
        ? { name: base.name, email: '', studentNumber: null, section: null, group: base.name }
        : { name: m.name, email: m.email, studentNumber: m.studentNumber, section: m.section, group: m.groupName };
      const adjustment = found?.hidden ? null : m.adjustment;
      const finalPoints = base.finalPoints === null ? null : Math.round((base.finalPoints + (adjustment?.points ?? 0)) * 100) / 100;
      return { ...base, ...who, adjustment: adjustment?.points ?? null, adjustmentReason: adjustment?.reason ?? null, finalPoints };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email));
}

const EMPTY_GRADE: SheetRow = {
  name: '',
  email: '',
  studentNumber: null,
  section: null,
  status: '',
  handedInAt: null,
  handInSeq: null,
  late: null,
  keptPercent: null,
  points: null,
  latePenalty: null,
  finalPoints: null,
  textGrade: null,
  returnedAt: null,
  criterionPoints: [],
};

/**
 * A text cell for CSV. Spreadsheets run a cell starting with `=`, `+`, `-`,
 * `@`, tab or carriage return as a formula, so a student named `=HYPERLINK(…)`
 * could plant one in the teacher's spreadsheet; such text is prefixed with `'`.
 */
export function csvText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A row's cells for CSV: dates in ISO 8601 (UTC), yes/no, empty for nothing. */
export function csvCells(row: SheetRow, columns: readonly SheetColumn[]): string[] {
  return columns.map(({ key, type }) => {
    const value = cellValue(row, key);
    if (value === null || value === undefined) return '';
    if (type === 'date') return (value as Date).toISOString();
    if (type === 'boolean') return value ? 'yes' : 'no';
    if (type === 'number') return String(value);
    return csvText(String(value));
  });
}

/**
 * The wall-clock time at `date` in `timeZone`, as a Date whose UTC fields
 * hold it. Spreadsheet dates have no time zone; this is what makes a cell
 * show the time the course's students and teachers read on their clocks.
 */
export function wallClock(date: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return new Date(Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'), date.getUTCMilliseconds()));
}

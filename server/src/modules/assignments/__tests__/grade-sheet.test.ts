import type { Grade } from '../grade.entity';
import type { HandIn } from '../hand-in.entity';
import { csvCells, csvText, groupSheetRows, sheetColumns, sheetRows, wallClock } from '../grade-sheet';
import type { StudentRow } from '../status.service';

const deadline = new Date('2026-12-01T12:00:00Z');

function row(name: string, over: Partial<StudentRow> = {}): StudentRow {
  return {
    userId: name,
    student: { id: name, name, email: `${name.toLowerCase()}@example.org`, passwordHash: null, createdAt: deadline, instanceAdmin: false },
    pseudonym: null,
    studentNumber: null,
    section: null,
    members: null,
    workspaceId: null,
    status: 'NOT_STARTED',
    ownStatus: 'NOT_STARTED',
    deadline,
    extension: null,
    handInCount: 0,
    latestHandIn: null,
    gradedHandIn: null,
    late: false,
    lateByMs: 0,
    keptPercent: 100,
    grade: null,
    finalPoints: null,
    lastActivityAt: null,
    ...over,
  };
}

describe('grade sheet', () => {
  it('names the points out of the maximum, and only for points grading', () => {
    expect(sheetColumns({ gradingScheme: 'POINTS', maxPoints: 20 }).map((c) => c.header)).toContain('Points (of 20)');
    expect(sheetColumns({ gradingScheme: 'TEXT', maxPoints: null }).map((c) => c.header)).toContain('Points');
  });

  it('shows the graded hand-in, its lateness and the points after the penalty, by name', () => {
    const first = { id: 'h1', seq: 1, handedInAt: new Date('2026-12-01T11:00:00Z') } as HandIn;
    const second = { id: 'h2', seq: 2, handedInAt: new Date('2026-12-02T11:00:00Z') } as HandIn;
    const grade = { pointsHundredths: 1750, textGrade: null, returnedAt: null, handInId: 'h1' } as Grade;
    const rows = sheetRows([
      row('Zoe'),
      row('Ada', { studentNumber: '=0042', section: 'B', status: 'GRADED', latestHandIn: second, gradedHandIn: first, late: true, keptPercent: 100, grade, finalPoints: 17.5 }),
      row('Bob', { status: 'LATE', latestHandIn: second, gradedHandIn: second, late: true, keptPercent: 90 }),
      row('Cleo', { status: 'RETURNED', latestHandIn: second, gradedHandIn: second, late: true, keptPercent: 90, grade: { ...grade, pointsHundredths: 1005 }, finalPoints: 9.05 }),
    ]);
    expect(rows.map((r) => r.name)).toEqual(['Ada', 'Bob', 'Cleo', 'Zoe']);
    expect(rows[0]).toMatchObject({ handInSeq: 1, late: false, points: 17.5, latePenalty: 0, finalPoints: 17.5 });
    expect(rows[1]).toMatchObject({ handInSeq: 2, late: true, keptPercent: 90, points: null, latePenalty: null, status: 'Late' });
    expect(rows[2]).toMatchObject({ points: 10.05, latePenalty: 1, finalPoints: 9.05, status: 'Returned' });
    expect(rows[3]).toMatchObject({ handedInAt: null, late: null, keptPercent: null, status: 'Not started' });
    const columns = sheetColumns({ gradingScheme: 'POINTS', maxPoints: 20 });
    expect(columns.map((c) => c.header)).toEqual([
      'Name', 'E-mail', 'Student number', 'Section', 'Status', 'Handed in at', 'Hand-in', 'Late', 'Kept %', 'Points (of 20)', 'Late penalty', 'Total (of 20)', 'Text grade', 'Returned at',
    ]);
    expect(csvCells(rows[0], columns)).toEqual(['Ada', 'ada@example.org', "'=0042", 'B', 'Graded', '2026-12-01T11:00:00.000Z', '1', 'no', '100', '17.5', '0', '17.5', '', '']);
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvText('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(csvText('+1')).toBe("'+1");
    expect(csvText('@sum')).toBe("'@sum");
    expect(csvText('Ada')).toBe('Ada');
  });

  it('gives wall-clock times in the course time zone, across daylight saving', () => {
    expect(wallClock(new Date('2026-07-01T10:00:00Z'), 'Europe/Zurich').toISOString()).toBe('2026-07-01T12:00:00.000Z');
    expect(wallClock(new Date('2026-12-01T10:00:00Z'), 'Europe/Zurich').toISOString()).toBe('2026-12-01T11:00:00.000Z');
    expect(wallClock(new Date('2026-12-01T10:00:00.250Z'), 'UTC').toISOString()).toBe('2026-12-01T10:00:00.250Z');
  });

  it("lists every member of a group with the group's grade plus their own adjustment, and hides members of a hidden group", () => {
    const grade = { pointsHundredths: 800, gradedAt: deadline, returnedAt: deadline } as Grade;
    const [red] = sheetRows([row('Red (Ada, Ben)', { grade, finalPoints: 8, status: 'RETURNED' })]);
    const [blue] = sheetRows([row('Student 3', { grade: { pointsHundredths: 500, gradedAt: deadline, returnedAt: null } as Grade, finalPoints: 5, status: 'GRADED' })]);
    const groups = new Map([
      ['red', { row: red, hidden: false }],
      ['blue', { row: blue, hidden: true }],
    ]);
    const member = (name: string, groupId: string | null, adjustment: { points: number; reason: string } | null = null) => ({
      name,
      email: `${name}@example.org`,
      studentNumber: `S-${name}`,
      section: null,
      groupId,
      groupName: groupId,
      adjustment,
    });
    const rows = groupSheetRows(groups, [member('Ben', 'red', { points: -2.5, reason: 'absent' }), member('Ada', 'red'), member('Cy', 'blue', { points: 1, reason: 'x' }), member('Dee', null)]);
    expect(rows.map((r) => [r.name, r.group, r.points, r.adjustment, r.finalPoints, r.status])).toEqual([
      ['Ada', 'red', 8, null, 8, 'Returned'],
      ['Ben', 'red', 8, -2.5, 5.5, 'Returned'],
      ['Dee', null, null, null, null, 'Not in a group'],
      ['Student 3', 'Student 3', 5, null, 5, 'Graded'],
    ]);
    expect(rows[3]).toMatchObject({ email: '', studentNumber: null, adjustmentReason: null });
    const headers = sheetColumns({ gradingScheme: 'POINTS', maxPoints: 10, groupWork: true }).map((c) => c.header);
    expect(headers.indexOf('Group')).toBeLessThan(headers.indexOf('Status'));
    expect(headers.indexOf('Adjustment')).toBe(headers.indexOf('Total (of 10)') - 2);
  });
});

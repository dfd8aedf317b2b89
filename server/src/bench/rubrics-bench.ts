/**
 * Rubrics at the size of a large course (1,000 graded students): what the
 * tracker's per-criterion points and regrade markers add to the status of
 * every student (measured against that status query, in the same run), and
 * what an edit of a level costs when it recomputes every grade given with
 * it (measured against one grader's save of one grade).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Dialect } from '../config';
import { Grade } from '../modules/assignments/grade.entity';
import { RubricScore } from '../modules/assignments/rubric-score.entity';
import { Membership } from '../modules/spaces/membership.entity';
import { EMPTY_TREE_ID } from '../core/storage/tree';
import { createBenchUser, createCourseSpace, databaseVersion, insertStudents, withBenchApp } from './fixture';
import { round, summarize, type Summary } from './stats';

const STUDENTS = 1_000;
const RUNS = 20;
const BATCH = 200;

async function series(runs: number, once: (i: number) => Promise<unknown>): Promise<Summary> {
  await once(-1);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await once(i);
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

export async function runRubrics(dialect: Dialect): Promise<void> {
  await withBenchApp('rubrics', dialect, async (app) => {
  const { services } = app;
  console.log(`\n=== rubrics, ${dialect}: ${await databaseVersion(app.db)} ===`);
  const admin = await createBenchUser(services, `rubrics-${dialect}`);
  const { spaceId, masterId } = await createCourseSpace(services, admin.actor, 'Bench rubrics course');
  const students = await insertStudents(services, STUDENTS, null);
  const now = new Date();
  const memberships = students.map((s) => Object.assign(new Membership(), { id: randomUUID(), spaceId, userId: s.id, role: 'MEMBER', joinedAt: now, createdAt: now }));
  for (let i = 0; i < memberships.length; i += BATCH) await app.db.manager.insert(Membership, memberships.slice(i, i + BATCH));
  const assignment = await services.assignments.create(admin.actor, {
    spaceId,
    title: 'Essay',
    source: { workspaceId: masterId },
    paths: [],
    handInPaths: ['files/essay.md'],
    deadline: new Date(Date.now() + 3_600_000),
    maxPoints: 10,
  });
  const draft = {
    criteria: [
      { title: 'Argument', maxPoints: 6, levels: [{ title: 'Weak', points: 0 }, { title: 'Sound', points: 3 }, { title: 'Convincing', points: 6 }] },
      { title: 'Writing', maxPoints: 4, levels: [{ title: 'Unclear', points: 0 }, { title: 'Fair', points: 2 }, { title: 'Clear', points: 4 }] },
    ],
  };
  const { rubric } = await services.rubrics.save(admin.actor, assignment.id, draft, 0, false);
  const criteria = rubric!.criteria;
  // Every student graded by levels, spread over the levels, written directly (the grading path is measured below).
  const grades: Grade[] = [];
  const scores: RubricScore[] = [];
  students.forEach((s, i) => {
    const picks = criteria.map((c, k) => ({ criterionId: c.id, levelId: c.levels[(i + k) % c.levels.length].id, comment: '' }));
    const total = picks.reduce((sum, p, k) => sum + criteria[k].levels.find((l) => l.id === p.levelId)!.pointsHundredths, 0);
    grades.push(
      Object.assign(new Grade(), {
        id: randomUUID(),
        assignmentId: assignment.id,
        studentId: s.id,
        handInId: null,
        pointsHundredths: total,
        textGrade: null,
        comment: '',
        feedbackTreeId: EMPTY_TREE_ID,
        gradedById: admin.actor.user.id,
        gradedAt: now,
        returnedAt: null,
        updatedAt: now,
        version: 1,
        feedbackVersion: 0,
        feedbackChangedById: null,
        feedbackChangedAt: null,
      }),
    );
    scores.push(Object.assign(new RubricScore(), { id: randomUUID(), assignmentId: assignment.id, studentId: s.id, picks }));
  });
  for (let i = 0; i < grades.length; i += BATCH) await app.db.manager.insert(Grade, grades.slice(i, i + BATCH));
  for (let i = 0; i < scores.length; i += BATCH) await app.db.manager.insert(RubricScore, scores.slice(i, i + BATCH));

  const status = await series(RUNS, () => services.status.rows(assignment));
  const extras = await series(RUNS, () =>
    Promise.all([services.rubricScores.rubricOf(assignment.id), services.rubricScores.picksOf(assignment.id), services.regrades.openCounts(assignment.id)]),
  );
  const oneGrade = await series(RUNS, (i) =>
    services.grades.setGrade(admin.actor, assignment.id, students[0].id, { criteria: [{ criterionId: criteria[1].id, levelId: criteria[1].levels[(i + 3) % 3].id }] }),
  );
  // Each edit moves "Convincing" between 6 and 5 points: a third of the course changes total every time.
  let version = rubric!.version;
  let edits = 0;
  const edit = await series(RUNS, async () => {
    const lower = edits++ % 2 === 0;
    const input = {
      criteria: criteria.map((c, k) => ({
        id: c.id,
        title: c.title,
        maxPoints: c.maxPointsHundredths / 100,
        levels: c.levels.map((l, j) => ({ id: l.id, title: l.title, points: k === 0 && j === 2 && lower ? 5 : l.pointsHundredths / 100 })),
      })),
    };
    const saved = await services.rubrics.save(admin.actor, assignment.id, input, version, true);
    version = saved.rubric!.version;
    if (saved.impact.changes.length < STUDENTS / 3 - 1) throw new Error(`the edit recomputed ${saved.impact.changes.length} grades, expected about ${STUDENTS / 3}`);
  });
  const perGrade = edit.medianMs / (STUDENTS / 3);
  console.log(`[${dialect}] ${STUDENTS} students graded by a rubric of 2 criteria, ${RUNS} runs each (median, p95 in ms):`);
  console.log(`  status of every student (baseline)          ${status.medianMs}  ${status.p95Ms}`);
  console.log(`  + per-criterion points and regrade counts   ${extras.medianMs}  ${extras.p95Ms}   (${round((extras.medianMs / status.medianMs) * 100, 1)} % of the status)`);
  console.log(`  one grade saved by levels (baseline)        ${oneGrade.medianMs}  ${oneGrade.p95Ms}`);
  console.log(`  rubric edit recomputing ${Math.round(STUDENTS / 3)} grades        ${edit.medianMs}  ${edit.p95Ms}   (${round(perGrade, 3)} ms a grade, ${round(edit.medianMs / oneGrade.medianMs, 1)}× one save)`);
  });
}

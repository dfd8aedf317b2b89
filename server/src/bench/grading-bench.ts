/**
 * Grading in a real browser (issue 12's measured goals): a course of 1,000
 * students who each handed in, one of whom handed in a 5 MB notebook and a
 * 10,000-line file with a few hundred changed lines. The API runs in this
 * process, seeded through the services; web/bench/grading-browser.ts starts
 * the built dashboard against it and drives Chromium (/usr/bin/chromium):
 *
 * - the notebook opened from the hand-in's files: from the last byte of its
 *   response to its last cell on screen (the frame after it is in the page);
 *   baseline: a notebook of the same kind of cells, a sixteenth of the size;
 * - the changes view of the long file: the click to its last diff line on
 *   screen, then Page Down to the end and Page Up back at once (highlighting
 *   may still be running): the longest main-thread task after the first
 *   render and each key press to the next frame;
 * - Alt+N on the grading page: the key press to the next student's name and
 *   hand-in and its files on screen, and to its changes against the material
 *   listed, at 1,000 students and, as the baseline, at 10.
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { In } from 'typeorm';
import type { Dialect } from '../config';
import type { Services } from '../services';
import { configureLogger } from '../core/logger';
import { enrolClass } from '../seed/class-roster';
import { SESSION_COOKIE } from '../modules/users/session-cookie';
import { User } from '../modules/users/user.entity';
import { Workspace } from '../modules/workspaces/workspace.entity';
import { actorOf, createBenchUser, createCourseSpace, databaseVersion, upload, withBenchApp, type BenchUser } from './fixture';
import { longPython, notebook } from './grading-content';
import type { GradingBenchResult, GradingBenchSetup } from './grading-types';
import { mb, printGoals, printTable, serverRoot, type Goal } from './report';
import { forEachLimit, round, summarize } from './stats';

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 1_000);
const BASELINE_STUDENTS = 10;
const RUNS = Number(process.env.BENCH_GRADING_RUNS ?? 5);
const MOVES = 20;
const NOTEBOOK_BYTES = 5 * 1000 * 1000;
const LONG_FILE_LINES = 10_000;
/** One changed line in every third function of ten lines: 334 changes, one every 30 lines. */
const CHANGE_EVERY = 3;
const FOLDER = 'files/lab';

const GOALS = { notebookMs: 1000, longTaskMs: 200, inputMs: 100, moveMs: 300 };

const WEB_DIR = path.resolve(serverRoot, '..', 'web');
const DRIVER = path.join(WEB_DIR, '.bench-build', 'web', 'bench', 'grading-browser.js');

/** Compiles the browser half; run once before the dialects' children. */
export async function prepareGrading(): Promise<{ env: NodeJS.ProcessEnv; cleanup(): Promise<void> }> {
  if (!existsSync(path.join(WEB_DIR, '.next', 'BUILD_ID'))) throw new Error('the dashboard is not built: run `npm run build -w web` first');
  const tsc = spawnSync('npx', ['tsc', '-p', 'tsconfig.bench.json'], { cwd: WEB_DIR, stdio: 'inherit' });
  if (tsc.status !== 0) throw new Error('compiling web/bench failed');
  return { env: {}, cleanup: async () => undefined };
}

interface Course {
  assignmentId: string;
  /** The enrolled students in the tracker's order (by name). */
  students: { id: string; name: string }[];
}

/**
 * A course of `count` students enrolled by roster, an assignment on
 * files/lab released to them, and a hand-in from every student with their
 * own answers; `extra` adds files to the first student's hand-in.
 */
async function seedCourse(services: Services, admin: BenchUser, name: string, count: number, extra: Record<string, Buffer> = {}): Promise<Course> {
  const { spaceId, masterId } = await createCourseSpace(services, admin.actor, name);
  const enrolled = await enrolClass(services, admin.actor, spaceId, count);
  // The accounts as stored, in the tracker's order (by name): the first one hands in `extra`.
  const users = await services.db.manager.find(User, { where: { id: In(enrolled.map((u) => u.id)) }, order: { name: 'ASC' } });
  await upload(services, admin.actor, masterId, `${FOLDER}/answers.md`, Buffer.from('# Answers\n\n1.\n2.\n3.\n'));
  await upload(services, admin.actor, masterId, `${FOLDER}/long.py`, Buffer.from(longPython(LONG_FILE_LINES).text));
  const assignment = await services.assignments.create(admin.actor, { spaceId, title: 'Lab 4', source: { workspaceId: masterId }, paths: [FOLDER], deadline: new Date(Date.now() + 3_600_000) });
  await services.worker.drain();
  if (!(await services.assignments.get(admin.actor, assignment.id)).releasedAt) throw new Error('the worker did not release the assignment');
  const workspaces = await services.db.manager.find(Workspace, { where: { spaceId, kind: 'PERSONAL' } });
  const workspaceOf = new Map(workspaces.map((w) => [w.ownerId, w.id]));
  await forEachLimit(users, services.db.dialect === 'mysql' ? 8 : 2, async (user, i) => {
    const actor = actorOf(user);
    const workspaceId = workspaceOf.get(user.id);
    if (!workspaceId) throw new Error(`${user.name} has no personal workspace`);
    const files = { 'answers.md': Buffer.from(`# Answers of ${user.name}\n\n1. 42\n2. rain\n3. Seattle\n`), ...(i === 0 ? extra : {}) };
    for (const [file, content] of Object.entries(files)) await upload(services, actor, workspaceId, `${FOLDER}/${file}`, content);
    await services.handIns.handIn(actor, assignment.id, { message: 'final answers' });
  });
  return { assignmentId: assignment.id, students: users.map((u) => ({ id: u.id, name: u.name })) };
}

const gradingUrl = (course: Course, student: { id: string }) => `/assignments/${encodeURIComponent(course.assignmentId)}/students/${encodeURIComponent(student.id)}`;

async function runDriver(setup: GradingBenchSetup): Promise<GradingBenchResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'stagecoach-bench-grading-out-'));
  try {
    const out = path.join(dir, 'result.json');
    const child = spawn(process.execPath, [DRIVER], { cwd: WEB_DIR, env: { ...process.env, GRADING_BENCH_SETUP: JSON.stringify(setup), GRADING_BENCH_OUT: out }, stdio: 'inherit' });
    const [code] = (await once(child, 'exit')) as [number | null];
    if (code !== 0) throw new Error(`the browser half of the grading benchmark failed (exit code ${code}); its dashboard log is web/test-output/logs/web.log`);
    return JSON.parse(await readFile(out, 'utf8')) as GradingBenchResult;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const ms = (value: number) => round(value, 0);
const ratio = (a: number, b: number) => `${round(a / b, 1)}×`;

function report(dialect: string, setup: GradingBenchSetup, result: GradingBenchResult): void {
  const goals: Goal[] = [];

  const notebooks = result.notebooks.map((n) => ({ ...n, painted: summarize(n.runs.map((r) => r.paintedMs)) }));
  printTable(
    `[${dialect}] notebook opened from the hand-in's files: from the response's last byte to the last cell on screen (${RUNS} runs, each in a fresh browser context)`,
    ['notebook', 'MB', 'cells', 'images', 'in page: median ms', 'on screen: median ms', 'on screen: p95 ms', 'all code coloured: median ms', 'longest task ms'],
    notebooks.map((n) => [
      n.fileName,
      mb(n.runs[0].bytes),
      n.cells,
      n.runs[0].images,
      ms(summarize(n.runs.map((r) => r.shownMs)).medianMs),
      ms(n.painted.medianMs),
      ms(n.painted.p95Ms),
      ms(summarize(n.runs.map((r) => r.highlightedMs)).medianMs),
      ms(Math.max(...n.runs.map((r) => r.longestTaskMs))),
    ]),
  );
  const [big, small] = notebooks;
  console.log(`the ${mb(big.runs[0].bytes)} MB notebook against the ${mb(small.runs[0].bytes)} MB baseline of the same cells: ${ratio(big.painted.medianMs, small.painted.medianMs)} the time (median)`);
  goals.push({ name: '5 MB notebook on screen after its bytes arrive', goal: `p95 < ${GOALS.notebookMs} ms`, value: `median ${ms(big.painted.medianMs)} ms, p95 ${ms(big.painted.p95Ms)} ms`, met: big.painted.p95Ms < GOALS.notebookMs });

  const first = summarize(result.diff.map((d) => d.firstRenderMs));
  const inputs = summarize(result.diff.flatMap((d) => d.inputMs));
  const longestTask = Math.max(...result.diff.map((d) => d.longestTaskMs));
  printTable(
    `[${dialect}] changes view of a ${LONG_FILE_LINES.toLocaleString('en')}-line file (${setup.diff.path}), ${RUNS} runs: open, then Page Down to the end and Page Up back at once`,
    ['diff lines', 'first render: median ms', 'p95 ms', 'coloured: median ms', 'longest task after render ms', 'key presses', 'key to frame: median ms', 'p95 ms', 'max ms'],
    [[result.diff[0].rows, ms(first.medianMs), ms(first.p95Ms), ms(summarize(result.diff.map((d) => d.highlightedMs)).medianMs), ms(longestTask), inputs.n, ms(inputs.medianMs), ms(inputs.p95Ms), ms(inputs.maxMs)]],
  );
  console.log(`responsive means: no main-thread task over ${GOALS.longTaskMs} ms after the first render, and key presses (Page Down/Up) reach the next frame within ${GOALS.inputMs} ms (p95).`);
  goals.push({ name: '10,000-line changes: no long task after first render', goal: `< ${GOALS.longTaskMs} ms`, value: `${ms(longestTask)} ms`, met: longestTask < GOALS.longTaskMs });
  goals.push({ name: '10,000-line changes: key press to frame', goal: `p95 < ${GOALS.inputMs} ms`, value: `p95 ${ms(inputs.p95Ms)} ms, max ${ms(inputs.maxMs)} ms`, met: inputs.p95Ms < GOALS.inputMs });

  const walks = result.walks.map((w) => ({ students: w.students, moves: summarize(w.movesMs), changes: summarize(w.changesMs) }));
  printTable(
    `[${dialect}] Alt+N on the grading page: the key press to the next student's name, hand-in and files on screen, and to its changes listed`,
    ['students in the course', 'moves', 'hand-in: median ms', 'p95 ms', 'max ms', 'changes: median ms', 'p95 ms', 'max ms'],
    walks.map((w) => [w.students, w.moves.n, ms(w.moves.medianMs), ms(w.moves.p95Ms), ms(w.moves.maxMs), ms(w.changes.medianMs), ms(w.changes.p95Ms), ms(w.changes.maxMs)]),
  );
  const [course, baseline] = walks;
  console.log(
    `${course.students} students against ${baseline.students}: ${ratio(course.moves.medianMs, baseline.moves.medianMs)} the time to the hand-in, ${ratio(course.changes.medianMs, baseline.changes.medianMs)} to its changes (medians)`,
  );
  goals.push({ name: `next student in a course of ${course.students.toLocaleString('en')}: hand-in`, goal: `p95 < ${GOALS.moveMs} ms`, value: `median ${ms(course.moves.medianMs)} ms, p95 ${ms(course.moves.p95Ms)} ms`, met: course.moves.p95Ms < GOALS.moveMs });
  goals.push({ name: `next student in a course of ${course.students.toLocaleString('en')}: changes`, goal: `p95 < ${GOALS.moveMs} ms`, value: `median ${ms(course.changes.medianMs)} ms, p95 ${ms(course.changes.p95Ms)} ms`, met: course.changes.p95Ms < GOALS.moveMs });
  printGoals(dialect, goals);
}

export async function runGrading(dialect: Dialect): Promise<void> {
  // The dashboard's requests would otherwise log a line each between the tables.
  configureLogger('warn');
  await withBenchApp('grading', dialect, async (app) => {
    const { services } = app;
    console.log(`\n=== grading in a browser, ${dialect}: ${await databaseVersion(app.db)}, ${STUDENTS} students, Chromium at /usr/bin/chromium ===`);
    const admin = await createBenchUser(services, `grading-${dialect}`);
    const seedStart = performance.now();
    const big = notebook({ bytes: NOTEBOOK_BYTES });
    const small = notebook({ parts: 4 });
    const changedFile = longPython(LONG_FILE_LINES, CHANGE_EVERY);
    const course = await seedCourse(services, admin, 'Bench grading course', STUDENTS, {
      'long.py': Buffer.from(changedFile.text),
      'analysis.ipynb': big.content,
      'sketch.ipynb': small.content,
    });
    const seminar = await seedCourse(services, admin, 'Bench grading seminar', BASELINE_STUDENTS);
    console.log(
      `seeded ${STUDENTS} + ${BASELINE_STUDENTS} hand-ins in ${round((performance.now() - seedStart) / 1000, 1)} s; ` +
        `${course.students[0].name} handed in a ${mb(big.content.length)} MB notebook of ${big.cells} cells and ${LONG_FILE_LINES.toLocaleString('en')} lines of Python with ${changedFile.changed} changed`,
    );
    const walkFrom = (c: Course, from: number, count: number) => ({ url: gradingUrl(c, c.students[from]), names: c.students.slice(from, from + count).map((s) => s.name) });
    const setup: GradingBenchSetup = {
      apiUrl: app.url,
      session: { name: SESSION_COOKIE, value: admin.token },
      handIn: { url: gradingUrl(course, course.students[0]), studentName: course.students[0].name },
      notebooks: [
        { folders: ['files', 'lab'], fileName: 'analysis.ipynb', cells: big.cells },
        { folders: ['files', 'lab'], fileName: 'sketch.ipynb', cells: small.cells },
      ],
      diff: { path: `${FOLDER}/long.py`, maxPresses: 200 },
      walks: [
        // From the second student: the first one's hand-in is the large one.
        { students: STUDENTS, ...walkFrom(course, 1, MOVES + 1), passes: 1 },
        { students: BASELINE_STUDENTS, ...walkFrom(seminar, 0, BASELINE_STUDENTS), passes: Math.ceil(MOVES / (BASELINE_STUDENTS - 1)) },
      ],
      runs: RUNS,
    };
    report(dialect, setup, await runDriver(setup));
  });
}

/**
 * The dashboard at class size: a course of 1,000 students (enrolled by one
 * roster import), an assignment released to all of them, a push to all of
 * them. For each page, the queries it sends now are measured (response bytes,
 * median time over RUNS, over HTTP against the running app) next to what the
 * page sent before (the full `Space` query with every workspace and owner,
 * the tracker's charts reading every student's row 100 at a time, the first
 * event of a finished push carrying every target), in the same run.
 */
import { performance } from 'node:perf_hooks';
import type { Dialect } from '../config';
import type { RunningApp } from '../app';
import { classStudentNumber, enrolClass } from '../seed/class-roster';
import { createBenchUser, createCourseSpace, databaseVersion, withBenchApp } from './fixture';
import { median, round } from './stats';

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 1_000);
const RUNS = 7;

const FULL_SPACE = `query($id: ID!) { space(id: $id) { id name kind description myRole tasGrantExtensions canGrantExtensions
  workspaces { id name kind canWrite ownerId owner { id name email } } } }`;
const LIGHT_SPACE = `query($id: ID!) { space(id: $id) { id name kind description myRole tasGrantExtensions canGrantExtensions } }`;
const WORKSPACE_PAGE = `query($id: ID!, $search: String) { space(id: $id) { workspaceList(first: 50, kind: PERSONAL, search: $search) {
  totalCount nodes { id name kind canWrite ownerId owner { id name email } } pageInfo { hasNextPage endCursor } } } }`;
const STATUS_PAGE = `query($a: ID!, $after: String) { handInStatuses(assignmentId: $a, first: 100, after: $after, sort: HANDED_IN_AT) {
  totalCount nodes { status deadline late finalPoints handInCount student { id name email } latestHandIn { id handedInAt collected } grade { points } }
  pageInfo { hasNextPage endCursor } } }`;
const SUMMARY = `query($a: ID!) { handInSummary(assignmentId: $a) { students late collected graded counts { status count }
  handInsOverTime { at count } points { from to count } } }`;
const TARGET_PAGE = `query($id: ID!) { distribution(id: $id) { targets(first: 25) { totalCount nodes { id status workspaceId workspace { id name owner { name } } } } } }`;
const ALL_TARGETS_EVENT = `query($id: ID!, $after: String) { distribution(id: $id) { targets(first: 100, after: $after) {
  nodes { id status workspaceId workspace { id name owner { name } } } pageInfo { hasNextPage endCursor } } } }`;
const MEMBER_SEARCH = `query($id: ID!, $search: String) { space(id: $id) { members(first: 8, role: MEMBER, search: $search) { totalCount nodes { user { id name email } studentNumber } } } }`;

/** What reading a connection to its end looks at. */
interface Paged {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

interface Measured {
  page: string;
  requests: number;
  kb: number;
  ms: number;
}

async function post(app: RunningApp, token: string, query: string, variables: Record<string, unknown>): Promise<{ bytes: number; data: Record<string, unknown> }> {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  if (!response.ok || text.includes('"errors"')) throw new Error(`query failed: ${text.slice(0, 300)}`);
  return { bytes: Buffer.byteLength(text), data: JSON.parse(text).data };
}

/** Runs `load` (one page's requests) RUNS times after a warm-up: requests and bytes of one load, median time. */
async function measure(page: string, load: () => Promise<{ requests: number; bytes: number }>): Promise<Measured> {
  const first = await load();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await load();
    times.push(performance.now() - start);
  }
  return { page, requests: first.requests, kb: round(first.bytes / 1024, 1), ms: round(median(times), 1) };
}

/** A connection read to its end, 100 at a time, as the old pages did: requests and bytes. */
async function readAll(app: RunningApp, token: string, query: string, variables: Record<string, unknown>, pick: (data: Record<string, unknown>) => Paged) {
  let requests = 0;
  let bytes = 0;
  let after: string | null = null;
  for (;;) {
    const result = await post(app, token, query, { ...variables, after });
    requests++;
    bytes += result.bytes;
    const info = pick(result.data).pageInfo;
    if (!info.hasNextPage) return { requests, bytes };
    after = info.endCursor;
  }
}

export async function runClassSize(dialect: Dialect): Promise<void> {
  await withBenchApp('classsize', dialect, async (app) => {
    const { services } = app;
    console.log(`\n=== class size, ${dialect}: ${await databaseVersion(app.db)}, ${STUDENTS} students ===`);
    const admin = await createBenchUser(services, `classsize-${dialect}`);
    const { spaceId, masterId } = await createCourseSpace(services, admin.actor, 'Bench class-size course');
    const enrolStart = performance.now();
    await enrolClass(services, admin.actor, spaceId, STUDENTS);
    console.log(`enrolled ${STUDENTS} students by one roster import in ${round(performance.now() - enrolStart, 0)} ms`);
    const assignment = await services.assignments.create(admin.actor, { spaceId, title: 'Homework', source: { workspaceId: masterId }, paths: [], handInPaths: ['files/hw.md'], deadline: new Date(Date.now() + 3_600_000), maxPoints: 10 });
    const push = await services.distributions.push(admin.actor, { source: { workspaceId: masterId }, paths: ['files'], targets: { spaceId, roles: ['MEMBER'] } });
    const pushStart = performance.now();
    await services.worker.drain();
    console.log(`pushed to ${STUDENTS} students in ${round(performance.now() - pushStart, 0)} ms`);
    const token = admin.token;
    const one = (query: string, variables: Record<string, unknown>) => async () => ({ requests: 1, bytes: (await post(app, token, query, variables)).bytes });

    const rows: [string, Measured, Measured][] = [
      ['space tabs (role only)', await measure('before', one(FULL_SPACE, { id: spaceId })), await measure('after', one(LIGHT_SPACE, { id: spaceId }))],
      [
        'workspaces tab',
        await measure('before', one(FULL_SPACE, { id: spaceId })),
        await measure('after', async () => {
          const [space, page] = await Promise.all([post(app, token, LIGHT_SPACE, { id: spaceId }), post(app, token, WORKSPACE_PAGE, { id: spaceId })]);
          return { requests: 2, bytes: space.bytes + page.bytes };
        }),
      ],
      ['find a student by number', await measure('before', one(FULL_SPACE, { id: spaceId })), await measure('after', one(WORKSPACE_PAGE, { id: spaceId, search: classStudentNumber(STUDENTS - 1) }))],
      [
        'tracker charts',
        await measure('before', () => readAll(app, token, STATUS_PAGE, { a: assignment.id }, (d) => d.handInStatuses as Paged)),
        await measure('after', one(SUMMARY, { a: assignment.id })),
      ],
      [
        'finished push: opening',
        await measure('before', () => readAll(app, token, ALL_TARGETS_EVENT, { id: push.id }, (d) => (d.distribution as { targets: Paged }).targets)),
        await measure('after', one(TARGET_PAGE, { id: push.id })),
      ],
      [
        'audit: student filter',
        await measure('before', one(FULL_SPACE, { id: spaceId })),
        await measure('after', one(MEMBER_SEARCH, { id: spaceId, search: classStudentNumber(42) })),
      ],
    ];
    console.table(
      rows.map(([page, before, after]) => ({
        page,
        'before: requests': before.requests,
        'before: KB': before.kb,
        'before: ms': before.ms,
        'after: requests': after.requests,
        'after: KB': after.kb,
        'after: ms': after.ms,
      })),
    );
    console.log('before: the full Space query (every workspace with its owner), every status row 100 at a time, every target 100 at a time (what the first progress event carried).');
  });
}

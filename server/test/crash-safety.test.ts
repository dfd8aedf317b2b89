import { createCrowd, folderProblems, getFile, historyProblems, inParallel, putFile, targetsOf, unsuccessful, viewWorkspace, type Crowd, type TargetRow } from './support/crowd';
import { watchProgress } from './support/progress-watch';
import { killServerProcesses, requireBuiltServer, startServerProcess, throwawayStorage, type ServerProcess, type Storage } from './support/server-process';
import { describeDb, dialect } from './support/test-server';

const STUDENTS = 200;
const PUSHED = Array.from({ length: 19 }, (_, i) => `f${String(i + 1).padStart(2, '0')}.txt`).concat('notes.txt');
/** Short enough that leases held by the killed process expire while the test waits for the restart. */
const LEASE = { WORKER_LEASE_MS: '2000' };
const teacherCopy = (name: string) => `${name} from the teacher\n`;

const PUSH = `mutation($input: PushInputType!) { pushDistribution(input: $input) { id targetCount status } }`;
const COUNTS = `query($id: ID!) { distribution(id: $id) { status counts { total done pending running succeeded conflict failed } } }`;

describeDb('crash safety: the server is killed in the middle of a push', () => {
  let storage: Storage;
  beforeAll(async () => {
    requireBuiltServer();
    storage = await throwawayStorage(dialect);
  });
  afterAll(async () => {
    await killServerProcesses();
    await storage?.remove();
  });

  it('resumes after a restart and leaves every target applied exactly once', async () => {
    let server: ServerProcess = await startServerProcess({ storage, env: LEASE });
    // Each student has their own notes.txt, so KEEP_BOTH must put the pushed one beside it, once.
    const crowd: Crowd = await createCrowd(server, STUDENTS, {
      width: 8,
      afterJoin: async (student, workspaceId) => void (await putFile(server, student.token, workspaceId, 'files/week1/notes.txt', `notes of ${student.name}\n`)),
    });
    const admin = crowd.admin.token;
    await inParallel(PUSHED, 4, (name) => putFile(server, admin, crowd.master, `files/week1/${name}`, teacherCopy(name)));

    const { pushDistribution } = await server.ok(
      PUSH,
      { input: { source: { workspaceId: crowd.master }, paths: ['files/week1'], targets: { spaceId: crowd.spaceId }, policies: { default: 'KEEP_BOTH' } } },
      admin,
    );
    const id: string = pushDistribution.id;
    expect(pushDistribution.targetCount).toBe(STUDENTS);

    // Kill as soon as the first targets are reported done, without giving the process any warning.
    const deadline = Date.now() + 60_000;
    let seenDone = 0;
    let answers = 0;
    while (seenDone === 0) {
      if (Date.now() > deadline) throw new Error(`no target finished within 60 s:\n${server.output()}`);
      const { distribution } = await server.ok(COUNTS, { id }, admin);
      seenDone = distribution.counts.done;
      answers++;
    }
    await server.kill();
    if (seenDone === STUDENTS) {
      throw new Error(`the push could not be caught mid-way: the API's ${answers} answers went from 0 to all ${STUDENTS} targets done, nothing in between`);
    }

    // What a user sees after the crash, from a process that executes nothing.
    const inspector = await startServerProcess({ storage, role: 'api' });
    const { distribution: atKill } = await inspector.ok(COUNTS, { id }, admin);
    const targetsAtKill = new Map((await targetsOf(inspector, admin, id)).map((t) => [t.workspaceId, t]));
    await inspector.stop();
    expect(atKill.status).toBe('RUNNING');
    expect(atKill.counts.done).toBeGreaterThan(0);
    expect(atKill.counts.done).toBeLessThan(STUDENTS);
    expect(atKill.counts.done).toBeGreaterThanOrEqual(seenDone);
    expect(atKill.counts.done).toBe(atKill.counts.succeeded);

    server = await startServerProcess({ storage, env: LEASE });
    const watch = watchProgress(server.url, admin, id);
    const final = await watch.until((e) => e.final, 90_000).finally(() => watch.close());
    const targets = new Map((await targetsOf(server, admin, id)).map((t) => [t.workspaceId, t]));
    expect(unsuccessful(targets.values())).toEqual([]);
    expect(targets.size).toBe(STUDENTS);
    expect(final.distribution.status).toBe('SUCCEEDED');
    expect(final.counts).toMatchObject({ total: STUDENTS, done: STUDENTS, succeeded: STUDENTS, conflict: 0, failed: 0 });
    const problems: string[] = [];
    await inParallel(crowd.students, 8, async (student) => {
      const workspaceId = crowd.personal.get(student.id)!;
      const report = (problem: string) => problems.push(`${student.name}: ${problem}`);
      const target = targets.get(workspaceId) as TargetRow;
      const before = targetsAtKill.get(workspaceId) as TargetRow;
      // A target done before the crash is never taken up again; one held by the dead process is taken over once.
      if (before.status === 'SUCCEEDED' && (target.commitId !== before.commitId || target.attempts !== 1)) {
        report(`done before the crash, yet now commit ${target.commitId} after ${target.attempts} attempts (was ${before.commitId})`);
      }
      const expectedAttempts = before.status === 'RUNNING' ? 2 : 1;
      if (target.attempts !== expectedAttempts) report(`${target.attempts} attempts, expected ${expectedAttempts} (it was ${before.status} at the crash)`);

      const view = await viewWorkspace(server, student.token, workspaceId, ['files/week1']);
      const expected: Record<string, string> = Object.fromEntries(PUSHED.map((name) => [name, teacherCopy(name)]));
      expected['notes.txt'] = `notes of ${student.name}\n`;
      expected['notes (incoming).txt'] = teacherCopy('notes.txt');
      folderProblems('files/week1', view.folders.get('files/week1'), expected).forEach(report);
      if ((await getFile(server, student.token, workspaceId, 'files/week1/notes (incoming).txt')) !== teacherCopy('notes.txt')) {
        report("downloading the teacher's notes does not give them back");
      }

      historyProblems(view).forEach(report);
      // created, the student's upload, the push
      if (view.version !== 3) report(`head version ${view.version}, expected 3`);
      const fromPush = view.commits.filter((c) => c.distributionId === id);
      if (fromPush.length !== 1) report(`${fromPush.length} commits from the push`);
      else if (fromPush[0].id !== target.commitId) report(`the push's commit ${fromPush[0].id} is not the target's ${target.commitId}`);
      const preceding = view.commits.find((c) => c.version === view.version - 1);
      if (view.automaticSnapshots.length !== 1 || view.automaticSnapshots[0].commitId !== preceding?.id) {
        report(`automatic snapshots ${JSON.stringify(view.automaticSnapshots)}, expected one, of the commit before the push`);
      }
      const received = view.notifications.filter((n) => n.distributionId === id);
      if (received.length !== 1 || received[0].kind !== 'DISTRIBUTION_RECEIVED') report(`notifications about the push: ${JSON.stringify(received)}`);
    });
    expect(problems).toEqual([]);
    await server.stop();
  }, 300_000);
});

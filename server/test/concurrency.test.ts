import { startApp, type RunningApp } from '../src/app';
import { createCrowd, folderProblems, historyProblems, inParallel, putFile, targetsOf, unsuccessful, viewWorkspace, type Crowd } from './support/crowd';
import { rawId } from './support/ids';
import { followDistribution } from './support/progress';
import { describeDb, dialect, startTestServer, type TestServer } from './support/test-server';

const STUDENTS = 20;
const UPLOADS = 5;
const PUSHED = ['1.txt', '2.txt', '3.txt', '4.txt'];
const teacherCopy = (folder: string, name: string) => `${folder}/${name} from the teacher\n`;
const PUSH = `mutation($input: PushInputType!) { pushDistribution(input: $input) { id targetCount } }`;

describeDb('concurrency: two pushes and the recipients write to the same workspaces at once', () => {
  let server: TestServer;
  /** On MySQL a second worker on the same database, so the two pushes also race each other. */
  let secondWorker: RunningApp | null = null;
  let crowd: Crowd;
  beforeAll(async () => {
    server = await startTestServer();
    if (dialect === 'mysql') secondWorker = await startApp({ ...server.config, role: 'worker', port: 0 });
    crowd = await createCrowd(server, STUDENTS, { width: 4 });
    for (const folder of ['a', 'b']) {
      for (const name of PUSHED) await putFile(server, crowd.admin.token, crowd.master, `files/${folder}/${name}`, teacherCopy(folder, name));
    }
  }, 120_000);
  afterAll(async () => {
    await secondWorker?.stop();
    await server?.stop();
  });

  it('loses no update: every target ends with both pushed folders and all of its own uploads', async () => {
    const admin = crowd.admin.token;
    const workspaceIds = crowd.students.map((s) => crowd.personal.get(s.id)!);
    const push = (folder: string) =>
      server.ok(
        PUSH,
        { input: { source: { workspaceId: crowd.master }, paths: [`files/${folder}`], targets: { workspaceIds }, policies: { default: 'KEEP_BOTH' } } },
        admin,
      );
    const uploads = crowd.students.flatMap((student) =>
      Array.from({ length: UPLOADS }, (_, n) => ({ student, path: `files/mine/${n + 1}.txt`, content: `${student.name}, upload ${n + 1}\n` })),
    );
    // Each recipient writes its files one after another, all recipients at once; both pushes are
    // created together once every recipient has a first upload acknowledged, so the rest race them.
    let firstAcknowledged = 0;
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const writing = Promise.all(
      crowd.students.map(async (student) => {
        const results: { path: string; version: number }[] = [];
        for (const u of uploads.filter((x) => x.student.id === student.id)) {
          const { version } = await putFile(server, student.token, crowd.personal.get(student.id)!, u.path, u.content);
          results.push({ path: u.path, version });
          if (results.length === 1 && ++firstAcknowledged === STUDENTS) openGate();
        }
        return results;
      }),
    );
    const [[a, b], writtenByStudent] = await Promise.all([gate.then(() => Promise.all([push('a'), push('b')])), writing]);
    const ids = { a: a.pushDistribution.id as string, b: b.pushDistribution.id as string };
    const [finalA, finalB] = await Promise.all([
      followDistribution(server, admin, ids.a, 90_000).then((events) => events.at(-1)!),
      followDistribution(server, admin, ids.b, 90_000).then((events) => events.at(-1)!),
    ]);
    const targets = {
      a: new Map((await targetsOf(server, admin, ids.a)).map((t) => [t.workspaceId, t])),
      b: new Map((await targetsOf(server, admin, ids.b)).map((t) => [t.workspaceId, t])),
    };
    expect([...unsuccessful(targets.a.values()), ...unsuccessful(targets.b.values())]).toEqual([]);
    expect(finalA.distribution.status).toBe('SUCCEEDED');
    expect(finalB.distribution.status).toBe('SUCCEEDED');
    expect(finalA.counts).toMatchObject({ total: STUDENTS, succeeded: STUDENTS });
    expect(finalB.counts).toMatchObject({ total: STUDENTS, succeeded: STUDENTS });

    const problems: string[] = [];
    let interleaved = 0;
    await inParallel(crowd.students, 4, async (student, index) => {
      const workspaceId = crowd.personal.get(student.id)!;
      const report = (problem: string) => problems.push(`${student.name}: ${problem}`);
      const view = await viewWorkspace(server, student.token, workspaceId, ['files/a', 'files/b', 'files/mine']);
      for (const folder of ['a', 'b'] as const) {
        folderProblems(`files/${folder}`, view.folders.get(`files/${folder}`), Object.fromEntries(PUSHED.map((name) => [name, teacherCopy(folder, name)]))).forEach(report);
      }
      const own = uploads.filter((u) => u.student.id === student.id).map((u, i) => ({ ...u, version: writtenByStudent[index][i].version }));
      folderProblems('files/mine', view.folders.get('files/mine'), Object.fromEntries(own.map((u) => [u.path.split('/').pop()!, u.content]))).forEach(report);

      historyProblems(view).forEach(report);
      // created, then one commit per upload and per push
      const expectedVersion = 1 + UPLOADS + 2;
      if (view.version !== expectedVersion) report(`head version ${view.version}, expected ${expectedVersion}`);
      const pushVersions: number[] = [];
      for (const folder of ['a', 'b'] as const) {
        const commits = view.commits.filter((c) => c.distributionId === ids[folder]);
        const target = targets[folder].get(workspaceId);
        if (commits.length !== 1) report(`${commits.length} commits from the push of files/${folder}`);
        else if (commits[0].id !== target?.commitId) report(`the push of files/${folder} committed ${commits[0].id}, its target says ${target?.commitId}`);
        pushVersions.push(...commits.map((c) => c.version));
      }
      // Each write was acknowledged with a version of its own.
      const uploadVersions = own.map((u) => u.version);
      const all = [...uploadVersions, ...pushVersions].sort((x, y) => x - y);
      if (all.join() !== Array.from({ length: expectedVersion - 1 }, (_, i) => i + 2).join()) report(`writes got versions [${all.join(', ')}]`);
      if (pushVersions.some((v) => Math.min(...uploadVersions) < v && v < Math.max(...uploadVersions))) interleaved++;
    });
    expect(problems).toEqual([]);
    // Otherwise the pushes never met the uploads and nothing above was raced.
    expect(interleaved).toBeGreaterThan(0);

    // Targets written together (by both workers on MySQL) each left one audit event, and the chain holds.
    const { auditEvents, verifyAuditChain } = await server.ok(
      `query($s: ID!) { auditEvents(spaceId: $s, action: "distribution.target.", first: 100) { nodes { seq after } } verifyAuditChain(spaceId: $s) { ok problem } }`,
      { s: crowd.spaceId },
      admin,
    );
    expect(verifyAuditChain).toEqual({ ok: true, problem: null });
    // The events hold raw ids, as the rows do.
    const applied = (auditEvents.nodes as { after: { distributionId: string; commitId: string } }[]).map((e) => `${e.after.distributionId} ${e.after.commitId}`);
    const expected = (['a', 'b'] as const).flatMap((folder) => [...targets[folder].values()].map((t) => `${rawId(ids[folder])} ${rawId(t.commitId!)}`));
    expect(applied.sort()).toEqual(expected.sort());
    expect(applied).toHaveLength(2 * STUDENTS);
  }, 120_000);
});

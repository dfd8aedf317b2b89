import { createCourse, headOf, upload, type TestCourse } from './support/factories';
import { followDistribution } from './support/progress';
import { watchProgress } from './support/progress-watch';
import { codeOf, describeDb, startTestServer, type TestServer } from './support/test-server';
import { rawId } from './support/ids';
import { DistributionTarget } from '../src/modules/distributions/distribution-target.entity';

const PUSH = `mutation($input: PushInputType!) { pushDistribution(input: $input) { id status } }`;
const STATUS = `query($id: ID!) { distribution(id: $id) { status counts { pending succeeded conflict cancelled } } }`;

/**
 * Steering a distribution: an API-only server runs no worker, so a push
 * stays queued until the test runs the worker itself.
 */
describeDb('distributions: cancel and retry', () => {
  let server: TestServer;
  let course: TestCourse;
  let admin: string;
  const personal = (i: number) => course.personal.get(course.students[i].id)!;
  beforeAll(async () => {
    server = await startTestServer({ role: 'api' });
    course = await createCourse(server, 2);
    admin = course.admin.token;
    await upload(server, admin, course.master, 'files/unit/a.md', 'A');
  });
  afterAll(() => server.stop());

  it('cancelling a queued push stops every target and changes no workspace', async () => {
    const heads = await Promise.all([0, 1].map((i) => headOf(server, admin, personal(i))));
    const { pushDistribution } = await server.ok(PUSH, { input: { source: { workspaceId: course.master }, paths: ['files/unit'], targets: { spaceId: course.spaceId } } }, admin);
    expect(pushDistribution.status).toBe('QUEUED');
    const { cancelDistribution } = await server.ok('mutation($id: ID!) { cancelDistribution(id: $id) { status } }', { id: pushDistribution.id }, admin);
    expect(cancelDistribution.status).toBe('CANCELLED');
    await server.app.services.worker.drain();
    const { distribution } = await server.ok(STATUS, { id: pushDistribution.id }, admin);
    expect(distribution.counts).toMatchObject({ pending: 0, succeeded: 0, cancelled: 2 });
    expect(await Promise.all([0, 1].map((i) => headOf(server, admin, personal(i))))).toEqual(heads);
    const again = await server.gql('mutation($id: ID!) { cancelDistribution(id: $id) { status } }', { id: pushDistribution.id }, admin);
    expect(codeOf(again)).toBe('CONFLICT');
  });

  it('tells every target that finished without being announced (its worker died in between) with the end', async () => {
    await upload(server, admin, course.master, 'files/unheard/b.md', 'B');
    const { pushDistribution } = await server.ok(PUSH, { input: { source: { workspaceId: course.master }, paths: ['files/unheard'], targets: { spaceId: course.spaceId } } }, admin);
    const watch = watchProgress(server.url, admin, pushDistribution.id);
    try {
      await watch.until(() => true, 30_000);
      // One target is committed and marked done by a worker that then dies before announcing it.
      await server.app.services.db.manager.update(
        DistributionTarget,
        { distributionId: rawId(pushDistribution.id), workspaceId: rawId(personal(0)) },
        { status: 'SUCCEEDED', finishedAt: new Date() },
      );
      await server.app.services.worker.drain();
      const final = await watch.until((e) => e.final, 30_000);
      expect(final.counts).toMatchObject({ total: 2, done: 2, succeeded: 2 });
      const told = watch.events.flatMap((e) => e.finished.map((f) => f.workspaceId));
      expect(told.sort()).toEqual([personal(0), personal(1)].sort());
    } finally {
      await watch.close();
    }
  });

  it('tells a subscriber who came after such a target finished of it once, in its first event and not again with the end', async () => {
    await upload(server, admin, course.master, 'files/unheard-late/c.md', 'C');
    const { pushDistribution } = await server.ok(PUSH, { input: { source: { workspaceId: course.master }, paths: ['files/unheard-late'], targets: { spaceId: course.spaceId } } }, admin);
    const early = watchProgress(server.url, admin, pushDistribution.id);
    let late: ReturnType<typeof watchProgress> | null = null;
    try {
      // The early subscriber starts the topic's run; then a target finishes unheard, and only then the late one comes.
      await early.until(() => true, 30_000);
      await server.app.services.db.manager.update(
        DistributionTarget,
        { distributionId: rawId(pushDistribution.id), workspaceId: rawId(personal(0)) },
        { status: 'SUCCEEDED', finishedAt: new Date() },
      );
      late = watchProgress(server.url, admin, pushDistribution.id);
      const first = await late.until(() => true, 30_000);
      expect(first.finished.map((f) => f.workspaceId)).toEqual([personal(0)]);
      await server.app.services.worker.drain();
      for (const watch of [early, late]) {
        await watch.until((e) => e.final, 30_000);
        const told = watch.events.flatMap((e) => e.finished.map((f) => f.workspaceId));
        expect(told.sort()).toEqual([personal(0), personal(1)].sort());
      }
    } finally {
      await early.close();
      await late?.close();
    }
  });

  it('retrying after the recipient resolved the conflict applies the failed targets', async () => {
    await upload(server, course.students[0].token, personal(0), 'files/unit/a.md', 'my own a');
    const { pushDistribution } = await server.ok(
      PUSH,
      { input: { source: { workspaceId: course.master }, paths: ['files/unit'], targets: { spaceId: course.spaceId }, policies: { default: 'FAIL' } } },
      admin,
    );
    await server.app.services.worker.drain();
    const first = await server.ok(STATUS, { id: pushDistribution.id }, admin);
    expect(first.distribution).toMatchObject({ status: 'PARTIAL', counts: { succeeded: 1, conflict: 1 } });

    await server.ok('mutation($w: ID!) { deletePath(workspaceId: $w, path: "files/unit/a.md") { version } }', { w: personal(0) }, course.students[0].token);
    const { retryDistribution } = await server.ok('mutation($id: ID!) { retryDistribution(id: $id) { status } }', { id: pushDistribution.id }, admin);
    expect(retryDistribution.status).toBe('QUEUED');
    const progress = followDistribution(server, admin, pushDistribution.id);
    await server.app.services.worker.drain();
    const final = (await progress).at(-1)!;
    expect(final).toMatchObject({ distribution: { status: 'SUCCEEDED' }, counts: { succeeded: 2, conflict: 0 } });
    const text = await (await server.fetch(`/api/workspaces/${personal(0)}/files/files/unit/a.md`, { token: course.students[0].token })).text();
    expect(text).toBe('A');
    const none = await server.gql('mutation($id: ID!) { retryDistribution(id: $id) { status } }', { id: pushDistribution.id }, admin);
    expect(codeOf(none)).toBe('CONFLICT');
  });
});

describeDb('distributions: a claim whose answer was lost', () => {
  let server: TestServer;
  let course: TestCourse;
  beforeAll(async () => {
    server = await startTestServer({ role: 'api' });
    course = await createCourse(server, 2);
    await upload(server, course.admin.token, course.master, 'files/unit/a.md', 'A');
  });
  afterAll(() => server.stop());

  it('targets left leased to an idle worker are taken back at once, not after the lease', async () => {
    const admin = course.admin.token;
    const { pushDistribution } = await server.ok(PUSH, { input: { source: { workspaceId: course.master }, paths: ['files/unit'], targets: { spaceId: course.spaceId } } }, admin);
    const { worker, db } = server.app.services;
    // What a claim leaves when its commit lands but the connection drops before the answer:
    // the targets are RUNNING under this worker's name with a lease far from expiring.
    await db.manager
      .createQueryBuilder()
      .update('distribution_target')
      .set({ status: 'RUNNING', leaseOwner: worker.id, leaseExpiresAt: new Date(Date.now() + 3_600_000) })
      .where('distributionId = :id', { id: rawId(pushDistribution.id) })
      .execute();
    await worker.drain();
    const { distribution } = await server.ok(STATUS, { id: pushDistribution.id }, admin);
    expect(distribution).toMatchObject({ status: 'SUCCEEDED', counts: { pending: 0, succeeded: 2 } });
  });

  it('a push whose every target finished but whose settling never landed is settled by an idle worker', async () => {
    const admin = course.admin.token;
    const { pushDistribution } = await server.ok(PUSH, { input: { source: { workspaceId: course.master }, paths: ['files/unit'], targets: { spaceId: course.spaceId } } }, admin);
    const { worker, db } = server.app.services;
    await worker.drain();
    // What the database leaves when it goes away after the last target and stays away longer
    // than the worker's retries: every target done, the push itself still running.
    await db.manager.createQueryBuilder().update('distribution').set({ status: 'RUNNING', finishedAt: null }).where('id = :id', { id: rawId(pushDistribution.id) }).execute();
    expect((await server.ok(STATUS, { id: pushDistribution.id }, admin)).distribution.status).toBe('RUNNING');
    await worker.drain();
    const { distribution } = await server.ok(STATUS, { id: pushDistribution.id }, admin);
    expect(distribution).toMatchObject({ status: 'SUCCEEDED', counts: { pending: 0, succeeded: 2 } });
  });
});

import { createHmac } from 'node:crypto';
import { verifyWebhook } from '../src/modules/webhooks/webhook-signature';
import { WebhookDelivery } from '../src/modules/webhooks/webhook-delivery.entity';
import { createCourse, createUser, upload, type TestCourse } from './support/factories';
import { awaitRelease, followDistribution } from './support/progress';
import { codeOf, dialect, describeDb, startTestServer, type TestServer } from './support/test-server';
import { countQueries } from './support/query-count';
import { waitFor } from './support/wait';
import { WebhookReceiver, type ReceivedWebhook } from './support/webhook-receiver';
import { rawId, withRawIds } from './support/ids';

const CREATE = `mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { secret endpoint { id url events enabled } } }`;
const LIST = 'query($s: ID!) { webhooks(spaceId: $s) { id url events enabled failureCount disabledReason } }';
const DELIVERIES = `query($e: ID!, $first: Int, $after: String) { webhookDeliveries(endpointId: $e, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } nodes { id eventType status attempts payload lastResponseStatus lastResponseBody lastError deliveredAt } } }`;
const REPLAY = 'mutation($id: ID!) { replayWebhookDelivery(id: $id) { id status } }';
const TEST = 'mutation($e: ID!) { sendTestWebhook(endpointId: $e) { id eventType status } }';

/** The signature checked by hand, following the Standard Webhooks layout, not through the exported verifier. */
function checkByHand(secret: string, hit: ReceivedWebhook): void {
  const id = hit.headers['webhook-id'] as string;
  const timestamp = hit.headers['webhook-timestamp'] as string;
  const signature = hit.headers['webhook-signature'] as string;
  expect(id).toMatch(/^msg_[0-9a-f]{32}$/);
  expect(timestamp).toMatch(/^\d+$/);
  expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(120);
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  expect(key.length).toBe(32);
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${hit.body}`).digest('base64');
  expect(signature).toBe(`v1,${expected}`);
  expect(hit.headers['content-type']).toBe('application/json');
}

describeDb('webhooks', () => {
  let server: TestServer;
  let receiver: WebhookReceiver;
  let course: TestCourse;
  let admin: string;

  const create = async (path: string, events: string[], spaceId = course.spaceId) =>
    (await server.ok(CREATE, { i: { spaceId, url: `${receiver.url}${path}`, events, description: path } }, admin)).createWebhook as {
      secret: string;
      endpoint: { id: string; url: string; events: string[]; enabled: boolean };
    };
  const deliveries = async (endpointId: string) => (await server.ok(DELIVERIES, { e: endpointId, first: 50 }, admin)).webhookDeliveries;
  const settled = (endpointId: string, what: string, done: (nodes: { id: string; status: string; attempts: number }[]) => boolean) =>
    waitFor(async () => (await deliveries(endpointId)).nodes, done, what);

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    server = await startTestServer({ webhookAllowPrivate: true, webhookDisableAfter: 3 });
    course = await createCourse(server, 2);
    admin = course.admin.token;
  });
  afterAll(async () => {
    await server.stop();
    await receiver.stop();
  });

  it('delivers a finished push and a hand-in, signed in the Standard Webhooks layout', async () => {
    const hook = await create('/course', ['distribution.finished', 'hand_in.submitted']);
    expect(hook.endpoint).toMatchObject({ enabled: true, events: ['distribution.finished', 'hand_in.submitted'] });
    await upload(server, admin, course.master, 'files/hw/task.md', '# Task\n');
    const { createAssignment } = await server.ok(
      `mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }`,
      { i: { spaceId: course.spaceId, title: 'Hooked', source: { workspaceId: course.master }, paths: ['files/hw'], deadline: new Date(Date.now() + 3_600_000).toISOString() } },
      admin,
    );
    const released = await waitFor(
      () => server.ok('query($id: ID!) { assignment(id: $id) { distributionId } }', { id: createAssignment.id }, admin),
      (d) => !!d.assignment.distributionId,
      'the release',
    );
    await followDistribution(server, admin, released.assignment.distributionId);
    const [pushed] = await receiver.waitFor('/course', 1);
    checkByHand(hook.secret, pushed);
    expect(verifyWebhook(hook.secret, pushed.headers, pushed.body)).toBe(true);
    expect(verifyWebhook(hook.secret, pushed.headers, pushed.body.replace('SUCCEEDED', 'FAILED'))).toBe(false);
    const event = JSON.parse(pushed.body);
    expect(event).toMatchObject(withRawIds({ type: 'distribution.finished', spaceId: course.spaceId, data: { distributionId: released.assignment.distributionId, status: 'SUCCEEDED', targets: { SUCCEEDED: 3 } } }));
    expect(event.data.targets).toEqual({ SUCCEEDED: 3 }); // two students and the space's DISTRIBUTED workspace

    const student = course.students[0];
    await upload(server, student.token, course.personal.get(student.id)!, 'files/hw/task.md', '# Task\ndone\n');
    const { handInAssignment } = await server.ok('mutation($a: ID!) { handInAssignment(assignmentId: $a) { handIn { id seq } } }', { a: createAssignment.id }, student.token);
    const hits = await receiver.waitFor('/course', 2);
    checkByHand(hook.secret, hits[1]);
    expect(JSON.parse(hits[1].body)).toMatchObject(withRawIds({ type: 'hand_in.submitted', data: { handInId: handInAssignment.handIn.id, studentId: student.id, seq: 1, collected: false } }));
    const list = await settled(hook.endpoint.id, 'both deliveries recorded', (n) => n.length === 2 && n.every((d) => d.status === 'DELIVERED'));
    expect(list[0]).toMatchObject({ eventType: 'hand_in.submitted', attempts: 1, lastResponseStatus: 200, lastResponseBody: 'thanks', lastError: null });
    expect(rawId(list[0].id)).toBe(hits[1].headers['webhook-id']);
  });

  it('retries a delivery answered 500 after the backoff, then records the 200; a replay sends the same webhook-id again', async () => {
    const hook = await create('/flaky', ['member.joined']);
    receiver.answer('/flaky', 500);
    const newcomer = await createUser(server, 'Newcomer');
    await server.ok('mutation($s: ID!, $e: String!) { addMember(spaceId: $s, email: $e, role: MEMBER) { role } }', { s: course.spaceId, e: newcomer.email }, admin);
    const [first] = await receiver.waitFor('/flaky', 1);
    const [failed] = await settled(hook.endpoint.id, 'the failed attempt recorded', (n) => n[0]?.status === 'PENDING' && n[0].attempts === 1);
    expect(failed).toMatchObject({ lastResponseStatus: 500, lastResponseBody: 'receiver says 500', lastError: 'answered 500' });
    // Not due before its backoff: a run now attempts nothing for it.
    await server.app.services.webhookSender.runDue(new Date());
    expect(receiver.to('/flaky')).toHaveLength(1);
    await server.app.services.webhookSender.runDue(new Date(Date.now() + 31_000));
    const hits = receiver.to('/flaky');
    expect(hits).toHaveLength(2);
    expect(hits[1].headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(hits[1].body).toBe(first.body);
    expect(JSON.parse(first.body)).toMatchObject(withRawIds({ type: 'member.joined', data: { userId: newcomer.id, role: 'MEMBER' } }));
    const [delivered] = (await deliveries(hook.endpoint.id)).nodes;
    expect(delivered).toMatchObject({ status: 'DELIVERED', attempts: 2, lastResponseStatus: 200, lastError: null });

    await server.ok(REPLAY, { id: delivered.id }, admin);
    const again = await receiver.waitFor('/flaky', 3);
    expect(again[2].headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(again[2].body).toBe(first.body);
    checkByHand(hook.secret, again[2]);
    await settled(hook.endpoint.id, 'the replay recorded', (n) => n[0].status === 'DELIVERED' && n[0].attempts === 3);
  });

  it('writes nothing for an event whose transaction rolls back', async () => {
    const hook = await create('/rollback', ['member.joined']);
    const { db, webhookOutbox } = server.app.services;
    await expect(
      db.transaction(async (m) => {
        // Every endpoint of the space that takes member.joined gets a row, this one among them.
        expect(await webhookOutbox.emit(m, rawId(course.spaceId), 'member.joined', { userId: 'rolled-back' })).toBeGreaterThanOrEqual(1);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.manager.count(WebhookDelivery, { where: { endpointId: rawId(hook.endpoint.id) } })).toBe(0);
    const all = await db.manager.find(WebhookDelivery, { where: { spaceId: rawId(course.spaceId) } });
    expect(all.filter((d) => d.payload.includes('rolled-back'))).toEqual([]);
    expect((await deliveries(hook.endpoint.id)).totalCount).toBe(0);
    expect(receiver.to('/rollback')).toHaveLength(0);
  });

  it('writes the deliveries of many events with one lookup and one INSERT per 200 rows', async () => {
    const hook = await create('/many', ['member.joined']);
    const { db, webhookOutbox } = server.app.services;
    const events = Array.from({ length: 250 }, (_, i) => ({ userId: `bulk-${i}` }));
    let written = 0;
    const { statements } = await countQueries(db.dataSource, () =>
      db.transaction(async (m) => {
        written = await webhookOutbox.emitEach(m, rawId(course.spaceId), 'member.joined', events);
        throw new Error('only counting');
      }).catch(() => undefined),
    );
    // Every enabled endpoint of the space taking member.joined gets a row per event; this one among them.
    expect(written % events.length).toBe(0);
    expect(written).toBeGreaterThanOrEqual(events.length);
    // The worker runs meanwhile: only the statements on the outbox's tables count.
    const mine = statements.filter((q) => /webhook_(endpoint|delivery)/.test(q) && !/FROM webhook_delivery WHERE|UPDATE/i.test(q));
    expect(mine.filter((q) => /^\s*SELECT/i.test(q))).toEqual([expect.stringContaining('webhook_endpoint')]);
    expect(mine.filter((q) => /^\s*INSERT/i.test(q))).toHaveLength(Math.ceil(written / 200));
    expect((await deliveries(hook.endpoint.id)).totalCount).toBe(0);
  });

  it('disables an endpoint that keeps failing and tells the admins in the app and by mail', async () => {
    const hook = await create('/down', ['grades.returned']);
    receiver.answer('/down', 503, 503, 503, 503);
    await server.ok(TEST, { e: hook.endpoint.id }, admin);
    await receiver.waitFor('/down', 1);
    await settled(hook.endpoint.id, 'the first failure recorded', (n) => n[0]?.attempts === 1 && n[0].status === 'PENDING');
    // The clock is driven forward past each backoff (at most an hour) rather than waited for.
    await server.app.services.webhookSender.runDue(new Date(Date.now() + 61 * 60_000));
    await server.app.services.webhookSender.runDue(new Date(Date.now() + 122 * 60_000));
    expect(receiver.to('/down')).toHaveLength(3);
    const endpoint = (await server.ok(LIST, { s: course.spaceId }, admin)).webhooks.find((w: { id: string }) => w.id === hook.endpoint.id);
    expect(endpoint).toMatchObject({ enabled: false, failureCount: 3 });
    expect(endpoint.disabledReason).toMatch(/after 3 failed attempts in a row \(last: HTTP 503\)/);
    // A disabled endpoint's deliveries wait: nothing more is sent.
    await server.app.services.webhookSender.runDue(new Date(Date.now() + 300 * 60_000));
    expect(receiver.to('/down')).toHaveLength(3);
    const { notifications } = await server.ok('{ notifications(first: 20) { nodes { kind title body link } } }', {}, admin);
    const notice = notifications.nodes.find((n: { kind: string }) => n.kind === 'WEBHOOK_DISABLED');
    expect(notice.title).toContain(`${receiver.url}/down`);
    expect(notice.link).toBe(`/spaces/${course.spaceId}/webhooks`);
    const mail = await server.app.services.mail.outbox(rawId(course.spaceId), 20);
    expect(mail.find((m) => m.subject === notice.title && m.recipient === course.admin.email)).toBeTruthy();
    const replay = await server.gql(REPLAY, { id: (await deliveries(hook.endpoint.id)).nodes[0].id }, admin);
    expect(codeOf(replay)).toBe('CONFLICT');
    // Enabling clears the failures and the waiting delivery goes out.
    receiver.answer('/down', 200);
    await server.ok('mutation($id: ID!) { updateWebhook(id: $id, input: { enabled: true }) { enabled failureCount } }', { id: hook.endpoint.id }, admin);
    await server.app.services.webhookSender.runDue(new Date(Date.now() + 400 * 60_000));
    expect(receiver.to('/down')).toHaveLength(4);
  });

  it('pages deliveries and refuses bad input, changing nothing', async () => {
    const hook = await create('/paged', ['member.joined']);
    for (let i = 0; i < 3; i++) await server.ok(TEST, { e: hook.endpoint.id }, admin);
    const page1 = (await server.ok(DELIVERIES, { e: hook.endpoint.id, first: 2 }, admin)).webhookDeliveries;
    expect(page1.totalCount).toBe(3);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await server.ok(DELIVERIES, { e: hook.endpoint.id, first: 2, after: page1.pageInfo.endCursor }, admin)).webhookDeliveries;
    expect(page2.nodes).toHaveLength(1);
    expect(new Set([...page1.nodes, ...page2.nodes].map((d: { id: string }) => d.id)).size).toBe(3);

    const before = (await server.ok(LIST, { s: course.spaceId }, admin)).webhooks;
    const ftp = await server.gql(CREATE, { i: { spaceId: course.spaceId, url: 'ftp://example.org/in', events: ['member.joined'] } }, admin);
    expect(codeOf(ftp)).toBe('BAD_USER_INPUT');
    expect(ftp.errors![0].message).toContain('http:// or https://');
    const unknown = await server.gql(CREATE, { i: { spaceId: course.spaceId, url: `${receiver.url}/x`, events: ['member.joined', 'pizza.delivered'] } }, admin);
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors![0].message).toContain("'pizza.delivered'");
    expect(unknown.errors![0].message).toContain('hand_in.submitted');
    const none = await server.gql(CREATE, { i: { spaceId: course.spaceId, url: `${receiver.url}/x`, events: [] } }, admin);
    expect(codeOf(none)).toBe('BAD_USER_INPUT');
    const notUrl = await server.gql('mutation($id: ID!) { updateWebhook(id: $id, input: { url: "not a url", events: ["member.joined"] }) { id } }', { id: hook.endpoint.id }, admin);
    expect(codeOf(notUrl)).toBe('BAD_USER_INPUT');
    expect((await server.ok(LIST, { s: course.spaceId }, admin)).webhooks).toEqual(before);
  });

  it('rotates the secret: later deliveries are signed with the new one only', async () => {
    const hook = await create('/rotate', ['member.joined']);
    const { rotateWebhookSecret } = await server.ok('mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret endpoint { id } } }', { id: hook.endpoint.id }, admin);
    expect(rotateWebhookSecret.secret).not.toBe(hook.secret);
    await server.ok(TEST, { e: hook.endpoint.id }, admin);
    const [hit] = await receiver.waitFor('/rotate', 1);
    expect(JSON.parse(hit.body).type).toBe('webhook.test');
    expect(verifyWebhook(rotateWebhookSecret.secret, hit.headers, hit.body)).toBe(true);
    expect(verifyWebhook(hook.secret, hit.headers, hit.body)).toBe(false);
  });

  it('lets only space admins manage webhooks', async () => {
    const hook = await create('/access', ['member.joined']);
    for (const who of [course.ta, course.students[0], course.viewer]) {
      const made = await server.gql(CREATE, { i: { spaceId: course.spaceId, url: `${receiver.url}/x`, events: ['member.joined'] } }, who.token);
      expect(codeOf(made)).toBe('FORBIDDEN');
      expect(codeOf(await server.gql(LIST, { s: course.spaceId }, who.token))).toBe('FORBIDDEN');
      expect(codeOf(await server.gql(DELIVERIES, { e: hook.endpoint.id }, who.token))).toBe('FORBIDDEN');
      expect(codeOf(await server.gql('mutation($id: ID!) { deleteWebhook(id: $id) }', { id: hook.endpoint.id }, who.token))).toBe('FORBIDDEN');
    }
    expect(codeOf(await server.gql(LIST, { s: course.spaceId }, course.outsider.token))).toBe('NOT_FOUND');
    expect(codeOf(await server.gql(LIST, { s: course.spaceId }, null))).toBe('UNAUTHENTICATED');
    expect(await server.ok('mutation($id: ID!) { deleteWebhook(id: $id) }', { id: hook.endpoint.id }, admin)).toEqual({ deleteWebhook: true });
    expect(codeOf(await server.gql(DELIVERIES, { e: hook.endpoint.id }, admin))).toBe('NOT_FOUND');
  });
});

describeDb('webhook addresses', () => {
  let server: TestServer;
  let course: TestCourse;

  beforeAll(async () => {
    server = await startTestServer({ webhookAllowPrivate: false });
    course = await createCourse(server, 0);
  });
  afterAll(() => server.stop());

  it.each([
    ['http://127.0.0.1:9/hook', '127.0.0.1'],
    ['http://10.1.2.3/hook', '10.1.2.3'],
    ['http://169.254.169.254/latest/meta-data', '169.254.169.254'],
    ['http://[::1]:8080/hook', '::1'],
    ['http://[::ffff:192.168.0.1]/hook', '::ffff:c0a8:1'],
    ['http://localhost:9/hook', "'localhost' resolves to it"],
  ])('refuses %s unless private addresses are allowed', async (url, named) => {
    const result = await server.gql(CREATE, { i: { spaceId: course.spaceId, url, events: ['member.joined'] } }, course.admin.token);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toContain(named);
    expect(result.errors![0].message).toContain('WEBHOOK_ALLOW_PRIVATE=true');
    expect((await server.ok(LIST, { s: course.spaceId }, course.admin.token)).webhooks).toEqual([]);
  });
});

/** Each event caused the way a person (or the deadline) causes it, received signed by a real endpoint. */
describeDb('webhook events as users cause them', () => {
  let server: TestServer;
  let receiver: WebhookReceiver;
  let course: TestCourse;
  let admin: string;

  const create = async (path: string, events: string[]) =>
    (await server.ok(CREATE, { i: { spaceId: course.spaceId, url: `${receiver.url}${path}`, events } }, admin)).createWebhook as { secret: string; endpoint: { id: string } };
  /** The webhooks `path` received, each checked against the secret, parsed. */
  const received = async (path: string, count: number, secret: string) => {
    const hits = await receiver.waitFor(path, count);
    for (const hit of hits) checkByHand(secret, hit);
    return hits.map((hit) => JSON.parse(hit.body) as { type: string; spaceId: string; data: Record<string, unknown> });
  };
  const personal = (i: number) => course.personal.get(course.students[i].id)!;
  const push = async (input: Record<string, unknown>) => {
    const { pushDistribution } = await server.ok('mutation($input: PushInputType!) { pushDistribution(input: $input) { id } }', { input }, admin);
    const events = await followDistribution(server, admin, pushDistribution.id);
    return { id: pushDistribution.id as string, final: events.at(-1)! };
  };

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    server = await startTestServer({ webhookAllowPrivate: true });
    course = await createCourse(server, 2);
    admin = course.admin.token;
  });
  afterAll(async () => {
    await server.stop();
    await receiver.stop();
  });

  it('sends the deadline passing with what was collected, then the grades returned', async () => {
    const hook = await create('/deadline', ['assignment.deadline_passed', 'hand_in.submitted', 'grades.returned']);
    await upload(server, admin, course.master, 'files/hw/answers.md', '# Answers\n');
    const { createAssignment } = await server.ok(
      'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }',
      {
        i: {
          spaceId: course.spaceId,
          title: 'Due soon',
          source: { workspaceId: course.master },
          paths: ['files/hw'],
          deadline: new Date(Date.now() + 3_600_000).toISOString(),
          collectAtDeadline: true,
        },
      },
      admin,
    );
    const assignmentId = createAssignment.id as string;
    await awaitRelease(server, admin, assignmentId);
    const [worker, idle] = course.students;
    expect((await upload(server, worker.token, personal(0), 'files/hw/answers.md', '# Answers\n42\n')).status).toBeLessThan(300);
    // The deadline passes: moving it into the past makes the collection job due at once.
    const deadline = new Date(Date.now() - 1).toISOString();
    await server.ok('mutation($id: ID!, $d: DateTimeISO) { updateAssignment(id: $id, input: { deadline: $d }) { id } }', { id: assignmentId, d: deadline }, admin);
    // Deliveries are sent side by side: their order is not promised.
    const first = await received('/deadline', 2, hook.secret);
    const collected = first.find((e) => e.type === 'hand_in.submitted');
    const passed = first.find((e) => e.type === 'assignment.deadline_passed');
    expect(collected).toMatchObject(withRawIds({ type: 'hand_in.submitted', spaceId: course.spaceId, data: { assignmentId, studentId: worker.id, seq: 1, collected: true } }));
    expect(passed).toEqual(withRawIds({
      type: 'assignment.deadline_passed',
      timestamp: expect.any(String),
      spaceId: course.spaceId,
      data: { assignmentId, title: 'Due soon', deadline, studentId: null, collectedHandIns: 1 },
    }));
    // The idle student changed nothing: no hand-in was made up for them.
    expect(JSON.stringify([collected, passed])).not.toContain(rawId(idle.id));

    await server.ok('mutation($a: ID!, $s: ID!, $i: SetGradeInput!) { setGrade(assignmentId: $a, studentId: $s, input: $i) { finalPoints } }', { a: assignmentId, s: worker.id, i: { points: 8, comment: 'Fine' } }, admin);
    const { returnGrades } = await server.ok('mutation($a: ID!) { returnGrades(assignmentId: $a) { returned returnedAt } }', { a: assignmentId }, admin);
    expect(returnGrades.returned).toEqual([worker.id]);
    const [, , returned] = await received('/deadline', 3, hook.secret);
    expect(returned).toMatchObject(withRawIds({
      type: 'grades.returned',
      spaceId: course.spaceId,
      data: { assignmentId, studentIds: [worker.id], returnedAt: returnGrades.returnedAt, visibleToStudents: expect.any(Boolean), returnedBy: course.admin.id },
    }));
    // Returning again returns nobody, and sends nothing.
    expect((await server.ok('mutation($a: ID!) { returnGrades(assignmentId: $a) { returned } }', { a: assignmentId }, admin)).returnGrades.returned).toEqual([]);
    await settled(server, admin, hook.endpoint.id, 3);
    expect(receiver.to('/deadline')).toHaveLength(3);
  });

  it('sends a target refused by the FAIL policy, then the push finished as PARTIAL', async () => {
    const hook = await create('/conflict', ['distribution.target_failed', 'distribution.finished']);
    await upload(server, admin, course.master, 'files/clash/notes.md', 'From the teacher');
    await upload(server, course.students[0].token, personal(0), 'files/clash/notes.md', 'My own notes');
    const { id, final } = await push({ source: { workspaceId: course.master }, paths: ['files/clash/notes.md'], targets: { spaceId: course.spaceId }, policies: { default: 'FAIL' } });
    expect(final.distribution.status).toBe('PARTIAL');
    expect(final.counts).toMatchObject({ conflict: 1 });
    // Deliveries are sent several at a time, in no set order.
    const heard = await received('/conflict', 2, hook.secret);
    const refused = heard.find((e) => e.type === 'distribution.target_failed');
    const finished = heard.find((e) => e.type === 'distribution.finished')!;
    expect(refused).toMatchObject(withRawIds({
      type: 'distribution.target_failed',
      spaceId: course.spaceId,
      data: { distributionId: id, workspaceId: personal(0), ownerId: course.students[0].id, status: 'CONFLICT', error: expect.stringContaining('conflict policy is FAIL') },
    }));
    expect(finished).toMatchObject(withRawIds({ type: 'distribution.finished', data: { distributionId: id, kind: 'PUSH', status: 'PARTIAL' } }));
    expect(finished.data.targets).toEqual({ CONFLICT: 1, SUCCEEDED: final.counts.succeeded });
    // The student's own notes stay.
    const kept = await server.fetch(`/api/workspaces/${personal(0)}/files/files/clash/notes.md`, { token: course.students[0].token });
    expect(await kept.text()).toBe('My own notes');
  });

  it('sends a target that failed with the safe message the dashboard shows', async () => {
    const hook = await create('/failed', ['distribution.target_failed']);
    await upload(server, admin, course.master, 'files/broken/task.md', 'Task');
    const broken = personal(1);
    const db = server.app.db.manager;
    // The database refuses every commit to one workspace.
    if (dialect === 'mysql') {
      await db.query(`CREATE TRIGGER refuse_hooked BEFORE INSERT ON \`commit\` FOR EACH ROW BEGIN IF NEW.workspaceId = '${rawId(broken)}' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused'; END IF; END`);
    } else {
      await db.query(`CREATE TRIGGER refuse_hooked BEFORE INSERT ON "commit" WHEN NEW.workspaceId = '${rawId(broken)}' BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    }
    try {
      const { id, final } = await push({ source: { workspaceId: course.master }, paths: ['files/broken/task.md'], targets: { spaceId: course.spaceId } });
      expect(final.counts.failed).toBe(1);
      const { distribution } = await server.ok('query($id: ID!) { distribution(id: $id) { targets(status: FAILED) { nodes { id error } } } }', { id }, admin);
      const [target] = distribution.targets.nodes;
      const [failed] = await received('/failed', 1, hook.secret);
      expect(failed).toEqual(withRawIds({
        type: 'distribution.target_failed',
        timestamp: expect.any(String),
        spaceId: course.spaceId,
        data: { distributionId: id, targetId: target.id, workspaceId: broken, ownerId: course.students[1].id, status: 'FAILED', error: target.error },
      }));
      expect(target.error).toMatch(/reference [0-9a-f-]{36}/);
    } finally {
      await db.query('DROP TRIGGER refuse_hooked');
    }
  });

  it('sends a member joining through an invitation link and through a roster import', async () => {
    const hook = await create('/joined', ['member.joined']);
    const { createInviteLink } = await server.ok('mutation($s: ID!) { createInviteLink(spaceId: $s, role: MEMBER) { token } }', { s: course.spaceId }, admin);
    const { acceptInvitation } = await server.ok(
      'mutation($t: String!, $s: AcceptSignUpInput) { acceptInvitation(token: $t, signUp: $s) { user { id } } }',
      { t: createInviteLink.token, s: { email: `invited.${Date.now()}@example.org`, name: 'Invited', password: 'correct horse battery' } },
    );
    const [invited] = await received('/joined', 1, hook.secret);
    expect(invited).toMatchObject(withRawIds({ type: 'member.joined', spaceId: course.spaceId, data: { userId: acceptInvitation.user.id, role: 'MEMBER', joinedAt: expect.any(String) } }));

    // Two people with accounts join by the roster; a third without one is only invited and has not joined.
    const [ana, ben] = [await createUser(server, 'Ana'), await createUser(server, 'Ben')];
    const csv = `name,email\nAna,${ana.email}\nBen,${ben.email}\nCleo,cleo.${Date.now()}@example.org\n`;
    const { previewRosterImport } = await server.ok('query($s: ID!, $c: String!) { previewRosterImport(spaceId: $s, csv: $c) { previewHash totals { addExisting newInvitation } } }', { s: course.spaceId, c: csv }, admin);
    expect(previewRosterImport.totals).toEqual({ addExisting: 2, newInvitation: 1 });
    await server.ok(
      'mutation($s: ID!, $c: String!, $h: String!) { applyRosterImport(spaceId: $s, csv: $c, previewHash: $h, skipInvalid: false) { applied } }',
      { s: course.spaceId, c: csv, h: previewRosterImport.previewHash },
      admin,
    );
    const joined = (await received('/joined', 3, hook.secret)).slice(1);
    expect(joined.map((e) => e.type)).toEqual(['member.joined', 'member.joined']);
    expect(joined.map((e) => e.data.userId).sort()).toEqual([rawId(ana.id), rawId(ben.id)].sort());
    expect(joined.every((e) => e.data.role === 'MEMBER')).toBe(true);
    await settled(server, admin, hook.endpoint.id, 3);
    expect(receiver.to('/joined')).toHaveLength(3);
  });
});

/** Waits until the endpoint's `count` deliveries are all recorded as delivered. */
async function settled(server: TestServer, token: string, endpointId: string, count: number): Promise<void> {
  await waitFor(
    async () => (await server.ok(DELIVERIES, { e: endpointId, first: 50 }, token)).webhookDeliveries.nodes as { status: string }[],
    (nodes) => nodes.length === count && nodes.every((d) => d.status === 'DELIVERED'),
    `${count} deliveries recorded as delivered`,
  );
}

import { configureLogger } from '../src/core/logger';
import { createCourse, upload, type TestCourse } from './support/factories';
import { followDistribution } from './support/progress';
import { dialect, describeDb, startTestServer, type TestServer } from './support/test-server';
import { rawId } from './support/ids';

const SECRET = 'driver detail: /srv/stagecoach/data db-internal-7731';

/** A database error while applying a target is stored as a safe message with a reference; the detail goes to the log only. */
describeDb('the worker never shows a raw driver error', () => {
  let server: TestServer;
  let course: TestCourse;
  const lines: string[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    course = await createCourse(server, 2);
    await upload(server, course.admin.token, course.master, 'files/task.md', 'Task');
    configureLogger('info', { write: (line: string) => void lines.push(line) });
  });
  afterAll(async () => {
    configureLogger('silent');
    await server.stop();
  });

  it('a failed target reads "an internal error … (reference …)" and the log holds the driver message under that reference', async () => {
    const broken = course.personal.get(course.students[0].id)!;
    const db = server.app.db.manager;
    if (dialect === 'mysql') {
      await db.query(
        `CREATE TRIGGER refuse_commit BEFORE INSERT ON \`commit\` FOR EACH ROW BEGIN IF NEW.workspaceId = '${rawId(broken)}' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${SECRET}'; END IF; END`,
      );
    } else {
      await db.query(`CREATE TRIGGER refuse_commit BEFORE INSERT ON "commit" WHEN NEW.workspaceId = '${rawId(broken)}' BEGIN SELECT RAISE(ABORT, '${SECRET}'); END`);
    }
    try {
      await server.ok('mutation { addToStage(source: { workspaceId: "' + course.master + '" }, paths: ["files/task.md"]) { path } }', {}, course.admin.token);
      const { pushDistribution } = await server.ok(
        'mutation($input: PushInputType!) { pushDistribution(input: $input) { id } }',
        { input: { source: { workspaceId: course.master }, targets: { spaceId: course.spaceId } } },
        course.admin.token,
      );
      const events = await followDistribution(server, course.admin.token, pushDistribution.id);
      expect(events.at(-1)!.counts.failed).toBe(1);
      const { distribution } = await server.ok(
        'query($id: ID!) { distribution(id: $id) { targets(status: FAILED) { nodes { error workspace { id } } } } }',
        { id: pushDistribution.id },
        course.admin.token,
      );
      const [failed] = distribution.targets.nodes;
      expect(failed.workspace.id).toBe(broken);
      expect(failed.error).not.toContain('db-internal');
      expect(failed.error).not.toMatch(/SQL|sqlite|trigger|commit/i);
      const reference = /reference ([0-9a-f-]{36})/.exec(failed.error)?.[1];
      expect(reference).toBeDefined();
      const logged = lines.map((line) => JSON.parse(line) as Record<string, any>).find((entry) => entry.reference === reference);
      expect(logged).toMatchObject({ level: 50, distributionId: rawId(pushDistribution.id), workspaceId: rawId(broken) });
      expect(JSON.stringify(logged!.err)).toContain(SECRET);
    } finally {
      await db.query('DROP TRIGGER refuse_commit');
    }
  });
});

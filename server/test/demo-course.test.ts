import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/modules/users/demo-accounts';
import { seedDemo } from '../src/seed/demo-course';
import { describeDb, startTestServer, type TestServer } from './support/test-server';

describeDb('the demo course', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it("has a roster with student numbers and a group column, so a group assignment's groups can be made from it at once", async () => {
    expect(await seedDemo(server.app.services)).toBe(true);
    const { login } = await server.ok('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: DEMO_ACCOUNTS[0].email, p: DEMO_PASSWORD });
    const token = login.token as string;
    const { spaces } = await server.ok('{ spaces { nodes { id name workspaces { id kind } } } }', {}, token);
    const course = spaces.nodes.find((s: { name: string }) => s.name === 'Data Analysis 101');
    const { space } = await server.ok('query($id: ID!) { space(id: $id) { members(first: 100, role: MEMBER) { nodes { user { name } role studentNumber section } } } }', { id: course.id }, token);
    const students = space.members.nodes;
    expect(students).toHaveLength(6);
    expect(students.find((m: { user: { name: string } }) => m.user.name === 'Amara Okafor')).toMatchObject({ studentNumber: 'DA-101', section: 'Weather' });

    const master = course.workspaces.find((w: { kind: string }) => w.kind === 'MASTER').id;
    const { createAssignment } = await server.ok(
      'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }',
      { i: { spaceId: course.id, title: 'Pair project', source: { workspaceId: master }, paths: ['files/week1'], deadline: new Date(Date.now() + 86_400_000).toISOString(), groupWork: true } },
      token,
    );
    const { groupsFromRoster } = await server.ok('mutation($a: ID!) { groupsFromRoster(assignmentId: $a) { name members { name } } }', { a: createAssignment.id }, token);
    const groups = Object.fromEntries(groupsFromRoster.map((g: { name: string; members: { name: string }[] }) => [g.name, g.members.map((m) => m.name).sort()]));
    expect(groups).toEqual({
      Penguins: ['Emil Novak', 'Farah Haddad'],
      Stocks: ['Chen Wei', 'Dana Levi'],
      Weather: ['Amara Okafor', 'Ben Carter'],
    });
  });
});

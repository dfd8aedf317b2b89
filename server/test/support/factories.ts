import { randomBytes } from 'node:crypto';
import type { TestServer } from './test-server';

export interface TestUser {
  id: string;
  email: string;
  name: string;
  token: string;
}

const PASSWORD = 'correct horse battery';
const suffix = () => randomBytes(4).toString('hex');

/** A new account, signed in. */
export async function createUser(server: TestServer, name = `User ${suffix()}`): Promise<TestUser> {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${suffix()}@example.org`;
  const data = await server.ok(
    `mutation($input: SignUpInput!) { signUp(input: $input) { token user { id email name } } }`,
    { input: { email, name, password: PASSWORD } },
  );
  return { ...data.signUp.user, token: data.signUp.token };
}

export interface TestCourse {
  spaceId: string;
  admin: TestUser;
  ta: TestUser;
  viewer: TestUser;
  students: TestUser[];
  outsider: TestUser;
  master: string;
  distributed: string;
  personal: Map<string, string>;
}

/** A course with an admin, a TA, a viewer, `n` students and a non-member. */
export async function createCourse(server: TestServer, students = 2): Promise<TestCourse> {
  const admin = await createUser(server, 'Admin');
  const { createSpace } = await server.ok(
    `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { id } }`,
    { input: { name: `Course ${suffix()}`, kind: 'COURSE' } },
    admin.token,
  );
  const spaceId: string = createSpace.id;
  const add = async (user: TestUser, role: string) =>
    server.ok(`mutation($s: ID!, $e: String!, $r: Role!) { addMember(spaceId: $s, email: $e, role: $r) { role } }`, { s: spaceId, e: user.email, r: role }, admin.token);
  const ta = await createUser(server, 'Teaching Assistant');
  await add(ta, 'TA');
  const viewer = await createUser(server, 'Viewer');
  await add(viewer, 'VIEWER');
  const list: TestUser[] = [];
  for (let i = 0; i < students; i++) {
    const student = await createUser(server, `Student ${i}`);
    await add(student, 'MEMBER');
    list.push(student);
  }
  const outsider = await createUser(server, 'Outsider');
  const { space } = await server.ok(`query($id: ID!) { space(id: $id) { workspaces { id kind ownerId } } }`, { id: spaceId }, admin.token);
  const find = (kind: string) => space.workspaces.find((w: { kind: string }) => w.kind === kind).id as string;
  const personal = new Map<string, string>(
    space.workspaces.filter((w: { kind: string }) => w.kind === 'PERSONAL').map((w: { ownerId: string; id: string }) => [w.ownerId, w.id]),
  );
  return { spaceId, admin, ta, viewer, students: list, outsider, master: find('MASTER'), distributed: find('DISTRIBUTED'), personal };
}

/** The file API's address of a workspace path: a file's path in the files area, the area not named again. */
export function fileUrl(workspaceId: string, path: string, query = ''): string {
  const rest = path.replace(/^files(\/|$)/, '');
  return `/api/workspaces/${workspaceId}/files/${rest.split('/').map(encodeURIComponent).join('/')}${query}`;
}

/** Uploads `content` to `path` over the streaming endpoint. */
export async function upload(server: TestServer, token: string, workspaceId: string, path: string, content: string | Buffer, query = '', headers: Record<string, string> = {}) {
  return server.fetch(fileUrl(workspaceId, path, query), {
    method: 'PUT',
    token,
    headers,
    body: typeof content === 'string' ? content : new Uint8Array(content),
  });
}

export async function headOf(server: TestServer, token: string, workspaceId: string): Promise<{ version: number; rootTreeId: string }> {
  const { workspace } = await server.ok(`query($id: ID!) { workspace(id: $id) { version rootTreeId } }`, { id: workspaceId }, token);
  return workspace;
}

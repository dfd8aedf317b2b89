import { createHash, randomBytes } from 'node:crypto';
import type { ApiClient } from './server-process';
import { fileUrl } from './factories';

/**
 * Building and inspecting large courses through the public API, a few
 * requests at a time, against any running server (in-process or child).
 */

export interface Account {
  id: string;
  email: string;
  name: string;
  token: string;
}

export interface Crowd {
  spaceId: string;
  admin: Account;
  master: string;
  students: Account[];
  /** Personal workspace id by student id. */
  personal: Map<string, string>;
}

const PASSWORD = 'correct horse battery';
const suffix = () => randomBytes(4).toString('hex');

/** Runs `work` over `items` with at most `width` calls in flight; results keep the items' order. */
export async function inParallel<T, R>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  return results;
}

export async function signUp(api: ApiClient, name: string): Promise<Account> {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${suffix()}@example.org`;
  const { signUp: payload } = await api.ok(
    `mutation($input: SignUpInput!) { signUp(input: $input) { token user { id email name } } }`,
    { input: { email, name, password: PASSWORD } },
  );
  return { ...payload.user, token: payload.token };
}

export interface CrowdOptions {
  /** Requests in flight while enrolling (sign-up hashes passwords, so this is CPU-bound on the server). */
  width?: number;
  /** Runs once per student right after they joined, inside the same lane (e.g. a first upload). */
  afterJoin?: (student: Account, workspaceId: string, index: number) => Promise<void>;
}

/** A course whose admin enrols `n` students, each with an account and a personal workspace. */
export async function createCrowd(api: ApiClient, n: number, options: CrowdOptions = {}): Promise<Crowd> {
  const admin = await signUp(api, 'Admin');
  const { createSpace } = await api.ok(
    `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { id workspaces { id kind } } }`,
    { input: { name: `Course ${suffix()}`, kind: 'COURSE' } },
    admin.token,
  );
  const spaceId: string = createSpace.id;
  const master: string = createSpace.workspaces.find((w: { kind: string }) => w.kind === 'MASTER').id;
  const personal = new Map<string, string>();
  const students = await inParallel(Array.from({ length: n }, (_, i) => i), options.width ?? 6, async (i) => {
    const student = await signUp(api, `Student ${i}`);
    await api.ok(
      `mutation($s: ID!, $e: String!) { addMember(spaceId: $s, email: $e, role: MEMBER) { role } }`,
      { s: spaceId, e: student.email },
      admin.token,
    );
    if (options.afterJoin) {
      const workspaceId = await personalWorkspaceOf(api, student);
      personal.set(student.id, workspaceId);
      await options.afterJoin(student, workspaceId, i);
    }
    return student;
  });
  if (!options.afterJoin) {
    const { space } = await api.ok(`query($id: ID!) { space(id: $id) { workspaces { id kind ownerId } } }`, { id: spaceId }, admin.token);
    for (const w of space.workspaces as { id: string; kind: string; ownerId: string | null }[]) {
      if (w.kind === 'PERSONAL' && w.ownerId) personal.set(w.ownerId, w.id);
    }
  }
  return { spaceId, admin, master, students, personal };
}

/** The one personal workspace a student sees in a course they just joined. */
async function personalWorkspaceOf(api: ApiClient, student: Account): Promise<string> {
  const { spaces } = await api.ok(`{ spaces(first: 10) { nodes { workspaces { id kind ownerId } } } }`, {}, student.token);
  const own = (spaces.nodes as { workspaces: { id: string; kind: string; ownerId: string | null }[] }[])
    .flatMap((s) => s.workspaces)
    .filter((w) => w.kind === 'PERSONAL' && w.ownerId === student.id);
  if (own.length !== 1) throw new Error(`${student.name} sees ${own.length} personal workspaces, expected 1`);
  return own[0].id;
}

/** PUT over the streaming endpoint; throws with the server's answer unless it stored the file. */
export async function putFile(api: ApiClient, token: string, workspaceId: string, path: string, content: string): Promise<{ version: number; changed: boolean }> {
  const res = await api.fetch(fileUrl(workspaceId, path), { method: 'PUT', token, body: content });
  const body = await res.text();
  if (res.status !== 201 && res.status !== 200) throw new Error(`PUT ${path} into ${workspaceId} answered ${res.status}: ${body}`);
  return JSON.parse(body) as { version: number; changed: boolean };
}

/** A file's bytes as text, or null when the server says it is not there. */
export async function getFile(api: ApiClient, token: string, workspaceId: string, path: string): Promise<string | null> {
  const res = await api.fetch(fileUrl(workspaceId, path), { token });
  if (res.status === 404) return null;
  if (res.status !== 200) throw new Error(`GET ${path} from ${workspaceId} answered ${res.status}: ${await res.text()}`);
  return res.text();
}

/** Names in a folder, sorted, as a user browsing it sees them. */
export async function namesIn(api: ApiClient, token: string, workspaceId: string, path: string): Promise<string[]> {
  const { workspace } = await api.ok(
    `query($w: ID!, $p: String!) { workspace(id: $w) { entries(path: $p, first: 100) { nodes { name } pageInfo { hasNextPage } } } }`,
    { w: workspaceId, p: path },
    token,
  );
  if (workspace.entries.pageInfo.hasNextPage) throw new Error(`${path} in ${workspaceId} has more than 100 entries`);
  return (workspace.entries.nodes as { name: string }[]).map((n) => n.name).sort();
}

export interface TargetRow {
  workspaceId: string;
  status: string;
  commitId: string | null;
  attempts: number;
  error: string | null;
}

/** Targets that did not succeed, as sentences naming their workspace, status and error. */
export const unsuccessful = (targets: Iterable<TargetRow>): string[] =>
  [...targets].filter((t) => t.status !== 'SUCCEEDED').map((t) => `${t.workspaceId} ${t.status}: ${t.error}`);

/** Every target of a distribution, paged through 100 at a time. */
export async function targetsOf(api: ApiClient, token: string, distributionId: string): Promise<TargetRow[]> {
  const rows: TargetRow[] = [];
  let after: string | null = null;
  for (;;) {
    const { distribution }: { distribution: any } = await api.ok(
      `query($id: ID!, $after: String) { distribution(id: $id) { targets(first: 100, after: $after) {
        nodes { workspaceId status commitId attempts error } pageInfo { hasNextPage endCursor } } } }`,
      { id: distributionId, after },
      token,
    );
    rows.push(...distribution.targets.nodes);
    if (!distribution.targets.pageInfo.hasNextPage) return rows;
    after = distribution.targets.pageInfo.endCursor;
  }
}

export interface HeadAndHistory {
  version: number;
  rootTreeId: string;
  totalCommits: number;
  /** Newest first. */
  commits: { id: string; version: number; rootTreeId: string; distributionId: string | null }[];
  automaticSnapshots: { commitId: string }[];
}

export interface WorkspaceView extends HeadAndHistory {
  /** Per folder asked for: each entry's name and content hash, as a user listing it sees them. */
  folders: Map<string, Map<string, string>>;
  /** The caller's notifications (newest first). */
  notifications: { kind: string; distributionId: string | null }[];
}

/** Head, history, automatic snapshots, the listed folders and the caller's notifications, in one request. */
export async function viewWorkspace(api: ApiClient, token: string, workspaceId: string, folders: readonly string[] = []): Promise<WorkspaceView> {
  const listings = folders.map((_, i) => `f${i}: entries(path: $p${i}, first: 100) { nodes { name hash } pageInfo { hasNextPage } }`).join(' ');
  const data = await api.ok(
    `query($w: ID!${folders.map((_, i) => `, $p${i}: String!`).join('')}) {
      workspace(id: $w) { version rootTreeId ${listings}
        history(first: 100) { totalCount nodes { id version rootTreeId distributionId } }
        snapshots(first: 100) { nodes { automatic commitId } } }
      notifications(first: 100) { nodes { kind distributionId } } }`,
    Object.fromEntries([['w', workspaceId], ...folders.map((path, i) => [`p${i}`, path])]),
    token,
  );
  const { workspace } = data;
  return {
    version: workspace.version,
    rootTreeId: workspace.rootTreeId,
    totalCommits: workspace.history.totalCount,
    commits: workspace.history.nodes,
    automaticSnapshots: (workspace.snapshots.nodes as { automatic: boolean; commitId: string }[]).filter((s) => s.automatic),
    folders: new Map(
      folders.map((path, i) => {
        const listing = workspace[`f${i}`];
        if (listing.pageInfo.hasNextPage) throw new Error(`${path} in ${workspaceId} has more than 100 entries`);
        return [path, new Map((listing.nodes as { name: string; hash: string }[]).map((n) => [n.name, n.hash]))];
      }),
    ),
    notifications: data.notifications.nodes,
  };
}

/** The content id the server gives a file with these bytes. */
export const contentHash = (content: string) => createHash('sha256').update(content).digest('hex');

/**
 * Differences between a folder as listed and the files expected in it (name
 * to content), as sentences; empty when they match exactly.
 */
export function folderProblems(folder: string, listed: Map<string, string> | undefined, expected: Record<string, string>): string[] {
  const problems: string[] = [];
  const names = [...(listed?.keys() ?? [])].sort();
  const wanted = Object.keys(expected).sort();
  if (names.join('|') !== wanted.join('|')) problems.push(`${folder} holds [${names.join(', ')}], expected [${wanted.join(', ')}]`);
  for (const name of wanted) {
    const hash = listed?.get(name);
    if (hash && hash !== contentHash(expected[name])) problems.push(`${folder}/${name} does not hold the expected content`);
  }
  return problems;
}

/**
 * What is wrong with a workspace's head and history, as sentences (empty when
 * nothing is): the head must be the newest commit, and versions must run
 * 1, 2, ... without gaps or repeats.
 */
export function historyProblems(state: HeadAndHistory): string[] {
  const problems: string[] = [];
  const newest = state.commits[0];
  if (!newest) return ['no commits at all'];
  if (newest.version !== state.version || newest.rootTreeId !== state.rootTreeId) {
    problems.push(`head is (v${state.version}, ${state.rootTreeId.slice(0, 12)}) but the newest commit is (v${newest.version}, ${newest.rootTreeId.slice(0, 12)})`);
  }
  const versions = state.commits.map((c) => c.version);
  const expected = Array.from({ length: state.version }, (_, i) => state.version - i);
  if (state.totalCommits !== state.version || versions.join() !== expected.join()) {
    problems.push(`history versions are [${versions.join(', ')}] (${state.totalCommits} commits) for head version ${state.version}`);
  }
  return problems;
}

import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { startApp, type RunningApp } from '../app';
import { loadConfig, type Dialect } from '../config';
import type { Services } from '../services';
import type { PutResult } from '../core/storage/blob-store';
import { editTree, type TreeEdit } from '../core/storage/tree';
import type { Database } from '../db/database';
import type { Role } from '../modules/spaces/membership.entity';
import { AuthToken } from '../modules/users/auth-token.entity';
import { User } from '../modules/users/user.entity';
import type { Actor } from '../modules/users/users.service';
import { forEachLimit, round, timed } from './stats';

export interface BenchUser {
  actor: Actor;
  token: string;
  email: string;
  password: string;
}

/** The database product and version, e.g. `SQLite 3.53.2` or `10.11.19-MariaDB-0+deb12u1`. */
export async function databaseVersion(db: Database): Promise<string> {
  const sql = db.dialect === 'mysql' ? 'SELECT VERSION() AS v' : 'SELECT sqlite_version() AS v';
  const rows = (await db.manager.query(sql)) as { v: string }[];
  return `${db.dialect === 'mysql' ? '' : 'SQLite '}${rows[0].v}`;
}

/** A user with a session token, as a person who signed up and logged in; an instance admin, who may create spaces whether sign-up is open or not. */
export async function createBenchUser(services: Services, label: string): Promise<BenchUser> {
  const email = `bench-${label}-${randomBytes(4).toString('hex')}@example.org`;
  const password = `bench-${randomBytes(12).toString('hex')}`;
  await services.users.createUser({ email, name: `Bench ${label}`, password, instanceAdmin: true });
  const { token } = await services.users.login(email, password);
  const actor = await services.users.authenticate(token);
  if (!actor) throw new Error('the session token just issued does not authenticate');
  return { actor, token, email, password };
}

const USER_INSERT_BATCH = 200;

/**
 * Accounts for students, inserted directly: signing up through argon2 would
 * dominate the setup. They share the password hash of a real account
 * (`passwordHash`), so they could still log in.
 */
export async function insertStudents(services: Services, count: number, passwordHash: string | null): Promise<User[]> {
  const salt = randomBytes(4).toString('hex');
  const users = Array.from({ length: count }, (_, i) =>
    Object.assign(new User(), {
      id: randomUUID(),
      email: `bench-student-${salt}-${i}@example.org`,
      name: `Student ${String(i + 1).padStart(4, '0')}`,
      passwordHash,
      createdAt: new Date(),
      instanceAdmin: false,
    }),
  );
  for (let i = 0; i < users.length; i += USER_INSERT_BATCH) await services.db.manager.insert(User, users.slice(i, i + USER_INSERT_BATCH));
  return users;
}

/**
 * The actor of a signed-in `user` without a login (a login verifies the
 * password with argon2, which 1,000 students would wait for): what
 * `authenticate` returns for a session token, built from the user row.
 */
export function actorOf(user: User): Actor {
  const token = Object.assign(new AuthToken(), { id: `bench-session-${user.id}`, userId: user.id, kind: 'SESSION', name: 'bench session', readOnly: false });
  return { user, token, readOnly: false };
}

/**
 * Adds `users` to a space as an admin does, through SpacesService.addMember
 * (a MEMBER gets a personal workspace started from the DISTRIBUTED state).
 * MariaDB takes concurrent transactions; SQLite's are queued anyway.
 */
export async function addMembers(services: Services, actor: Actor, spaceId: string, users: readonly User[], role: Role = 'MEMBER'): Promise<void> {
  const concurrency = services.db.dialect === 'mysql' ? 8 : 1;
  await forEachLimit(users, concurrency, async (user) => {
    await services.spaces.addMember(actor, spaceId, user.email, role);
  });
}

/** Writes one file into a workspace as `actor`, as an upload through the file API does. */
export async function upload(services: Services, actor: Actor, workspaceId: string, filePath: string, content: Buffer): Promise<void> {
  await services.objects.upload(actor, workspaceId, filePath, Readable.from([content]), { maxBytes: services.config.maxUploadBytes });
}

/** A new course space: its id and its MASTER workspace's. */
export async function createCourseSpace(services: Services, actor: Actor, name: string): Promise<{ spaceId: string; masterId: string }> {
  const space = await services.spaces.create(actor, { name, kind: 'COURSE' });
  const [master] = await services.workspaces.listInSpace(actor, space.id);
  if (master?.kind !== 'MASTER') throw new Error(`space '${name}' has no MASTER workspace`);
  return { spaceId: space.id, masterId: master.id };
}

/** A new course space; returns the id of its MASTER workspace. */
export async function createCourseWorkspace(services: Services, actor: Actor, name: string): Promise<string> {
  return (await createCourseSpace(services, actor, name)).masterId;
}

export interface FillResult {
  files: number;
  /** Bytes of content put in the folder. */
  bytes: number;
  blobMs: number;
  commitMs: number;
  treeRowsWritten: number;
}

/** The name of file `index` of a folder of `count` generated files; names sort like their indexes. */
export function fileName(index: number, count: number): string {
  return `file-${String(index).padStart(String(count - 1).length, '0')}.txt`;
}

/** Stores the content of file `index` (named `name`) and returns its blob. */
export type FileContent = (index: number, name: string) => Promise<PutResult>;

/**
 * Puts `count` distinct files into `folder` (a path under files/) of a
 * workspace in one commit: the blobs first, then a single batch edit, which is
 * how a push of many files lands. The content is a short distinct line per
 * file unless `content` supplies it.
 */
export async function fillFolder(
  services: Services,
  actor: Actor,
  workspaceId: string,
  folder: string[],
  count: number,
  content?: FileContent,
): Promise<FillResult> {
  const salt = randomBytes(8).toString('hex');
  const put: FileContent = content ?? ((i) => services.blobs.putBuffer(`${salt} ${i}\n`));
  const edits: TreeEdit[] = new Array(count);
  let bytes = 0;
  const blobs = await timed(() =>
    forEachLimit(Array.from({ length: count }, (_, i) => i), 16, async (i) => {
      const name = fileName(i, count);
      const blob = await put(i, name);
      bytes += blob.size;
      edits[i] = { path: ['files', ...folder, name], entry: { name, kind: 'FILE', id: blob.id, size: blob.size } };
    }),
  );
  const rowsBefore = services.trees.rowsWritten;
  const commit = await timed(() =>
    services.store.change(workspaceId, (trees, root) => editTree(trees, root, edits), {
      authorId: actor.user.id,
      message: `add ${count} files to ${folder.join('/')}`,
    }),
  );
  if (!commit.result.changed) throw new Error('filling the workspace changed nothing');
  return {
    files: count,
    bytes,
    blobMs: round(blobs.ms, 1),
    commitMs: round(commit.ms, 1),
    treeRowsWritten: services.trees.rowsWritten - rowsBefore,
  };
}

/**
 * Runs `work` against an API-role app on a fresh data folder (and the
 * database the process is configured for), without request budgets: a
 * benchmark measures the server's capacity, not one caller's allowance.
 * `env` adds settings of the benchmark's own. Stops the app and removes the
 * folder however `work` ends.
 */
export async function withBenchApp<T>(name: string, dialect: Dialect, work: (app: RunningApp) => Promise<T>, env: NodeJS.ProcessEnv = {}): Promise<T> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `stagecoach-bench-${name}-${dialect}-`));
  try {
    const config = loadConfig({ ...process.env, DATA_DIR: dataDir, PORT: '0', SEED_DEMO: 'false', STAGECOACH_ROLE: 'api', REQUEST_BUDGET_POINTS: '0', ...env });
    if (config.dialect !== dialect) throw new Error(`asked for ${dialect} but the configuration selects ${config.dialect}`);
    const app = await startApp(config);
    try {
      return await work(app);
    } finally {
      await app.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

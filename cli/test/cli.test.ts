import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { freePort, gql, stagecoach, startServer, type RunningServer } from './support/server';

const PASSWORD = 'stagecoach-demo';
const INSTRUCTOR = 'instructor@demo.stagecoach.test';
const STUDENT = 'amara@demo.stagecoach.test';
const COURSE = 'Data Analysis 101';

describe('stagecoach against a running server', () => {
  let server: RunningServer;
  let scratch: string;
  let staffHome: string;
  let token: string;
  let masterId: string;
  const cli = (args: string[], options: { input?: string; env?: Record<string, string> } = {}) => stagecoach(staffHome, ['--server', server.url, ...args], options);

  before(async () => {
    server = await startServer('cli');
    scratch = mkdtempSync(path.join(os.tmpdir(), 'stagecoach-cli-test-'));
    staffHome = path.join(scratch, 'staff-config');
  });
  after(async () => {
    await server?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  test('login refuses a bad token and stores nothing; with e-mail and password it stores a checked token readable only by its owner', async () => {
    const refused = await cli(['login', '--token', 'not-a-token']);
    assert.equal(refused.code, 3, refused.stderr);
    assert.match(refused.stderr, /token was refused/);
    assert.equal(existsSync(path.join(staffHome, 'stagecoach', 'config.json')), false);

    const wrongPassword = await cli(['login', '--email', INSTRUCTOR, '--password-stdin'], { input: 'wrong\n' });
    assert.notEqual(wrongPassword.code, 0);
    assert.equal(existsSync(path.join(staffHome, 'stagecoach', 'config.json')), false);

    const ok = await cli(['--json', 'login', '--email', INSTRUCTOR, '--password-stdin'], { input: `${PASSWORD}\n` });
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(ok.json().user.email, INSTRUCTOR);
    const file = path.join(staffHome, 'stagecoach', 'config.json');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(stored.server, server.url);
    token = stored.token;
    assert.ok(token);

    const who = await stagecoach(staffHome, ['whoami']);
    assert.equal(who.code, 0, who.stderr);
    assert.match(who.stdout, /Ada Instructor <instructor@demo\.stagecoach\.test>/);
  });

  test('spaces and ls list what the user sees, as a table and as JSON', async () => {
    const spaces = await cli(['--json', 'spaces']);
    assert.equal(spaces.code, 0, spaces.stderr);
    assert.deepEqual(spaces.json().map((s: { name: string }) => s.name), [COURSE]);
    const table = await cli(['spaces']);
    assert.match(table.stdout.split('\n')[0], /^ID\s+NAME\s+KIND\s+ROLE$/);
    assert.match(table.stdout, /Data Analysis 101\s+COURSE\s+ADMIN/);

    const workspaces = (await cli(['--json', 'ls', COURSE])).json() as { id: string; kind: string; name: string }[];
    const master = workspaces.find((w) => w.kind === 'MASTER');
    assert.ok(master);
    masterId = master.id;
    assert.equal(workspaces.filter((w) => w.kind === 'PERSONAL').length, 6);

    const files = await cli(['ls', `${COURSE}/master`, 'files']);
    assert.equal(files.code, 0, files.stderr);
    assert.match(files.stdout, /FILE\s+\S+ B\s+files\/README\.md/);
    assert.match(files.stdout, /DIRECTORY\s+.*files\/week1\//);
  });

  test('an unknown workspace, a refused token and an unreachable server are named, with their own exit codes', async () => {
    const unknown = await cli(['pull', 'no-such-workspace', path.join(scratch, 'x')]);
    assert.equal(unknown.code, 4);
    assert.match(unknown.stderr, /unknown workspace 'no-such-workspace'/);
    const unknownJson = await cli(['--json', 'ls', 'Nowhere']);
    assert.equal(unknownJson.code, 4);
    assert.equal(unknownJson.json().error.code, 'NOT_FOUND');

    const badToken = await cli(['spaces'], { env: { STAGECOACH_TOKEN: 'expired-or-wrong' } });
    assert.equal(badToken.code, 3);
    assert.match(badToken.stderr, /token was refused/);

    const port = await freePort();
    const unreachable = await stagecoach(staffHome, ['--server', `http://127.0.0.1:${port}`, 'spaces'], { env: { STAGECOACH_TOKEN: token } });
    assert.equal(unreachable.code, 5);
    assert.match(unreachable.stderr, new RegExp(`cannot reach the server at http://127.0.0.1:${port}`));
  });

  test('pull brings the files area; a second pull with nothing changed downloads nothing', async () => {
    const dir = path.join(scratch, 'master');
    const first = await cli(['--json', 'pull', masterId, dir]);
    assert.equal(first.code, 0, first.stderr);
    const summary = first.json();
    assert.ok(summary.downloaded.includes('README.md'));
    assert.ok(summary.downloaded.includes('week1/data/seattle-weather.csv'));
    const served = await fetch(`${server.url}/api/workspaces/${masterId}/files/week1/data/seattle-weather.csv`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(readFileSync(path.join(dir, 'week1/data/seattle-weather.csv'), 'utf8'), await served.text());

    const second = await cli(['--json', 'pull', masterId, dir]);
    assert.equal(second.code, 0, second.stderr);
    assert.deepEqual(second.json().downloaded, []);
    assert.equal(second.json().unchanged, summary.downloaded.length);
  });

  test('push sends only the changed files as one commit, and refuses to replace what changed on the server since the pull', async () => {
    const dir = path.join(scratch, 'master');
    const before = (await gql(server.url, token, 'query($id: ID!) { workspace(id: $id) { version } }', { id: masterId })).workspace.version;
    writeFileSync(path.join(dir, 'README.md'), '# Changed here\n');
    writeFileSync(path.join(dir, 'week2/notes.txt'), 'new file\n');
    const pushed = await cli(['--json', 'push', dir, masterId]);
    assert.equal(pushed.code, 0, pushed.stderr);
    assert.deepEqual(pushed.json().uploaded, ['README.md', 'week2/notes.txt']);
    assert.equal(pushed.json().version, before + 1);
    const readme = await fetch(`${server.url}/api/workspaces/${masterId}/files/README.md`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(await readme.text(), '# Changed here\n');

    const again = await cli(['push', dir, masterId]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /Nothing to push/);

    // Someone changes the file on the server; the local copy changes too.
    const put = await fetch(`${server.url}/api/workspaces/${masterId}/files/week2/notes.txt`, { method: 'PUT', headers: { authorization: `Bearer ${token}` }, body: 'their edit\n' });
    assert.ok(put.ok);
    writeFileSync(path.join(dir, 'week2/notes.txt'), 'my edit\n');
    const refused = await cli(['push', dir, masterId]);
    assert.equal(refused.code, 6, refused.stderr);
    assert.match(refused.stderr, /changed on the server since your last pull[\s\S]*week2\/notes\.txt/);
    const kept = await fetch(`${server.url}/api/workspaces/${masterId}/files/week2/notes.txt`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(await kept.text(), 'their edit\n');

    // Pull refuses too, leaving the local edit in place.
    const pullRefused = await cli(['pull', masterId, dir]);
    assert.equal(pullRefused.code, 6);
    assert.match(pullRefused.stderr, /changed here and on the server[\s\S]*week2\/notes\.txt/);
    assert.equal(readFileSync(path.join(dir, 'week2/notes.txt'), 'utf8'), 'my edit\n');

    // Files removed here stay on the server unless --delete is given.
    rmSync(path.join(dir, 'README.md'));
    const forced = await cli(['--json', 'push', '--force', dir, masterId]);
    assert.equal(forced.code, 0, forced.stderr);
    assert.deepEqual(forced.json().uploaded, ['week2/notes.txt']);
    assert.deepEqual(forced.json().onlyOnServer, ['README.md']);
    const deleted = await cli(['--json', 'push', '--delete', dir, masterId]);
    assert.deepEqual(deleted.json().deleted, ['README.md']);
    const gone = await fetch(`${server.url}/api/workspaces/${masterId}/files/README.md`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(gone.status, 404);
  });

  test('a student hands in and gets the receipt; staff see the status table and export grades', async () => {
    const { assignments } = await gql(server.url, token, 'query($id: ID!) { assignments(spaceId: $id) { id } }', {
      id: (await gql(server.url, token, '{ spaces { nodes { id } } }')).spaces.nodes[0].id,
    });
    const assignmentId = assignments[0].id;
    const studentHome = path.join(scratch, 'student-config');
    const student = (args: string[], input = '') => stagecoach(studentHome, ['--server', server.url, ...args], { input });
    assert.equal((await student(['login', '--email', STUDENT, '--password-stdin'], `${PASSWORD}\n`)).code, 0);

    const receipt = await student(['--json', 'hand-in', assignmentId, '--allow-missing', '-m', 'from the command line']);
    assert.equal(receipt.code, 0, receipt.stderr);
    assert.match(receipt.json().contentHash, /^[0-9a-f]{64}$/);
    const text = await student(['hand-in', assignmentId, '--allow-missing']);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /Handed in: hand-in #2/);
    assert.match(text.stdout, /content hash [0-9a-f]{64}/);

    const status = await cli(['status', assignmentId]);
    assert.equal(status.code, 0, status.stderr);
    const lines = status.stdout.trim().split('\n');
    assert.match(lines[0], /^STUDENT\s+E-MAIL\s+NUMBER\s+STATUS\s+HAND-INS/);
    assert.match(lines.find((line) => line.startsWith('Amara Okafor'))!, /HANDED_IN\s+2/);
    assert.match(lines.find((line) => line.startsWith('Ben Carter'))!, /NOT_STARTED\s+0/);
    const statusJson = (await cli(['--json', 'status', assignmentId])).json() as { status: string; student: { email: string } }[];
    assert.equal(statusJson.find((row) => row.student.email === STUDENT)?.status, 'HANDED_IN');

    const csv = await cli(['grades', 'export', assignmentId]);
    assert.equal(csv.code, 0, csv.stderr);
    assert.match(csv.stdout, /amara@demo\.stagecoach\.test/);
    const file = path.join(scratch, 'grades.xlsx');
    const xlsx = await cli(['--json', 'grades', 'export', assignmentId, '--format', 'xlsx', '-o', file]);
    assert.equal(xlsx.code, 0, xlsx.stderr);
    assert.equal(readFileSync(file).subarray(0, 2).toString(), 'PK');
    assert.equal((await cli(['grades', 'export', assignmentId, '--format', 'pdf'])).code, 2);

    const forbidden = await student(['status', assignmentId, '--json']);
    assert.equal(forbidden.code, 0, forbidden.stderr);
    assert.equal(forbidden.json().length, 1);
  });

  test('stage, preview and distribute push material to students under the chosen policy', async () => {
    const staged = await cli(['--json', 'stage', masterId, 'files/week1/weather_summary.py']);
    assert.equal(staged.code, 0, staged.stderr);
    assert.deepEqual(staged.json().map((item: { path: string }) => item.path), ['files/week1/weather_summary.py']);

    const badPolicy = await cli(['preview', masterId, '--space', COURSE, '--role', 'member', '--policy', 'sometimes']);
    assert.equal(badPolicy.code, 2);
    assert.match(badPolicy.stderr, /--policy 'sometimes' is not one of/);

    const preview = await cli(['--json', 'preview', masterId, '--space', COURSE, '--role', 'member', '--policy', 'overwrite']);
    assert.equal(preview.code, 0, preview.stderr);
    assert.equal(preview.json().targetCount, 6);

    const pushed = await cli(['--json', 'distribute', masterId, '--to', `${COURSE}/Ben Carter`, '--policy', 'OVERWRITE', '--wait']);
    assert.equal(pushed.code, 0, pushed.stderr);
    assert.equal(pushed.json().counts.succeeded, 1);
    const ben = ((await cli(['--json', 'ls', COURSE])).json() as { id: string; name: string }[]).find((w) => w.name === 'Ben Carter')!;
    const delivered = await fetch(`${server.url}/api/workspaces/${ben.id}/files/week1/weather_summary.py`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(delivered.status, 200);
  });
});

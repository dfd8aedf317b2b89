import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { normaliseStoredEmails } from '../../migrations/normalise-emails';
import { createCourse, createUser, upload, type TestCourse } from './support/factories';
import { describeDb, startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait';
import { rawId } from './support/ids';

const PASSWORD = 'correct horse battery';
const PREVIEW = `query($s: ID!, $c: String!, $r: Role) { previewRosterImport(spaceId: $s, csv: $c, role: $r) {
  previewHash applied
  lines { line name email studentNumber section outcome detail }
  totals { lines newInvitation addExisting update alreadyMemberUnchanged alreadyInvited duplicate invalid }
} }`;
const APPLY = `mutation($s: ID!, $c: String!, $h: String!, $skip: Boolean!, $r: Role) {
  applyRosterImport(spaceId: $s, csv: $c, previewHash: $h, skipInvalid: $skip, role: $r) {
    applied totals { newInvitation addExisting update alreadyMemberUnchanged alreadyInvited duplicate invalid }
  }
}`;
const MEMBERS = `query($s: ID!, $q: String, $after: String) { space(id: $s) { members(first: 100, search: $q, after: $after) {
  totalCount nodes { role studentNumber section user { id email name } }
} } }`;
const OUTBOX = 'query($id: ID!) { space(id: $id) { outbox { recipient body } invitations { email studentNumber section acceptedAt } } }';
const ACCEPT = 'mutation($t: String!, $s: AcceptSignUpInput) { acceptInvitation(token: $t, signUp: $s) { token user { id } space { myRole } } }';

type Line = { line: number; name: string; email: string; studentNumber: string | null; section: string | null; outcome: string; detail: string };

describeDb('roster import and bulk member changes', () => {
  let server: TestServer;
  let course: TestCourse;
  const word = () => Math.random().toString(36).slice(2, 8);

  beforeAll(async () => {
    server = await startTestServer();
    course = await createCourse(server, 2);
  });
  afterAll(() => server?.stop());

  const preview = async (csv: string, token = course.admin.token, spaceId = course.spaceId) =>
    (await server.ok(PREVIEW, { s: spaceId, c: csv }, token)).previewRosterImport as {
      previewHash: string;
      applied: boolean;
      lines: Line[];
      totals: Record<string, number>;
    };
  const apply = (csv: string, hash: string, skip = false, spaceId = course.spaceId) => server.gql(APPLY, { s: spaceId, c: csv, h: hash, skip }, course.admin.token);
  const members = async (spaceId = course.spaceId, search: string | null = null) => (await server.ok(MEMBERS, { s: spaceId, q: search }, course.admin.token)).space.members;
  const outbox = async (spaceId = course.spaceId) => (await server.ok(OUTBOX, { id: spaceId }, course.admin.token)).space;
  const newCourse = async () =>
    (await server.ok('mutation($i: CreateSpaceInput!) { createSpace(input: $i) { id } }', { i: { name: `Roster ${word()}`, kind: 'COURSE' } }, course.admin.token)).createSpace.id as string;
  const signUp = (email: string, name: string) =>
    server.ok('mutation($i: SignUpInput!) { signUp(input: $i) { user { id email } } }', { i: { email, name, password: PASSWORD } });

  it('treats case and Unicode variants of an address as one account, everywhere it is looked up', async () => {
    const tag = word();
    const { signUp: made } = await signUp(`Ana.${tag}@Uni.EDU`, 'Ana');
    expect(made.user.email).toBe(`ana.${tag}@uni.edu`);
    const again = await server.gql('mutation($i: SignUpInput!) { signUp(input: $i) { token } }', { i: { email: ` ana.${tag}@uni.edu `, name: 'Ana 2', password: PASSWORD } });
    expect(again.errors?.[0].message).toMatch(/exists already/);
    // "José" typed with a combining accent (decomposed) and with the precomposed é are one address.
    const decomposed = `jose\u0301.${tag}@uni.edu`;
    const composed = `jos\u00e9.${tag}@uni.edu`;
    await signUp(decomposed, 'José');
    expect((await server.gql('mutation($i: SignUpInput!) { signUp(input: $i) { token } }', { i: { email: composed.toUpperCase(), name: 'J', password: PASSWORD } })).errors?.[0].message).toMatch(/exists already/);
    const login = await server.ok('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { id } } }', { e: `JOS\u00c9.${tag}@UNI.EDU`, p: PASSWORD });
    expect(login.login.user.id).toBeTruthy();
    const spaceId = await newCourse();
    const added = await server.ok('mutation($s: ID!, $e: String!) { addMember(spaceId: $s, email: $e, role: MEMBER) { user { id } } }', { s: spaceId, e: `ANA.${tag}@uni.edu` }, course.admin.token);
    expect(added.addMember.user.id).toBe(made.user.id);
  });

  it('the migration normalises stored addresses and leaves a younger duplicate as it was', async () => {
    const { db } = server.app.services;
    const tag = word();
    const older = await signUp(`old.${tag}@uni.edu`, 'Old');
    // Rows as an earlier version could have stored them: decomposed Unicode and upper case.
    await db.manager.query('UPDATE user SET email = ? WHERE id = ?', [`Old.${tag}@UNI.edu`, rawId(older.signUp.user.id)]);
    const twin = await signUp(`twin.${tag}@uni.edu`, 'Twin');
    await db.manager.query('UPDATE user SET email = ? WHERE id = ?', [`OLD.${tag}@uni.EDU `, rawId(twin.signUp.user.id)]);
    const runner = db.dataSource.createQueryRunner();
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    let warnings: string[];
    try {
      await normaliseStoredEmails(runner);
    } finally {
      warnings = warn.mock.calls.map((call) => String(call[0]));
      await runner.release();
      warn.mockRestore();
    }
    const rows: { id: string; email: string }[] = await db.manager.query('SELECT id, email FROM user WHERE id IN (?, ?)', [rawId(older.signUp.user.id), rawId(twin.signUp.user.id)]);
    const byId = new Map(rows.map((r) => [r.id, r.email]));
    expect(byId.get(rawId(older.signUp.user.id))).toBe(`old.${tag}@uni.edu`);
    expect(byId.get(rawId(twin.signUp.user.id))).toBe(`OLD.${tag}@uni.EDU `);
    expect(warnings.some((w) => w.includes(rawId(twin.signUp.user.id)) && w.includes(rawId(older.signUp.user.id)))).toBe(true);
  });

  it('previews every kind of line and changes nothing', async () => {
    const tag = word();
    const existing = await createUser(server, 'Existing Person');
    const [s0, s1] = course.students;
    const csv =
      '\ufeffFull Name;E-Mail Address;Student ID;Group\n' +
      `New Person;new.${tag}@uni.edu;S-${tag}-1;A\n` +
      `Existing Person;${existing.email.toUpperCase()};S-${tag}-2;B\n` +
      `${s0.name};${s0.email};S-${tag}-3;A\n` +
      `${s1.name};${s1.email};;\n` +
      `New Again;NEW.${tag}@UNI.EDU;S-${tag}-9;C\n` +
      'Bob;bob@;;\n' +
      `;nameless.${tag}@uni.edu;;\n` +
      `Long;long.${tag}@uni.edu;${'9'.repeat(80)};\n`;
    const before = await members();
    const result = await preview(csv);
    const outcome = (line: number) => result.lines.find((l) => l.line === line)!;
    expect(result.lines.map((l) => [l.line, l.outcome])).toEqual([
      [2, 'NEW_INVITATION'],
      [3, 'ADD_EXISTING'],
      [4, 'UPDATE'],
      [5, 'ALREADY_MEMBER_UNCHANGED'],
      [6, 'DUPLICATE'],
      [7, 'INVALID'],
      [8, 'INVALID'],
      [9, 'INVALID'],
    ]);
    expect(outcome(2)).toMatchObject({ name: 'New Person', studentNumber: `S-${tag}-1`, section: 'A' });
    expect(outcome(4).detail).toContain(`student number (none) → S-${tag}-3`);
    expect(outcome(6).detail).toBe(`line 6: new.${tag}@uni.edu is on line 2 already`);
    expect(outcome(7).detail).toBe("line 7: 'bob@' is not an e-mail address");
    expect(outcome(8).detail).toBe(`line 8: no name for nameless.${tag}@uni.edu`);
    expect(outcome(9).detail).toMatch(/^line 9: student number .* is longer than 64 characters$/);
    expect(result.totals).toEqual({ lines: 8, newInvitation: 1, addExisting: 1, update: 1, alreadyMemberUnchanged: 1, alreadyInvited: 0, duplicate: 1, invalid: 3 });
    expect(result.applied).toBe(false);
    expect((await members()).totalCount).toBe(before.totalCount);
    expect((await outbox()).outbox).toHaveLength(0);
  });

  it('refuses files it cannot read, naming what is wrong', async () => {
    const noEmail = await server.gql(PREVIEW, { s: course.spaceId, c: 'name,student number\nAna,1\n' }, course.admin.token);
    expect(noEmail.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(noEmail.errors?.[0].message).toContain('no e-mail column');
    const unclosed = await server.gql(PREVIEW, { s: course.spaceId, c: 'name,email\nAna,ana@uni.edu\n"Bob,bob@uni.edu\n' }, course.admin.token);
    expect(unclosed.errors?.[0].message).toMatch(/^line 3: a quoted field starts here and is never closed/);
    expect((await server.gql(PREVIEW, { s: course.spaceId, c: '\n\n' }, course.admin.token)).errors?.[0].message).toMatch(/roster is empty/);
  });

  it('applies in one transaction: invalid lines need consent, a changed preview is refused, a failure leaves nothing', async () => {
    const spaceId = await newCourse();
    const tag = word();
    const known = await createUser(server, 'Known Student');
    const csv = `name,email,student number,section\nFresh One,fresh1.${tag}@uni.edu,N1,A\nFresh Two,fresh2.${tag}@uni.edu,N2,B\nKnown Student,${known.email},N3,A\nBroken,broken@,,\n`;
    const first = await preview(csv, course.admin.token, spaceId);
    expect(first.totals).toMatchObject({ newInvitation: 2, addExisting: 1, invalid: 1 });

    const refused = await apply(csv, first.previewHash, false, spaceId);
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(refused.errors?.[0].message).toContain("line 5: 'broken@' is not an e-mail address");

    const stale = await apply(csv, 'a'.repeat(64), true, spaceId);
    expect(stale.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(stale.errors?.[0].message).toMatch(/changed since the preview/);

    const { audit } = server.app.services;
    const append = jest.spyOn(audit, 'append').mockRejectedValueOnce(new Error('disk gone'));
    try {
      expect((await apply(csv, first.previewHash, true, spaceId)).errors).toHaveLength(1);
    } finally {
      append.mockRestore();
    }
    expect((await members(spaceId)).totalCount).toBe(1);
    expect((await outbox(spaceId)).outbox).toHaveLength(0);
    expect((await outbox(spaceId)).invitations).toHaveLength(0);

    const done = await apply(csv, first.previewHash, true, spaceId);
    expect(done.data?.applyRosterImport).toMatchObject({ applied: true, totals: { newInvitation: 2, addExisting: 1, invalid: 1 } });
    const list = await members(spaceId);
    expect(list.totalCount).toBe(2);
    expect(list.nodes.find((m: { user: { id: string } }) => m.user.id === known.id)).toMatchObject({ role: 'MEMBER', studentNumber: 'N3', section: 'A' });
    const mail = await outbox(spaceId);
    expect(mail.outbox.map((m: { recipient: string }) => m.recipient).sort()).toEqual([`fresh1.${tag}@uni.edu`, `fresh2.${tag}@uni.edu`]);
    expect(mail.invitations).toEqual(
      expect.arrayContaining([expect.objectContaining({ email: `fresh1.${tag}@uni.edu`, studentNumber: 'N1', section: 'A', acceptedAt: null })]),
    );
    // The known student got a personal workspace as a member.
    const { space } = await server.ok('query($id: ID!) { space(id: $id) { workspaces { kind ownerId } } }', { id: spaceId }, course.admin.token);
    expect(space.workspaces).toContainEqual({ kind: 'PERSONAL', ownerId: known.id });
    const events = await server.ok('query($s: ID!) { auditEvents(spaceId: $s, first: 10) { nodes { action } } }', { s: spaceId }, course.admin.token);
    expect(events.auditEvents.nodes.map((e: { action: string }) => e.action)).toContain('roster.imported');

    // The same file again: nothing to do, no mail.
    const again = await preview(csv, course.admin.token, spaceId);
    expect(again.totals).toMatchObject({ newInvitation: 0, addExisting: 0, update: 0, alreadyInvited: 2, alreadyMemberUnchanged: 1, invalid: 1 });
    const auditCount = async () => (await server.ok('query($s: ID!) { auditEvents(spaceId: $s, first: 100) { nodes { action } } }', { s: spaceId }, course.admin.token)).auditEvents.nodes.length;
    const eventsBefore = await auditCount();
    expect((await apply(csv, again.previewHash, true, spaceId)).data?.applyRosterImport.applied).toBe(true);
    expect(await auditCount()).toBe(eventsBefore);
    expect((await outbox(spaceId)).outbox).toHaveLength(2);
    expect((await members(spaceId)).totalCount).toBe(2);

    // A student opens the link from the outbox, joins, and their student number comes along.
    const link = mail.outbox.find((m: { recipient: string }) => m.recipient === `fresh2.${tag}@uni.edu`).body.match(/\/invite\/(sc_inv_[\w-]+)/)[1];
    const joined = await server.ok(ACCEPT, { t: link, s: { name: 'Fresh Two', password: PASSWORD } });
    expect(joined.acceptInvitation.space.myRole).toBe('MEMBER');
    const found = await members(spaceId, 'n2');
    expect(found.totalCount).toBe(1);
    expect(found.nodes[0]).toMatchObject({ studentNumber: 'N2', section: 'B', user: { email: `fresh2.${tag}@uni.edu` } });
    expect((await preview(csv, course.admin.token, spaceId)).lines.find((l) => l.line === 3)!.outcome).toBe('ALREADY_MEMBER_UNCHANGED');
  });

  it('lists the newest open invitations of a large import and says how many there are', async () => {
    const spaceId = await newCourse();
    const tag = word();
    const csv = ['name,email', ...Array.from({ length: 120 }, (_, i) => `Student ${i},s${i}.${tag}@uni.edu`)].join('\n');
    const planned = await preview(csv, course.admin.token, spaceId);
    expect((await apply(csv, planned.previewHash, false, spaceId)).data?.applyRosterImport.applied).toBe(true);
    const LIST = `query($s: ID!) { space(id: $s) { invitations(open: true) { id email } open: invitationCount(open: true) all: invitationCount } }`;
    const first = (await server.ok(LIST, { s: spaceId }, course.admin.token)).space;
    expect(first.invitations).toHaveLength(100);
    expect(first.open).toBe(120);
    expect(first.all).toBe(120);
    // One withdrawn and one used: no longer open, still counted among all.
    await server.ok('mutation($id: ID!) { revokeInvitation(id: $id) { id } }', { id: first.invitations[0].id }, course.admin.token);
    // The outbox lists the newest 100 of the 120 mails, sent in the same instant: join through one it lists.
    const mails: { recipient: string; body: string }[] = (await outbox(spaceId)).outbox;
    const joining = first.invitations.slice(1).find((i: { email: string }) => mails.some((m) => m.recipient === i.email)).email as string;
    const link = mails.find((m) => m.recipient === joining)!.body.match(/\/invite\/(sc_inv_[\w-]+)/)![1];
    await server.ok(ACCEPT, { t: link, s: { name: 'Joining student', password: PASSWORD } });
    const after = (await server.ok(LIST, { s: spaceId }, course.admin.token)).space;
    expect(after.open).toBe(118);
    expect(after.all).toBe(120);
    expect(after.invitations.map((i: { email: string }) => i.email)).not.toContain(joining);
    expect(after.invitations.map((i: { id: string }) => i.id)).not.toContain(first.invitations[0].id);
    // Staff who are not admins see neither.
    expect((await server.gql(LIST, { s: spaceId }, course.ta.token)).errors?.[0]?.extensions?.code).toBeDefined();
  });

  it('only admins import, and not a role above what they may offer', async () => {
    const csv = `name,email\nSomeone,someone.${word()}@uni.edu\n`;
    for (const token of [course.ta.token, course.students[0].token]) {
      expect((await server.gql(PREVIEW, { s: course.spaceId, c: csv }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await server.gql(PREVIEW, { s: course.spaceId, c: csv }, course.outsider.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('shows student number and section in the tracker (searchable) and in both grade exports', async () => {
    const spaceId = await newCourse();
    const { space } = await server.ok('query($id: ID!) { space(id: $id) { workspaces { id kind } } }', { id: spaceId }, course.admin.token);
    const master = space.workspaces.find((w: { kind: string }) => w.kind === 'MASTER').id;
    await upload(server, course.admin.token, master, 'files/task.txt', 'do it\n');
    const a = await createUser(server, 'Alma Roster');
    const b = await createUser(server, 'Bert Roster');
    const csv = `name,email,student number,section\nAlma Roster,${a.email},2024-001,Tue\nBert Roster,${b.email},2024-002,Wed\n`;
    const plan = await preview(csv, course.admin.token, spaceId);
    await apply(csv, plan.previewHash, false, spaceId);
    const { createAssignment } = await server.ok(
      'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }',
      { i: { spaceId, title: 'Roster', source: { workspaceId: master }, paths: ['files/task.txt'], deadline: new Date(Date.now() + 86_400_000).toISOString() } },
      course.admin.token,
    );
    await waitFor(
      () => server.ok('query($id: ID!) { assignment(id: $id) { releasedAt } }', { id: createAssignment.id }, course.admin.token),
      (d) => !!d.assignment.releasedAt,
      'the release',
    );
    const tracker = await server.ok(
      'query($a: ID!, $q: String) { handInStatuses(assignmentId: $a, search: $q) { totalCount nodes { studentNumber section student { name } } } }',
      { a: createAssignment.id, q: '2024-002' },
      course.admin.token,
    );
    expect(tracker.handInStatuses.nodes).toEqual([{ studentNumber: '2024-002', section: 'Wed', student: { name: 'Bert Roster' } }]);
    const csvExport = await server.fetch(`/api/assignments/${createAssignment.id}/grades.csv`, { token: course.admin.token });
    const [header, ...rows] = parse(await csvExport.text(), { bom: true }) as string[][];
    expect(header.slice(0, 4)).toEqual(['Name', 'E-mail', 'Student number', 'Section']);
    expect(rows.map((r) => r.slice(0, 4))).toEqual([
      ['Alma Roster', a.email, '2024-001', 'Tue'],
      ['Bert Roster', b.email, '2024-002', 'Wed'],
    ]);
    const xlsx = await server.fetch(`/api/assignments/${createAssignment.id}/grades.xlsx`, { token: course.admin.token });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = book.getWorksheet('Grades')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['Name', 'E-mail', 'Student number', 'Section']);
    expect([sheet.getRow(2).getCell(3).value, sheet.getRow(2).getCell(4).value]).toEqual(['2024-001', 'Tue']);
  });

  it('changes roles and removes members in bulk, all or none, keeping an admin and the removed work', async () => {
    const spaceId = await newCourse();
    const [x, y, z] = [await createUser(server, 'Xena'), await createUser(server, 'Yuri'), await createUser(server, 'Zoe')];
    const csv = `name,email\nXena,${x.email}\nYuri,${y.email}\nZoe,${z.email}\n`;
    await apply(csv, (await preview(csv, course.admin.token, spaceId)).previewHash, false, spaceId);
    const CHANGE = 'mutation($s: ID!, $u: [ID!]!, $r: Role!) { changeMemberRoles(spaceId: $s, userIds: $u, role: $r) { role user { id } } }';
    const REMOVE = 'mutation($s: ID!, $u: [ID!]!) { removeMembers(spaceId: $s, userIds: $u) }';
    const changed = await server.ok(CHANGE, { s: spaceId, u: [x.id, y.id], r: 'TA' }, course.admin.token);
    expect(changed.changeMemberRoles.map((m: { role: string }) => m.role)).toEqual(['TA', 'TA']);
    const roleOf = async (id: string) => (await members(spaceId)).nodes.find((m: { user: { id: string } }) => m.user.id === id)?.role ?? null;
    expect([await roleOf(x.id), await roleOf(y.id), await roleOf(z.id)]).toEqual(['TA', 'TA', 'MEMBER']);

    // A TA cannot change roles; an unknown member in the list changes nothing.
    expect((await server.gql(CHANGE, { s: spaceId, u: [z.id], r: 'VIEWER' }, x.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const unknown = await server.gql(CHANGE, { s: spaceId, u: [z.id, course.outsider.id], r: 'VIEWER' }, course.admin.token);
    expect(unknown.errors?.[0].message).toContain(`user ${rawId(course.outsider.id)} is not a member of this space`);
    expect(await roleOf(z.id)).toBe('MEMBER');

    // Demoting or removing the last admin is refused, with the others in the same call left as they were.
    const demote = await server.gql(CHANGE, { s: spaceId, u: [course.admin.id, z.id], r: 'MEMBER' }, course.admin.token);
    expect(demote.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(await roleOf(z.id)).toBe('MEMBER');
    const removeAdmin = await server.gql(REMOVE, { s: spaceId, u: [course.admin.id, y.id] }, course.admin.token);
    expect(removeAdmin.errors?.[0].message).toMatch(/at least one admin/);
    expect(await roleOf(y.id)).toBe('TA');

    // An admin edits one member's details; a bad value is refused and changes nothing.
    const DETAILS = 'mutation($s: ID!, $u: ID!, $i: MemberDetailsInput!) { updateMemberDetails(spaceId: $s, userId: $u, input: $i) { studentNumber section } }';
    expect((await server.ok(DETAILS, { s: spaceId, u: z.id, i: { studentNumber: ' 77-1 ', section: 'B' } }, course.admin.token)).updateMemberDetails).toEqual({ studentNumber: '77-1', section: 'B' });
    const tooLong = await server.gql(DETAILS, { s: spaceId, u: z.id, i: { section: 'x'.repeat(101) } }, course.admin.token);
    expect(tooLong.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect((await server.ok(DETAILS, { s: spaceId, u: z.id, i: { section: null } }, course.admin.token)).updateMemberDetails).toEqual({ studentNumber: '77-1', section: null });

    const ownBefore = await server.ok('query($id: ID!) { space(id: $id) { workspaces { id ownerId } } }', { id: spaceId }, course.admin.token);
    const zWorkspace = ownBefore.space.workspaces.find((w: { ownerId: string }) => w.ownerId === z.id).id;
    expect((await server.ok(REMOVE, { s: spaceId, u: [y.id, z.id] }, course.admin.token)).removeMembers).toBe(2);
    expect((await members(spaceId)).totalCount).toBe(2);
    const after = await server.ok('query($id: ID!) { space(id: $id) { workspaces { id } } }', { id: spaceId }, course.admin.token);
    expect(after.space.workspaces.map((w: { id: string }) => w.id)).toContain(zWorkspace);
    const events = await server.ok('query($s: ID!) { auditEvents(spaceId: $s, first: 20) { nodes { action } } }', { s: spaceId }, course.admin.token);
    expect(events.auditEvents.nodes.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['member.role-changed', 'member.removed']));
  });

  it('searches the member list by name, e-mail or student number, with a total', async () => {
    const spaceId = await newCourse();
    const rows = Array.from({ length: 120 }, (_, i) => `Person ${String(i).padStart(3, '0')},p${i}.${word()}@uni.edu,K-${1000 + i},S${i % 3}`);
    const csv = `name,email,student number,section\n${rows.join('\n')}\n`;
    await apply(csv, (await preview(csv, course.admin.token, spaceId)).previewHash, false, spaceId);
    expect((await members(spaceId, 'k-1007')).nodes).toEqual([]);
    const people = await Promise.all(Array.from({ length: 3 }, (_, i) => createUser(server, `Searchable ${i}`)));
    const csv2 = `name,email,student number\n${people.map((p, i) => `${p.name},${p.email},Q-${i}`).join('\n')}\n`;
    await apply(csv2, (await preview(csv2, course.admin.token, spaceId)).previewHash, false, spaceId);
    expect((await members(spaceId, 'q-1')).nodes.map((m: { user: { name: string } }) => m.user.name)).toEqual(['Searchable 1']);
    expect((await members(spaceId, 'SEARCHABLE')).totalCount).toBe(3);
    expect((await members(spaceId, people[2].email.toUpperCase())).nodes[0].studentNumber).toBe('Q-2');
    expect((await members(spaceId, '%')).totalCount).toBe(0);
  });
});

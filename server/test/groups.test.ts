import { parse } from 'csv-parse/sync';
import { createCourse, upload, type TestCourse, type TestUser } from './support/factories';
import { codeOf, describeDb, startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait';
import { rawId } from './support/ids';

const PREVIEW = 'query($s: ID!, $c: String!) { previewRosterImport(spaceId: $s, csv: $c) { previewHash } }';
const APPLY = 'mutation($s: ID!, $c: String!, $h: String!) { applyRosterImport(spaceId: $s, csv: $c, previewHash: $h, skipInvalid: false) { applied } }';
const CREATE = 'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id groupWork } }';
const UPDATE = 'mutation($id: ID!, $i: UpdateAssignmentInput!) { updateAssignment(id: $id, input: $i) { groupWork } }';
const GROUPS = 'query($a: ID!) { assignmentGroups(assignmentId: $a) { id name workspaceId handedIn members { id } } }';
const FROM_ROSTER = 'mutation($a: ID!) { groupsFromRoster(assignmentId: $a) { id name workspaceId members { id } } }';
const CREATE_GROUP = 'mutation($a: ID!, $n: String!, $m: [ID!]!) { createGroup(assignmentId: $a, name: $n, memberIds: $m) { id name workspaceId members { id } } }';
const MOVE = 'mutation($a: ID!, $u: ID!, $g: ID) { setGroupMember(assignmentId: $a, userId: $u, groupId: $g) { notice groups { name members { id } } } }';
const OBJECT = 'query($w: ID!, $p: String!) { workspace(id: $w) { object(path: $p) { size } } }';
const HAND_IN = 'mutation($a: ID!) { handInAssignment(assignmentId: $a) { handIn { id contentHash } } }';
const HAND_INS = 'query($a: ID!) { handIns(assignmentId: $a) { id contentHash } }';
const NOTICES = '{ notifications(first: 50) { nodes { kind title body } } }';
const STATUSES = 'query($a: ID!) { handInStatuses(assignmentId: $a, first: 100) { nodes { student { id name } status } } }';
const SET_GRADE = 'mutation($a: ID!, $s: ID!, $p: Float!) { setGrade(assignmentId: $a, studentId: $s, input: { points: $p }) { grade { points } } }';
const ADJUST = 'mutation($a: ID!, $s: ID!, $p: Float!, $r: String!) { setGradeAdjustment(assignmentId: $a, studentId: $s, points: $p, reason: $r) { points reason groupId } }';
const ADJUSTMENTS = 'query($a: ID!) { gradeAdjustments(assignmentId: $a) { studentId points reason } }';
const RETURN = 'mutation($a: ID!) { returnGrades(assignmentId: $a) { returnedCount returned } }';
const MY_FEEDBACK = 'query($a: ID!) { myFeedback(assignmentId: $a) { returned grade { points } } }';
const REGRADE = 'mutation($a: ID!) { requestRegrade(assignmentId: $a, message: "Please look again") { id } }';
const ANNOTATE = 'mutation($h: ID!) { createAnnotation(handInId: $h, input: { path: "files/answer.txt", startLine: 1, body: "Say why" }) { id } }';
const MY_ANNOTATIONS = 'query($a: ID!) { myFeedback(assignmentId: $a) { annotations { id path startLine body } } }';
const MY_REGRADES = 'query($a: ID!) { myFeedback(assignmentId: $a) { regradeRequests { id message } } }';
const NODE = 'query($id: ID!) { node(id: $id) { __typename id } }';
const GRANT = 'mutation($a: ID!, $s: ID!, $d: DateTimeISO!) { grantExtension(assignmentId: $a, studentId: $s, deadline: $d, reason: "Flooded lab") { id } }';
const EXTENSIONS = 'query($a: ID!) { assignment(id: $a) { extensions { id } } }';

describeDb('group assignments', () => {
  let server: TestServer;
  let course: TestCourse;
  let s: TestUser[];
  let assignmentId: string;
  let red: { id: string; workspaceId: string };
  let blue: { id: string; workspaceId: string };
  let annotationId: string;
  const deadline = () => new Date(Date.now() + 86_400_000).toISOString();
  const csvOf = async (name: string) =>
    parse(await (await server.fetch(`/api/assignments/${assignmentId}/${name}`, { token: course.ta.token })).text(), { columns: true, bom: true }) as Record<string, string>[];

  beforeAll(async () => {
    server = await startTestServer();
    course = await createCourse(server, 5);
    s = course.students;
    await upload(server, course.admin.token, course.master, 'files/material.txt', 'the task');
    // The roster's group column: two groups, and one student in none.
    const roster = ['name,email,group', `${s[0].name},${s[0].email},Red`, `${s[1].name},${s[1].email},Red`, `${s[2].name},${s[2].email},Blue`, `${s[3].name},${s[3].email},Blue`].join('\n');
    const { previewRosterImport } = await server.ok(PREVIEW, { s: course.spaceId, c: roster }, course.admin.token);
    await server.ok(APPLY, { s: course.spaceId, c: roster, h: previewRosterImport.previewHash }, course.admin.token);
    const { createAssignment } = await server.ok(
      CREATE,
      { i: { spaceId: course.spaceId, title: 'Group project', source: { workspaceId: course.master }, paths: ['files/material.txt'], handInPaths: ['files/answer.txt'], deadline: deadline(), groupWork: true } },
      course.admin.token,
    );
    expect(createAssignment.groupWork).toBe(true);
    assignmentId = createAssignment.id;
  });
  afterAll(() => server.stop());

  it("makes one group per value of the roster's group column, each with a workspace that receives the material", async () => {
    const { groupsFromRoster } = await server.ok(FROM_ROSTER, { a: assignmentId }, course.admin.token);
    const byName = Object.fromEntries(groupsFromRoster.map((g: { name: string; members: { id: string }[] }) => [g.name, g.members.map((m) => m.id).sort()]));
    expect(byName).toEqual({ Blue: [s[2].id, s[3].id].sort(), Red: [s[0].id, s[1].id].sort() });
    red = groupsFromRoster.find((g: { name: string }) => g.name === 'Red');
    blue = groupsFromRoster.find((g: { name: string }) => g.name === 'Blue');
    expect(red.workspaceId).not.toBe(blue.workspaceId);
    for (const g of [red, blue]) {
      await waitFor(() => server.gql(OBJECT, { w: g.workspaceId, p: 'files/material.txt' }, course.admin.token), (r) => !r.errors, 'the material in the group workspace');
    }
    // The single students' workspaces get nothing: the material goes to the groups.
    expect(codeOf(await server.gql(OBJECT, { w: course.personal.get(s[0].id)!, p: 'files/material.txt' }, s[0].token))).toBe('NOT_FOUND');
    // A second run finds nobody new.
    expect(codeOf(await server.gql(FROM_ROSTER, { a: assignmentId }, course.admin.token))).toBe('BAD_USER_INPUT');
    // A student sees only their own group.
    expect((await server.ok(GROUPS, { a: assignmentId }, s[0].token)).assignmentGroups.map((g: { name: string }) => g.name)).toEqual(['Red']);
    expect((await server.ok(GROUPS, { a: assignmentId }, s[4].token)).assignmentGroups).toEqual([]);
  });

  it("opens a group's workspace to its members and staff only", async () => {
    await upload(server, s[0].token, red.workspaceId, 'files/answer.txt', 'our answer');
    expect((await server.ok(OBJECT, { w: red.workspaceId, p: 'files/answer.txt' }, s[1].token)).workspace.object.size).toBe(10);
    expect((await server.ok(OBJECT, { w: red.workspaceId, p: 'files/answer.txt' }, course.ta.token)).workspace.object.size).toBe(10);
    for (const outsider of [s[2], s[4]]) {
      expect(codeOf(await server.gql(OBJECT, { w: red.workspaceId, p: 'files/answer.txt' }, outsider.token))).toBe('NOT_FOUND');
      const res = await server.fetch(`/api/workspaces/${red.workspaceId}/files/answer.txt`, { method: 'PUT', token: outsider.token, body: 'vandal' });
      expect(res.status).toBe(404);
      const { space } = await server.ok('query($id: ID!) { space(id: $id) { workspaces { id } } }', { id: course.spaceId }, outsider.token);
      expect(space.workspaces.map((w: { id: string }) => w.id)).not.toContain(red.workspaceId);
    }
    const { space } = await server.ok('query($id: ID!) { space(id: $id) { workspaces { id } } }', { id: course.spaceId }, s[3].token);
    expect(space.workspaces.map((w: { id: string }) => w.id)).toContain(blue.workspaceId);
  });

  it('takes one hand-in for the group from any member, with one receipt every member sees and is told about', async () => {
    const noticesBefore = (await server.ok(NOTICES, {}, s[0].token)).notifications.nodes.length;
    const { handInAssignment } = await server.ok(HAND_IN, { a: assignmentId }, s[1].token);
    // The other member sees the same hand-in and receipt.
    const { handIns } = await server.ok(HAND_INS, { a: assignmentId }, s[0].token);
    expect(handIns).toEqual([{ id: handInAssignment.handIn.id, contentHash: handInAssignment.handIn.contentHash }]);
    expect((await server.ok(HAND_INS, { a: assignmentId }, s[2].token)).handIns).toEqual([]);
    expect(codeOf(await server.gql('query($id: ID!) { handIn(id: $id) { id } }', { id: handInAssignment.handIn.id }, s[2].token))).toBe('NOT_FOUND');
    for (const member of [s[0], s[1]]) {
      const notes = (await server.ok(NOTICES, {}, member.token)).notifications.nodes.filter((n: { kind: string }) => n.kind === 'GROUP_HAND_IN');
      expect(notes).toHaveLength(1);
      expect(notes[0].body).toContain(s[1].name);
      expect(notes[0].body).toContain(handInAssignment.handIn.contentHash);
    }
    expect((await server.ok(NOTICES, {}, s[0].token)).notifications.nodes.length).toBe(noticesBefore + 1);
    expect((await server.ok(NOTICES, {}, s[2].token)).notifications.nodes.filter((n: { kind: string }) => n.kind === 'GROUP_HAND_IN')).toHaveLength(0);
    // A student in no group cannot hand in; staff see one row per group, its members named.
    expect(codeOf(await server.gql(HAND_IN, { a: assignmentId }, s[4].token))).toBe('FORBIDDEN');
    const rows = (await server.ok(STATUSES, { a: assignmentId }, course.ta.token)).handInStatuses.nodes;
    expect(rows).toHaveLength(2);
    const redRow = rows.find((r: { student: { id: string } }) => r.student.id === red.id);
    expect(redRow.student.name).toBe(`Red (${[s[0].name, s[1].name].sort().join(', ')})`);
    expect(redRow.status).toBe('HANDED_IN');
  });

  it("keeps the staff's comments on the group's hand-in from every member until the grade is returned", async () => {
    const [handIn] = (await server.ok(HAND_INS, { a: assignmentId }, course.ta.token)).handIns;
    annotationId = (await server.ok(ANNOTATE, { h: handIn.id }, course.ta.token)).createAnnotation.id;
    for (const member of [s[0], s[1]]) {
      expect((await server.ok(MY_ANNOTATIONS, { a: assignmentId }, member.token)).myFeedback.annotations).toEqual([]);
      expect(codeOf(await server.gql(NODE, { id: annotationId }, member.token))).toBe('NOT_FOUND');
    }
  });

  it('grades the group once, adjusts one member, and exports every member with the group grade plus their adjustment', async () => {
    await server.ok(SET_GRADE, { a: assignmentId, s: red.id, p: 8 }, course.ta.token);
    const { setGradeAdjustment } = await server.ok(ADJUST, { a: assignmentId, s: s[1].id, p: -2, r: 'took no part in the analysis' }, course.ta.token);
    expect(setGradeAdjustment).toEqual({ points: -2, reason: 'took no part in the analysis', groupId: red.id });
    // Not visible to the student before the return.
    expect((await server.ok(ADJUSTMENTS, { a: assignmentId }, s[1].token)).gradeAdjustments).toEqual([]);
    // The one graded and returned is the group: its id names an AssignmentGroup, as the groups list answers it.
    expect((await server.ok(RETURN, { a: assignmentId }, course.ta.token)).returnGrades).toEqual({ returnedCount: 1, returned: [red.id] });
    expect((await server.ok('query($a: ID!, $s: ID!) { feedback(assignmentId: $a, studentId: $s) { studentId } }', { a: assignmentId, s: red.id }, course.ta.token)).feedback.studentId).toBe(red.id);
    for (const member of [s[0], s[1]]) {
      expect((await server.ok('query($a: ID!) { myFeedback(assignmentId: $a) { studentId } }', { a: assignmentId }, member.token)).myFeedback.studentId).toBe(red.id);
      expect((await server.ok(MY_FEEDBACK, { a: assignmentId }, member.token)).myFeedback).toEqual({ returned: true, grade: { points: 8 } });
      // The group's feedback files are each member's to read.
      const files = await server.gql('query($a: ID!) { myFeedback(assignmentId: $a) { files(first: 10) { nodes { name } } } }', { a: assignmentId }, member.token);
      expect(files.errors).toBeUndefined();
      const kinds = (await server.ok(NOTICES, {}, member.token)).notifications.nodes.map((n: { kind: string }) => n.kind);
      expect(kinds).toContain('FEEDBACK_RETURNED');
    }
    expect((await server.ok(ADJUSTMENTS, { a: assignmentId }, s[1].token)).gradeAdjustments).toEqual([{ studentId: s[1].id, points: -2, reason: 'took no part in the analysis' }]);
    expect((await server.ok(ADJUSTMENTS, { a: assignmentId }, s[0].token)).gradeAdjustments).toEqual([]);
    const csv = await csvOf('grades.csv');
    expect(csv).toHaveLength(5);
    const row = (u: TestUser) => csv.find((r) => r.Name === u.name)!;
    expect(row(s[0])).toMatchObject({ Group: 'Red', 'E-mail': s[0].email, Status: 'Returned', 'Points (of 100)': '8', Adjustment: '', 'Total (of 100)': '8' });
    expect(row(s[1])).toMatchObject({ Group: 'Red', 'Points (of 100)': '8', Adjustment: '-2', 'Adjustment reason': 'took no part in the analysis', 'Total (of 100)': '6' });
    expect(row(s[2])).toMatchObject({ Group: 'Blue', 'Points (of 100)': '', 'Total (of 100)': '' });
    expect(row(s[4])).toMatchObject({ Group: '', Status: 'Not in a group' });
    const canvas = parse(await (await server.fetch(`/api/assignments/${assignmentId}/grades-canvas.csv`, { token: course.ta.token })).text()) as string[][];
    expect(canvas).toContainEqual([s[1].name, '', '', s[1].email, 'Red', '6']);
    expect(canvas).toContainEqual([s[0].name, '', '', s[0].email, 'Red', '8']);
  });

  it("shows every member the staff's comments on the group's hand-in once returned, and nobody outside the group", async () => {
    for (const member of [s[0], s[1]]) {
      expect((await server.ok(MY_ANNOTATIONS, { a: assignmentId }, member.token)).myFeedback.annotations).toEqual([{ id: annotationId, path: 'files/answer.txt', startLine: 1, body: 'Say why' }]);
      expect((await server.ok(NODE, { id: annotationId }, member.token)).node).toEqual({ __typename: 'Annotation', id: annotationId });
    }
    expect((await server.ok(MY_ANNOTATIONS, { a: assignmentId }, s[2].token)).myFeedback.annotations).toEqual([]);
    for (const outsider of [s[2], s[4]]) expect(codeOf(await server.gql(NODE, { id: annotationId }, outsider.token))).toBe('NOT_FOUND');
  });

  it('takes one regrade request per criterion from the whole group, and shows it to every member', async () => {
    const { requestRegrade } = await server.ok(REGRADE, { a: assignmentId }, s[0].token);
    const again = await server.gql(REGRADE, { a: assignmentId }, s[1].token);
    expect(codeOf(again)).toBe('CONFLICT');
    expect(again.errors?.[0].message).toMatch(/your group asked/);
    for (const member of [s[0], s[1]]) {
      expect((await server.ok(MY_REGRADES, { a: assignmentId }, member.token)).myFeedback.regradeRequests).toEqual([{ id: requestRegrade.id, message: 'Please look again' }]);
      expect((await server.ok(NODE, { id: requestRegrade.id }, member.token)).node).toEqual({ __typename: 'RegradeRequest', id: requestRegrade.id });
    }
    expect((await server.ok(MY_REGRADES, { a: assignmentId }, s[2].token)).myFeedback.regradeRequests).toEqual([]);
    for (const outsider of [s[2], s[4]]) expect(codeOf(await server.gql(NODE, { id: requestRegrade.id }, outsider.token))).toBe('NOT_FOUND');
  });

  it("shows a group's extension to each of its members and to nobody else", async () => {
    const { grantExtension } = await server.ok(GRANT, { a: assignmentId, s: red.id, d: new Date(Date.now() + 3 * 86_400_000).toISOString() }, course.admin.token);
    for (const member of [s[0], s[1]]) {
      expect((await server.ok(EXTENSIONS, { a: assignmentId }, member.token)).assignment.extensions).toEqual([{ id: grantExtension.id }]);
      expect((await server.ok(NODE, { id: grantExtension.id }, member.token)).node).toEqual({ __typename: 'Extension', id: grantExtension.id });
    }
    for (const outsider of [s[2], s[4]]) {
      expect((await server.ok(EXTENSIONS, { a: assignmentId }, outsider.token)).assignment.extensions).toEqual([]);
      expect(codeOf(await server.gql(NODE, { id: grantExtension.id }, outsider.token))).toBe('NOT_FOUND');
    }
  });

  it('refuses bad input and changes nothing', async () => {
    const groupsBefore = (await server.ok(GROUPS, { a: assignmentId }, course.admin.token)).assignmentGroups;
    const unknown = await server.gql(CREATE_GROUP, { a: assignmentId, n: 'Green', m: [course.outsider.id] }, course.admin.token);
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0].message).toContain(rawId(course.outsider.id));
    const twice = await server.gql(CREATE_GROUP, { a: assignmentId, n: 'Green', m: [s[4].id, s[0].id] }, course.admin.token);
    expect(codeOf(twice)).toBe('BAD_USER_INPUT');
    expect(twice.errors?.[0].message).toContain(`${s[0].name} is in group 'Red'`);
    expect(codeOf(await server.gql(CREATE_GROUP, { a: assignmentId, n: 'Red', m: [] }, course.admin.token))).toBe('CONFLICT');
    expect(codeOf(await server.gql(MOVE, { a: assignmentId, u: course.ta.id, g: red.id }, course.admin.token))).toBe('BAD_USER_INPUT');
    expect(codeOf(await server.gql(ADJUST, { a: assignmentId, s: s[4].id, p: 1, r: 'extra' }, course.ta.token))).toBe('BAD_USER_INPUT');
    expect(codeOf(await server.gql(ADJUST, { a: assignmentId, s: s[0].id, p: 1, r: ' ' }, course.ta.token))).toBe('BAD_USER_INPUT');
    expect(codeOf(await server.gql('mutation($g: ID!) { deleteGroup(groupId: $g) }', { g: red.id }, course.admin.token))).toBe('CONFLICT');
    expect((await server.ok(GROUPS, { a: assignmentId }, course.admin.token)).assignmentGroups).toEqual(groupsBefore);
    // Switching between groups and single students: not once anyone handed in, nor once material was pushed.
    const switched = await server.gql(UPDATE, { id: assignmentId, i: { groupWork: false } }, course.admin.token);
    expect(codeOf(switched)).toBe('CONFLICT');
    expect(switched.errors?.[0].message).toMatch(/has hand-ins already/);
    const { createAssignment: single } = await server.ok(
      CREATE,
      { i: { spaceId: course.spaceId, title: 'Solo', source: { workspaceId: course.master }, paths: ['files/material.txt'], deadline: deadline() } },
      course.admin.token,
    );
    const toGroups = await server.gql(UPDATE, { id: single.id, i: { groupWork: true } }, course.admin.token);
    expect(codeOf(toGroups)).toBe('CONFLICT');
    expect(toGroups.errors?.[0].message).toMatch(/was pushed already/);
    expect(codeOf(await server.gql(FROM_ROSTER, { a: single.id }, course.admin.token))).toBe('CONFLICT');
  });

  it('says so when a member who handed in moves, and they keep the grade of the group they handed in with', async () => {
    const { setGroupMember } = await server.ok(MOVE, { a: assignmentId, u: s[1].id, g: blue.id }, course.admin.token);
    expect(setGroupMember.notice).toContain(`handed in with group 'Red'`);
    expect(setGroupMember.groups.find((g: { name: string }) => g.name === 'Blue').members.map((m: { id: string }) => m.id)).toContain(s[1].id);
    // The workspace follows the move at once.
    expect((await server.ok(OBJECT, { w: blue.workspaceId, p: 'files/material.txt' }, s[1].token)).workspace.object.size).toBe(8);
    expect(codeOf(await server.gql(OBJECT, { w: red.workspaceId, p: 'files/answer.txt' }, s[1].token))).toBe('NOT_FOUND');
    const csv = await csvOf('grades.csv');
    expect(csv.find((r) => r.Name === s[1].name)).toMatchObject({ Group: 'Red', 'Total (of 100)': '6' });
    // Moving someone who never handed in says nothing special.
    expect((await server.ok(MOVE, { a: assignmentId, u: s[4].id, g: blue.id }, course.admin.token)).setGroupMember.notice).toBeNull();
  });
});

describeDb('group assignments as staff see them: the release preview, the tracker rows and the export', () => {
  const RELEASE_PREVIEW = 'query($i: CreateAssignmentInput!) { previewAssignmentRelease(input: $i) { targetCount targets { workspace { id name kind ownerId } } } }';
  const SCHEDULED_PREVIEW = 'query($a: ID!) { previewScheduledRelease(assignmentId: $a) { targetCount targets { workspace { id name kind ownerId } changes } } }';
  const ROWS = 'query($a: ID!) { handInStatuses(assignmentId: $a, first: 100) { nodes { student { id name } studentNumber section members { name studentNumber } status } } }';
  type PreviewTarget = { workspace: { id: string; name: string; kind: string; ownerId: string | null } };
  let server: TestServer;
  let course: TestCourse;
  let s: TestUser[];
  const deadline = () => new Date(Date.now() + 86_400_000).toISOString();
  const input = (title: string, extra: Record<string, unknown> = {}) => ({
    spaceId: course.spaceId,
    title,
    source: { workspaceId: course.master },
    paths: ['files/material.txt'],
    handInPaths: ['files/answer.txt'],
    deadline: deadline(),
    groupWork: true,
    ...extra,
  });

  beforeAll(async () => {
    server = await startTestServer();
    course = await createCourse(server, 5);
    s = course.students;
    await upload(server, course.admin.token, course.master, 'files/material.txt', 'the task');
    const roster = [
      'name,email,student number,group',
      `${s[0].name},${s[0].email},N-100,Red`,
      `${s[1].name},${s[1].email},N-101,Red`,
      `${s[2].name},${s[2].email},N-102,Blue`,
      `${s[3].name},${s[3].email},,Blue`,
    ].join('\n');
    const { previewRosterImport } = await server.ok(PREVIEW, { s: course.spaceId, c: roster }, course.admin.token);
    await server.ok(APPLY, { s: course.spaceId, c: roster, h: previewRosterImport.previewHash }, course.admin.token);
  });
  afterAll(() => server.stop());

  it("previews a group assignment's release on the groups' shared workspaces only, never a student's own", async () => {
    // Before the assignment exists it has no groups: the release reaches nobody's personal workspace.
    const single = (await server.ok(RELEASE_PREVIEW, { i: input('Solo preview', { groupWork: false }) }, course.admin.token)).previewAssignmentRelease;
    expect(single.targets.map((t: PreviewTarget) => t.workspace.id)).toEqual(expect.arrayContaining([...course.personal.values()]));
    const grouped = (await server.ok(RELEASE_PREVIEW, { i: input('Group preview') }, course.admin.token)).previewAssignmentRelease;
    expect(grouped).toEqual({ targetCount: 0, targets: [] });

    // Scheduled for later, with its groups made before the release: exactly one shared workspace per group.
    const { createAssignment } = await server.ok(CREATE, { i: input('Rainfall project', { releaseAt: new Date(Date.now() + 3_600_000).toISOString() }) }, course.admin.token);
    expect((await server.ok(SCHEDULED_PREVIEW, { a: createAssignment.id }, course.admin.token)).previewScheduledRelease.targetCount).toBe(0);
    const { groupsFromRoster } = await server.ok(FROM_ROSTER, { a: createAssignment.id }, course.admin.token);
    const { previewScheduledRelease } = await server.ok(SCHEDULED_PREVIEW, { a: createAssignment.id }, course.admin.token);
    expect(previewScheduledRelease.targetCount).toBe(2);
    const targets = previewScheduledRelease.targets.map((t: PreviewTarget & { changes: boolean }) => ({ ...t.workspace, changes: t.changes }));
    expect(targets.sort((a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name))).toEqual(
      ['Blue', 'Red'].map((name) => ({
        id: groupsFromRoster.find((g: { name: string }) => g.name === name).workspaceId,
        name: `Rainfall project: ${name}`,
        kind: 'SHARED',
        ownerId: null,
        changes: true,
      })),
    );
  });

  it('shows one row per group naming its members with their student numbers, "Not started" until a member works in it, and exports the same words', async () => {
    const { createAssignment } = await server.ok(CREATE, { i: input('Weather report') }, course.admin.token);
    const a = createAssignment.id;
    const { groupsFromRoster } = await server.ok(FROM_ROSTER, { a }, course.admin.token);
    const red = groupsFromRoster.find((g: { name: string }) => g.name === 'Red');
    const blue = groupsFromRoster.find((g: { name: string }) => g.name === 'Blue');
    await waitFor(() => server.gql(OBJECT, { w: blue.workspaceId, p: 'files/material.txt' }, course.admin.token), (r) => !r.errors, 'the material in the group workspace');
    type Row = { student: { id: string; name: string }; studentNumber: string | null; section: string | null; members: { name: string; studentNumber: string | null }[] | null; status: string };
    const rows = async (): Promise<Row[]> => (await server.ok(ROWS, { a }, course.ta.token)).handInStatuses.nodes;
    const byName = (x: { name: string }, y: { name: string }) => x.name.localeCompare(y.name);

    const fresh = await rows();
    const redRow = fresh.find((r) => r.student.id === red.id)!;
    expect(redRow).toMatchObject({ studentNumber: null, section: null, status: 'NOT_STARTED' });
    expect(redRow.members).toEqual([{ name: s[0].name, studentNumber: 'N-100' }, { name: s[1].name, studentNumber: 'N-101' }].sort(byName));
    expect(fresh.find((r) => r.student.id === blue.id)).toMatchObject({
      status: 'NOT_STARTED',
      members: [{ name: s[2].name, studentNumber: 'N-102' }, { name: s[3].name, studentNumber: null }].sort(byName),
    });
    // A search by a member's student number finds the group.
    const found = await server.ok('query($a: ID!) { handInStatuses(assignmentId: $a, first: 10, search: "n-102") { nodes { student { id } } } }', { a }, course.ta.token);
    expect(found.handInStatuses.nodes).toEqual([{ student: { id: blue.id } }]);

    // A member's work starts the group; staff's edits do not.
    await upload(server, s[0].token, red.workspaceId, 'files/answer.txt', 'a first draft');
    await upload(server, course.admin.token, blue.workspaceId, 'files/hint.txt', 'a hint from staff');
    const after = await rows();
    expect(after.find((r) => r.student.id === red.id)!.status).toBe('IN_PROGRESS');
    expect(after.find((r) => r.student.id === blue.id)!.status).toBe('NOT_STARTED');

    const csv = parse(await (await server.fetch(`/api/assignments/${a}/grades.csv`, { token: course.ta.token })).text(), { columns: true, bom: true }) as Record<string, string>[];
    const statusOf = (u: TestUser) => csv.find((r) => r.Name === u.name)?.Status;
    expect([s[0], s[1], s[2], s[3]].map(statusOf)).toEqual(['In progress', 'In progress', 'Not started', 'Not started']);
  });
});

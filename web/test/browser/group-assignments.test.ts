import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { apiSession, type ApiSession } from './support/api-client';
import { assertAccessible, demoEmail, openCourse, screenshot } from './support/browser';
import { browserSuite } from './support/suite';

const TITLE = 'Team project: rainfall';
const FOLDER = 'files/team-project';
const RED = 'Red (Amara Okafor, Ben Carter)';
const REASON = 'Ben did not take part in the analysis';
const COMMENT = 'Say which years the plot covers';

describe('group assignments: groups made in the dashboard, one hand-in and one grade per group, one member adjusted', () => {
  const suite = browserSuite('groups');
  let instructor: ApiSession;
  let assignmentId: string;
  let master: string;
  let spaceId: string;

  before(async () => {
    instructor = await apiSession(suite.stack.apiUrl, demoEmail('instructor'));
    const { spaces } = await instructor.request<{ spaces: { nodes: { id: string; name: string; workspaces: { id: string; kind: string }[] }[] } }>(
      '{ spaces { nodes { id name workspaces { id kind } } } }',
    );
    const course = spaces.nodes.find((s) => s.name === 'Data Analysis 101')!;
    spaceId = course.id;
    master = course.workspaces.find((w) => w.kind === 'MASTER')!.id;
    await instructor.upload(master, `${FOLDER}/task.md`, '# Plot the rainfall\n');
    await instructor.upload(master, `${FOLDER}/rainfall.py`, 'import csv\n\nrows = list(csv.reader(open("rain.csv")))\n');
  });

  const card = (page: Page): Locator => page.getByRole('article').filter({ has: page.getByRole('heading', { name: TITLE }) });
  const groupRow = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  const trackerRow = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

  it('the instructor creates a group assignment and makes two groups by hand', { timeout: 120_000 }, async () => {
    const page = await suite.pageFor('instructor');
    await openCourse(page);
    await page.getByRole('tab', { name: 'Assignments' }).click();
    await page.getByRole('link', { name: 'New assignment' }).click();
    await page.getByLabel('Title').fill(TITLE);
    await page.getByLabel('Other paths, one per line').fill(FOLDER);
    await page.getByLabel('Date and time').fill('2031-05-01T12:00');
    await page.getByLabel(/^For groups/).check();
    await page.getByRole('button', { name: 'Preview the release' }).click();
    const dialog = page.getByRole('dialog', { name: 'Check and release' });
    await dialog.waitFor();
    // The material goes to the groups' shared workspaces, of which there is none yet; no student's own workspace is a target.
    await dialog.getByText(/^The material goes to each group’s shared workspace, not to the students’ own\./).waitFor();
    assert.equal(await dialog.getByRole('cell', { name: 'Amara Okafor' }).count(), 0);
    await screenshot(page, 'groups-release-preview');
    await dialog.getByRole('button', { name: 'Create and release' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    assignmentId = page.url().split('/assignments/')[1].split(/[/?#]/)[0];

    const groups = page.getByRole('region', { name: 'Groups' });
    await groups.getByText('No groups yet.').waitFor();
    for (const name of ['Red', 'Blue']) {
      await groups.getByLabel('New group').fill(name);
      await groups.getByRole('button', { name: 'Create the group' }).click();
      await groupRow(page, name).waitFor();
    }
    for (const [student, group] of [
      ['Amara Okafor', 'Red'],
      ['Ben Carter', 'Red'],
      ['Chen Wei', 'Blue'],
      ['Dana Levi', 'Blue'],
    ]) {
      await groups.getByLabel(`Group of ${student}`).selectOption({ label: group });
      await groupRow(page, group).getByText(student).waitFor();
    }
    // Two students stay in no group, and are listed as such.
    const unplaced = groups.getByRole('list').filter({ hasText: 'Emil Novak' });
    await unplaced.getByText('Farah Haddad').waitFor();
    assert.equal(await groupRow(page, 'Red').getByRole('listitem').count(), 2);
    // The tracker below follows: one row per group, its members named.
    await page.getByRole('link', { name: `Grade ${RED}` }).waitFor();
    await page.getByRole('link', { name: 'Grade Blue (Chen Wei, Dana Levi)' }).waitFor();
    // Each group's row lists its members with their student numbers (from the demo roster); nobody has worked yet.
    const red = trackerRow(page, RED);
    await red.getByRole('listitem').filter({ hasText: 'Amara Okafor' }).getByText('DA-101').waitFor();
    await red.getByRole('listitem').filter({ hasText: 'Ben Carter' }).getByText('DA-102').waitFor();
    await red.getByText('Not started', { exact: true }).waitFor();
    assert.equal(await red.getByText(/^Section/).count(), 0);
    await trackerRow(page, 'Blue (Chen Wei, Dana Levi)').getByText('Not started', { exact: true }).waitFor();
    await page.getByRole('columnheader', { name: 'Members and student numbers' }).waitFor();
    // The release section speaks of the groups' workspaces, not the students' own.
    const release = page.getByRole('region', { name: 'Release' });
    await release.getByText('The material goes to each group’s shared workspace').waitFor();
    assert.equal(await release.getByText('each student’s workspace').count(), 0);
    await red.scrollIntoViewIfNeeded();
    await screenshot(page, 'groups-tracker');
    await assertAccessible(page, 'groups-panel');
  });

  it("the material reaches each group's workspace; one member hands in and the other sees the same receipt", { timeout: 120_000 }, async () => {
    const { assignmentGroups } = await instructor.request<{ assignmentGroups: { name: string; workspaceId: string }[] }>(
      'query($a: ID!) { assignmentGroups(assignmentId: $a) { name workspaceId } }',
      { a: assignmentId },
    );
    assert.deepEqual(assignmentGroups.map((g) => g.name).sort(), ['Blue', 'Red']);
    for (const g of assignmentGroups) assert.equal(await instructor.read(g.workspaceId, `${FOLDER}/task.md`), '# Plot the rainfall\n', `the material in ${g.name}'s workspace`);

    const amara = await suite.pageFor('amara');
    await openCourse(amara);
    await card(amara).getByText('Red (Amara Okafor, Ben Carter)').waitFor();
    await card(amara).getByRole('link', { name: 'Open the group’s workspace' }).click();
    await amara.getByRole('link', { name: 'files', exact: true }).click();
    await amara.getByRole('link', { name: 'team-project', exact: true }).click();
    await amara.getByRole('row').filter({ hasText: 'task.md' }).waitFor();
    await screenshot(amara, 'groups-shared-workspace');

    await amara.goBack();
    await amara.goBack();
    await amara.goBack();
    await card(amara).getByRole('button', { name: 'Hand in now' }).click();
    await card(amara).getByText('Keep this receipt.').waitFor();
    const hash = (await card(amara).locator('code.hash').first().innerText()).trim();
    assert.match(hash, /^[0-9a-f]{64}$/);
    await screenshot(amara, 'groups-handed-in');

    const ben = await suite.pageFor('ben');
    await openCourse(ben);
    const receipt = card(ben).getByRole('region', { name: 'Your latest receipt' });
    await receipt.getByText(hash).waitFor();
    await card(ben).getByText('Handed in', { exact: true }).first().waitFor();
    await screenshot(ben, 'groups-member-sees-receipt');

    // Chen's group has not handed in.
    const chen = await suite.pageFor('chen');
    await openCourse(chen);
    await card(chen).getByText('Blue (Chen Wei, Dana Levi)').waitFor();
    assert.equal(await card(chen).getByText(hash).count(), 0);
  });

  it('the TA grades the group, gives Ben an adjustment with a reason and returns', { timeout: 120_000 }, async () => {
    const ta = await suite.pageFor('ta');
    await ta.goto(`/assignments/${assignmentId}`);
    // Red handed in; Blue, untouched, has not started, in the same words as a single student's row.
    await trackerRow(ta, RED).getByText('Handed in', { exact: true }).waitFor();
    await trackerRow(ta, 'Blue (Chen Wei, Dana Levi)').getByText('Not started', { exact: true }).waitFor();
    await ta.getByRole('link', { name: `Grade ${RED}` }).click();
    await ta.getByRole('heading', { level: 1, name: RED }).waitFor();
    await ta.getByLabel(/^Points/).fill('8');
    await ta.getByRole('button', { name: 'Save grade' }).click();
    await ta.getByText(/^Saved/).first().waitFor();

    // A reason is required for anything but 0.
    await ta.getByLabel('Adjustment for Ben Carter in points (negative takes away)').fill('-2');
    await ta.getByRole('button', { name: 'Save the adjustment for Ben Carter' }).click();
    await ta.getByText('Give Ben Carter a reason for the adjustment.').waitFor();
    await ta.getByLabel('Reason Ben Carter reads').fill(REASON);
    await ta.getByRole('button', { name: 'Save the adjustment for Ben Carter' }).click();
    await ta.getByText('Saved: -2 for Ben Carter.').waitFor();
    const { gradeAdjustments } = await instructor.request<{ gradeAdjustments: { points: number; reason: string }[] }>(
      'query($a: ID!) { gradeAdjustments(assignmentId: $a) { points reason } }',
      { a: assignmentId },
    );
    assert.deepEqual(gradeAdjustments, [{ points: -2, reason: REASON }]);

    // A comment on a line of the group's hand-in, for every member to read with the feedback.
    const { handIns } = await instructor.request<{ handIns: { id: string }[] }>('query($a: ID!) { handIns(assignmentId: $a) { id } }', { a: assignmentId });
    await instructor.request('mutation($h: ID!, $i: CreateAnnotationInput!) { createAnnotation(handInId: $h, input: $i) { id } }', {
      h: handIns[0].id,
      i: { path: `${FOLDER}/rainfall.py`, startLine: 3, body: COMMENT },
    });

    await ta.getByRole('button', { name: /^Return to the/ }).click();
    await ta.getByText(/^Returned to Red/).waitFor();
    await assertAccessible(ta, 'groups-grading-page');
  });

  const groupComment = (page: Page) => card(page).getByRole('region', { name: `Comments on ${FOLDER}/rainfall.py` }).getByRole('note').filter({ hasText: COMMENT });

  it("each member sees the group grade and the comment on the group's hand-in; Ben sees his adjustment with its reason", { timeout: 120_000 }, async () => {
    const ben = await suite.pageFor('ben');
    await openCourse(ben);
    const feedback = card(ben).getByRole('region', { name: 'Your grade and feedback' });
    await feedback.getByText(/^8( of \d+)? points$/).waitFor();
    await feedback.getByText(`Your adjustment: -2 points, because “${REASON}”.`).waitFor();
    await feedback.getByText(/Your total: 6( of \d+)? points\./).waitFor();
    await groupComment(ben).waitFor();
    await screenshot(ben, 'groups-student-adjusted-grade');

    const amara = await suite.pageFor('amara');
    await openCourse(amara);
    const hers = card(amara).getByRole('region', { name: 'Your grade and feedback' });
    await hers.getByText(/^8( of \d+)? points$/).waitFor();
    await groupComment(amara).waitFor();
    assert.equal(await hers.getByText(/Your adjustment/).count(), 0, 'Amara sees no adjustment, nor Ben’s');
    await assertAccessible(amara, 'groups-student-grade');
  });

  it("a scheduled group assignment: groups from the demo roster's group column, and the release preview lists only their shared workspaces", { timeout: 120_000 }, async () => {
    const title = 'Pair work: stocks';
    const { createAssignment } = await instructor.request<{ createAssignment: { id: string } }>('mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }', {
      i: {
        spaceId,
        title,
        source: { workspaceId: master },
        paths: [FOLDER],
        deadline: '2031-06-01T12:00:00Z',
        releaseAt: '2031-05-01T12:00:00Z',
        groupWork: true,
      },
    });
    const page = await suite.pageFor('instructor');
    await page.goto(`/assignments/${createAssignment.id}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const groups = page.getByRole('region', { name: 'Groups' });
    await groups.getByRole('button', { name: 'Make groups from the roster’s group column' }).click();
    for (const [name, members] of [
      ['Penguins', ['Emil Novak', 'Farah Haddad']],
      ['Stocks', ['Chen Wei', 'Dana Levi']],
      ['Weather', ['Amara Okafor', 'Ben Carter']],
    ] as const) {
      for (const member of members) await groupRow(page, name).getByText(member).waitFor();
    }

    await page.getByRole('button', { name: 'Preview the release as of now' }).click();
    const dialog = page.getByRole('dialog', { name: 'The scheduled release, as of now' });
    const rows = dialog.getByRole('row').filter({ has: page.getByRole('cell') });
    await rows.first().waitFor();
    const workspaces = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')?.textContent ?? ''));
    assert.deepEqual(workspaces.sort(), ['Penguins', 'Stocks', 'Weather'].map((g) => `${title}: ${g}`));
    await screenshot(page, 'groups-scheduled-release-preview');
  });
});

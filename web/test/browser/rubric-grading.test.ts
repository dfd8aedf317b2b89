import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { apiSession, demoCourseWorkspaces } from './support/api-client';
import { assertAccessible, demoEmail, screenshot } from './support/browser';
import { browserSuite } from './support/suite';

const FOLDER = 'files/essay';

describe('grading with a rubric: built by the instructor, graded by keyboard, a regrade asked and answered', () => {
  const suite = browserSuite('rubric');
  let assignmentId: string;
  let spaceId: string;
  const ids: Record<string, string> = {};

  before(async () => {
    const { apiUrl } = suite.stack;
    const instructor = await apiSession(apiUrl, demoEmail('instructor'));
    const { master, personal } = await demoCourseWorkspaces(apiUrl, demoEmail('instructor'));
    const { spaces } = await instructor.request<{ spaces: { nodes: { id: string; name: string }[] } }>('{ spaces(first: 10) { nodes { id name } } }');
    spaceId = spaces.nodes.find((s) => s.name === 'Data Analysis 101')!.id;
    await instructor.upload(master, `${FOLDER}/essay.md`, '# Essay\n');
    const { createAssignment } = await instructor.request<{ createAssignment: { id: string } }>(
      'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }',
      { i: { spaceId, title: 'Essay 1', source: { workspaceId: master }, paths: [FOLDER], deadline: new Date(Date.now() + 3_600_000).toISOString(), maxPoints: 10 } },
    );
    assignmentId = createAssignment.id;
    for (let i = 0; ; i++) {
      const { assignment } = await instructor.request<{ assignment: { release: { status: string } | null } }>('query($id: ID!) { assignment(id: $id) { release { status } } }', {
        id: assignmentId,
      });
      if (assignment.release?.status === 'SUCCEEDED') break;
      assert.ok(i < 300, 'the assignment is released');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (const first of ['amara', 'ben']) {
      const student = await apiSession(apiUrl, demoEmail(first));
      ids[first] = (await student.request<{ me: { id: string } }>('{ me { id } }')).me.id;
      await student.upload(personal.get(demoEmail(first))!, `${FOLDER}/essay.md`, `# Essay by ${first}\n`);
      await student.request('mutation($a: ID!) { handInAssignment(assignmentId: $a) { handIn { id } } }', { a: assignmentId });
    }
  });

  const rubricCard = (page: Page) => page.getByRole('region', { name: /^Rubric/ });
  const saidInCard = async (page: Page, text: string) => rubricCard(page).getByRole('status').filter({ hasText: text }).waitFor();

  it('the instructor builds a rubric on the assignment page', { timeout: 120_000 }, async () => {
    const page = await suite.pageFor('instructor');
    await page.goto(`/assignments/${assignmentId}`);
    await page.getByRole('button', { name: 'Add a rubric' }).click();
    const fill = async (label: string, value: string) => page.getByLabel(label, { exact: true }).fill(value);
    await fill('Title', 'Argument');
    await fill('Max points', '6');
    await fill('Level 1 of Argument', 'Weak');
    await page.getByLabel('Points', { exact: true }).fill('0');
    await page.getByRole('button', { name: 'Add a level to Argument' }).click();
    await fill('Level 2 of Argument', 'Sound');
    await page.getByLabel('Points', { exact: true }).nth(1).fill('3');
    await page.getByRole('button', { name: 'Add a level to Argument' }).click();
    await fill('Level 3 of Argument', 'Convincing');
    await page.getByLabel('Points', { exact: true }).nth(2).fill('6');

    await page.getByRole('button', { name: 'Add a criterion' }).click();
    await page.getByLabel('Title', { exact: true }).nth(1).fill('Writing');
    await page.getByLabel('Max points', { exact: true }).nth(1).fill('4');
    await fill('Level 1 of Writing', 'Unclear');
    await page.getByLabel('Points', { exact: true }).nth(3).fill('0');
    await page.getByRole('button', { name: 'Add a level to Writing' }).click();
    await fill('Level 2 of Writing', 'Clear');
    await page.getByLabel('Points', { exact: true }).nth(4).fill('four');
    await fill('Reusable comments, one per line', 'Cite your sources.\nGood structure.');
    await page.getByRole('button', { name: 'Save rubric' }).click();
    // A typo is named before anything is sent.
    await page.getByRole('alert').filter({ hasText: 'Points of level 2 of Writing must be a number.' }).waitFor();
    await page.getByLabel('Points', { exact: true }).nth(4).fill('4');
    await screenshot(page, 'rubric-editor');
    await assertAccessible(page, 'rubric-editor');
    await page.getByRole('button', { name: 'Save rubric' }).click();
    await page.getByRole('status').filter({ hasText: 'Rubric saved.' }).waitFor();
    await page.getByText('Argument (6 points): Weak 0 · Sound 3 · Convincing 6').waitFor();
    await page.getByText('Writing (4 points): Unclear 0 · Clear 4').waitFor();
    await page.getByRole('button', { name: 'Edit rubric' }).waitFor();
    await screenshot(page, 'rubric-saved');
  });

  it('a TA grades two students with the keyboard only and returns the grades', { timeout: 120_000 }, async () => {
    const instructor = await apiSession(suite.stack.apiUrl, demoEmail('instructor'));
    const openedEvents = async (studentId: string) =>
      (
        await instructor.request<{ auditEvents: { nodes: { id: string }[] } }>(
          'query($s: ID!, $st: ID!) { auditEvents(spaceId: $s, studentId: $st, action: "hand-in.opened", first: 100) { nodes { id } } }',
          { s: spaceId, st: studentId },
        )
      ).auditEvents.nodes.length;
    const benOpened = await openedEvents(ids.ben);
    const page = await suite.pageFor('ta');
    // Amara's page reads the next student's page ahead.
    const benReadAhead = page.waitForResponse((response) => {
      const body = response.request().postData() ?? '';
      return response.url().endsWith('/graphql') && body.includes('query StudentGrading') && body.includes(ids.ben);
    });
    await page.goto(`/assignments/${assignmentId}/students/${ids.amara}`);
    await page.getByRole('heading', { level: 1, name: 'Amara Okafor' }).waitFor();
    await rubricCard(page).getByText('Keys:').waitFor();
    // Nothing is graded yet: no hand-in carries the "graded" badge.
    const handInList = page.getByRole('group', { name: 'Show hand-in' });
    await handInList.waitFor();
    assert.equal(await handInList.getByText('graded', { exact: true }).count(), 0);
    await page.keyboard.press('3');
    await saidInCard(page, 'Argument: Convincing (6). Saved; total 6 points.');
    await handInList.getByText('graded', { exact: true }).waitFor();
    await page.keyboard.press('j');
    await page.keyboard.press('2');
    await saidInCard(page, 'Writing: Clear (4). Saved; total 10 points.');
    assert.equal(await page.getByRole('radio', { name: /Convincing/ }).isChecked(), true);
    await page.getByText('Points: 10 of 10').waitFor();
    await screenshot(page, 'rubric-keyboard-amara');
    await assertAccessible(page, 'rubric-grading');

    await benReadAhead;
    assert.equal(await openedEvents(ids.ben), benOpened, 'reading Ben’s page ahead does not record that his hand-in was opened');
    await page.keyboard.press('Alt+KeyN');
    await page.getByRole('heading', { level: 1, name: 'Ben Carter' }).waitFor();
    await page.locator('section[aria-labelledby="hand-in-files-heading"]').getByRole('button', { name: 'files', exact: true }).waitFor();
    assert.equal(await openedEvents(ids.ben), benOpened + 1, 'showing his hand-in does');
    await rubricCard(page).getByText('Keys:').waitFor();
    await page.keyboard.press('2');
    await saidInCard(page, 'Argument: Sound (3). Saved; total 3 points.');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('1');
    await saidInCard(page, 'Writing: Unclear (0). Saved; total 3 points.');
    await screenshot(page, 'rubric-keyboard-ben');

    await page.goto(`/assignments/${assignmentId}`);
    const amaraRow = page.getByRole('row').filter({ hasText: 'Amara Okafor' });
    await amaraRow.getByText('6 · 4').waitFor();
    await page.getByRole('row').filter({ hasText: 'Ben Carter' }).getByText('3 · 0').waitFor();
    await page.getByRole('button', { name: 'Return all graded' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Return' }).click();
    await page.getByRole('status').filter({ hasText: 'Returned to 2 students' }).waitFor();
  });

  it('a student asks for a regrade of one criterion', { timeout: 120_000 }, async () => {
    const page = await suite.pageFor('ben');
    await page.goto(`/assignments/${assignmentId}`);
    const feedback = page.getByRole('region', { name: 'Your grade and feedback' });
    await feedback.getByText('Argument: Sound, 3 of 6').waitFor();
    await feedback.getByRole('button', { name: 'Ask for a regrade of “Argument”' }).click();
    await feedback.getByRole('button', { name: 'Send the request' }).click();
    await feedback.getByText('Say what should be looked at again.').waitFor();
    await feedback.getByLabel('Why should “Argument” be regraded?').fill('I cited three sources in the second part.');
    await feedback.getByRole('button', { name: 'Send the request' }).click();
    await feedback.getByText('Regrade request about “Argument”').waitFor();
    await feedback.getByText('open', { exact: true }).waitFor();
    assert.equal(await feedback.getByRole('button', { name: 'Ask for a regrade of “Argument”' }).count(), 0, 'one request per criterion');
    await screenshot(page, 'rubric-regrade-asked');
  });

  it('the TA sees the open request, changes the level and answers', { timeout: 120_000 }, async () => {
    const page = await suite.pageFor('ta');
    await page.goto(`/assignments/${assignmentId}`);
    await page.locator('summary', { hasText: '1 open regrade request' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Ben Carter' }).getByText('1 open regrade request').waitFor();
    assert.equal(await page.getByRole('row').filter({ hasText: 'Amara Okafor' }).getByText(/open regrade/).count(), 0);
    await screenshot(page, 'rubric-tracker');

    await page.goto(`/assignments/${assignmentId}/students/${ids.ben}`);
    const requests = page.getByRole('region', { name: 'Regrade requests' });
    await requests.getByText('I cited three sources in the second part.').waitFor();
    await rubricCard(page).getByText('Keys:').waitFor();
    await page.keyboard.press('3');
    await saidInCard(page, 'Argument: Convincing (6). Saved; total 6 points.');
    await requests.getByLabel('Reply about “Argument”').fill('Agreed: the sources make the argument convincing.');
    await requests.getByRole('button', { name: 'Answer and close the request' }).click();
    await requests.getByText('The grade went from 3 to 6 points.').waitFor();
    await screenshot(page, 'rubric-regrade-answered');
  });

  it('the student sees the answer and the new grade', { timeout: 120_000 }, async () => {
    const page = await suite.pageFor('ben');
    await page.goto(`/assignments/${assignmentId}`);
    const feedback = page.getByRole('region', { name: 'Your grade and feedback' });
    await feedback.getByText('Answer: Agreed: the sources make the argument convincing.').waitFor();
    await feedback.getByText('The grade went from 3 to 6 points.').waitFor();
    await feedback.getByText('Argument: Convincing, 6 of 6').waitFor();
    await feedback.getByText('6 of 10 points').waitFor();
    await screenshot(page, 'rubric-student-answer');
    await assertAccessible(page, 'rubric-student-answer');
    await page.getByRole('button', { name: /^Notifications/ }).click();
    await page.locator('.notifications__panel').getByText("Your regrade request for 'Essay 1' was answered").waitFor();
  });
});

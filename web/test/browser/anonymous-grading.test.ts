import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { apiSession, demoCourseWorkspaces } from './support/api-client';
import { assertAccessible, demoEmail, screenshot } from './support/browser';
import { browserSuite } from './support/suite';

const FOLDER = 'files/blind';

describe('anonymous grading: the instructor turns it on, a TA grades "Student 17", names come back with the feedback', () => {
  const suite = browserSuite('anonymous');
  let assignmentId: string;
  const ids: Record<string, string> = {};

  before(async () => {
    const { apiUrl } = suite.stack;
    const instructor = await apiSession(apiUrl, demoEmail('instructor'));
    const { master, personal } = await demoCourseWorkspaces(apiUrl, demoEmail('instructor'));
    const { spaces } = await instructor.request<{ spaces: { nodes: { id: string; name: string }[] } }>('{ spaces(first: 10) { nodes { id name } } }');
    const spaceId = spaces.nodes.find((s) => s.name === 'Data Analysis 101')!.id;
    await instructor.upload(master, `${FOLDER}/essay.md`, '# Essay\n');
    const { createAssignment } = await instructor.request<{ createAssignment: { id: string } }>(
      'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }',
      { i: { spaceId, title: 'Blind essay', source: { workspaceId: master }, paths: [FOLDER], deadline: new Date(Date.now() + 3_600_000).toISOString(), maxPoints: 10 } },
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

  it('the instructor turns on anonymous grading in the assignment form', { timeout: 120_000 }, async () => {
    const page = await suite.pageFor('instructor');
    await page.goto(`/assignments/${assignmentId}`);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByLabel(/Grade anonymously/).check();
    await screenshot(page, 'anonymous-setting');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText(/Anonymous grading: students show as/).waitFor();
  });

  it('a TA sees pseudonyms in the tracker and on the grading page, and names once the feedback is returned', { timeout: 120_000 }, async () => {
    const page = await suite.pageFor('ta');
    await page.goto(`/assignments/${assignmentId}`);
    await page.getByText(/Anonymous grading: students show as/).waitFor();
    const table = page.locator('table.tracker');
    await table.getByRole('link', { name: /^Student \d+$/ }).first().waitFor();
    const text = await table.innerText();
    for (const name of ['Amara', 'Ben', 'Okafor', 'Carter', '@demo.stagecoach.test']) assert.ok(!text.includes(name), `the tracker does not show ${name}`);
    await screenshot(page, 'anonymous-tracker');
    await assertAccessible(page, 'anonymous-tracker');

    // Staff open a hidden student who handed in from the tracker: the address names them by a handle, not their user id.
    await table.getByRole('row').filter({ hasText: 'Handed in' }).getByRole('link', { name: /^Student \d+$/ }).first().click();
    await page.waitForURL(/\/students\/[^/]+$/);
    const handle = decodeURIComponent(page.url().split('/students/')[1]);
    assert.ok(!Object.values(ids).includes(handle), 'the address does not carry the user id');
    const heading = page.getByRole('heading', { level: 1, name: /^Student \d+$/ });
    await heading.waitFor();
    await page.getByText('Graded anonymously until the feedback is returned').waitFor();
    assert.ok(!(await page.locator('main').innerText()).includes('Amara'), 'the grading page does not name the student');
    await screenshot(page, 'anonymous-grading-page');

    const { apiUrl } = suite.stack;
    const ta = await apiSession(apiUrl, demoEmail('ta'));
    await ta.request('mutation($a: ID!, $s: ID!) { setGrade(assignmentId: $a, studentId: $s, input: { points: 7 }) { version } }', { a: assignmentId, s: handle });
    await ta.request('mutation($a: ID!, $s: [ID!]) { returnGrades(assignmentId: $a, studentIds: $s) { returnedCount } }', { a: assignmentId, s: [handle] });
    await page.goto(`/assignments/${assignmentId}`);
    // The returned student is named again; the other stays hidden until their feedback is returned.
    await page.getByRole('row').filter({ hasText: /Amara Okafor|Ben Carter/ }).first().waitFor();
    const after = await page.locator('table.tracker').innerText();
    assert.equal(['Amara Okafor', 'Ben Carter'].filter((name) => after.includes(name)).length, 1, 'only the returned student is named');
    await screenshot(page, 'anonymous-tracker-after-return');
  });

  it('the instructor extends the deadline of the student still hidden; staff read the extension under the handle', { timeout: 120_000 }, async () => {
    const page = await suite.pageFor('instructor');
    await page.goto(`/assignments/${assignmentId}`);
    const table = page.locator('table.tracker');
    // The student who handed in and has no feedback yet.
    const pseudonym = (await table.getByRole('row').filter({ hasText: 'Handed in' }).getByRole('link', { name: /^Student \d+$/ }).first().innerText()).trim();
    const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: pseudonym, exact: true }) });
    await row.getByRole('button', { name: `Extend… for ${pseudonym}` }).click();
    const dialog = page.getByRole('dialog', { name: `Extension for ${pseudonym}` });
    await dialog.getByLabel('Reason').fill('Ill for a week');
    await dialog.getByRole('button', { name: 'Grant the extension' }).click();
    await row.getByText(/^extension to /).waitFor();
    const text = await table.innerText();
    assert.equal(['Amara Okafor', 'Ben Carter'].filter((name) => text.includes(name)).length, 1, 'the extended student is still not named');
    await screenshot(page, 'anonymous-tracker-extension');

    const instructor = await apiSession(suite.stack.apiUrl, demoEmail('instructor'));
    const { assignment } = await instructor.request<{ assignment: { extensions: { studentId: string; reason: string }[] } }>(
      'query($id: ID!) { assignment(id: $id) { extensions { studentId reason } } }',
      { id: assignmentId },
    );
    const extension = assignment.extensions.find((e) => e.reason === 'Ill for a week')!;
    assert.ok(!Object.values(ids).includes(extension.studentId), 'the extension does not carry the user id');
    await row.getByRole('link', { name: pseudonym, exact: true }).click();
    await page.waitForURL(/\/students\/[^/]+$/);
    assert.equal(decodeURIComponent(page.url().split('/students/')[1]), extension.studentId, 'the extension names the student as the grading page does');
    await page.getByRole('heading', { level: 1, name: pseudonym }).waitFor();
  });
});

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { apiSession, demoCourseWorkspaces, released } from './support/api-client';
import { assertAccessible, demoEmail, openCourse, screenshot } from './support/browser';
import { browserSuite } from './support/suite';

const STUDENT = 'Amara Okafor';
const TITLE = 'Lab 5: comments';
const FOLDER = 'files/comments-lab';
const CODE = 'import math\n\n\ndef area(r):\n    return 3.14 * r * r\n\n\nprint(area(2))\n';
const NOTEBOOK = JSON.stringify({
  nbformat: 4,
  nbformat_minor: 5,
  metadata: { kernelspec: { language: 'python', name: 'python3' } },
  cells: [
    { id: 'intro', cell_type: 'markdown', metadata: {}, source: '# Lab 5' },
    { id: 'answer', cell_type: 'code', metadata: {}, execution_count: 1, source: 'answer = 41', outputs: [] },
  ],
});
const LINE_COMMENT = 'Use math.pi instead of 3.14.';
const CELL_COMMENT = 'Off by one: check the question again.';

describe('a TA comments on lines of a hand-in and on a notebook cell; the student reads the comments next to their lines once returned', () => {
  const suite = browserSuite('annotations-end');
  let assignmentId: string;
  let amaraId: string;

  before(async () => {
    const { apiUrl } = suite.stack;
    const instructor = await apiSession(apiUrl, demoEmail('instructor'));
    const { master, personal } = await demoCourseWorkspaces(apiUrl, demoEmail('instructor'));
    const { spaces } = await instructor.request<{ spaces: { nodes: { id: string; name: string }[] } }>('{ spaces(first: 10) { nodes { id name } } }');
    const spaceId = spaces.nodes.find((s) => s.name === 'Data Analysis 101')!.id;
    await instructor.upload(master, `${FOLDER}/area.py`, 'def area(r):\n    pass\n');
    await instructor.upload(master, `${FOLDER}/lab.ipynb`, NOTEBOOK);
    const { createAssignment } = await instructor.request<{ createAssignment: { id: string } }>(
      'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }',
      { i: { spaceId, title: TITLE, source: { workspaceId: master }, paths: [FOLDER], deadline: new Date(Date.now() + 3_600_000).toISOString(), maxPoints: 10 } },
    );
    assignmentId = createAssignment.id;
    await released(instructor, assignmentId);
    const amara = await apiSession(apiUrl, demoEmail('amara'));
    amaraId = (await amara.request<{ me: { id: string } }>('{ me { id } }')).me.id;
    await amara.upload(personal.get(demoEmail('amara'))!, `${FOLDER}/area.py`, CODE);
    await amara.request('mutation($a: ID!) { handInAssignment(assignmentId: $a) { handIn { id } } }', { a: assignmentId });
  });

  it('the TA selects lines and a cell, comments, grades and returns; the student sees each comment under its lines', { timeout: 180_000 }, async () => {
    const ta = await suite.pageFor('ta');
    await ta.goto(`/assignments/${assignmentId}/students/${amaraId}`);
    await ta.getByRole('heading', { level: 1, name: STUDENT }).waitFor();
    const files = ta.locator('section[aria-labelledby="hand-in-files-heading"]');
    const open = async (name: string) => {
      if (!(await files.getByRole('button', { name, exact: true }).count())) {
        await files.getByRole('button', { name: 'files', exact: true }).click();
        await files.getByRole('button', { name: 'comments-lab', exact: true }).click();
      }
      await files.getByRole('button', { name, exact: true }).click();
      const panel = ta.getByRole('region', { name: `${name}, opened` });
      await panel.waitFor();
      return panel;
    };

    // Lines 4–5: click the first line number, shift-click the last.
    const code = await open('area.py');
    await code.getByRole('button', { name: 'Line 4', exact: true }).click();
    await code.getByRole('button', { name: 'Line 5', exact: true }).click({ modifiers: ['Shift'] });
    assert.equal(await code.locator('.code-view__row--selected').count(), 2, 'lines 4 and 5 are chosen');
    const form = code.getByRole('group', { name: 'Comment on lines 4–5' });
    await form.getByLabel('Comment on lines 4–5').fill(LINE_COMMENT);
    await form.getByRole('button', { name: 'Save comment' }).click();
    const note = code.getByRole('note').filter({ hasText: LINE_COMMENT });
    await note.waitFor();
    assert.match(await note.innerText(), /lines 4–5 · on hand-in #1/);
    // The comment sits right under line 5, the last of its range.
    assert.equal(await code.locator('tr:has(button[aria-label="Line 5"]) + tr.code-view__annotations').innerText().then((t) => t.includes(LINE_COMMENT)), true);
    await screenshot(ta, 'annotations-code');
    await assertAccessible(ta, 'annotations-code');

    const nb = await open('lab.ipynb');
    await nb.getByRole('button', { name: 'Comment on cell 2' }).click();
    await nb.getByRole('textbox', { name: 'Comment on cell 2' }).fill(CELL_COMMENT);
    await nb.getByRole('button', { name: 'Save comment' }).click();
    await nb.getByRole('note').filter({ hasText: CELL_COMMENT }).waitFor();
    await screenshot(ta, 'annotations-notebook');

    await ta.getByLabel(/^Points/).fill('8');
    await ta.getByRole('button', { name: 'Save grade' }).click();
    await ta.getByText(/^Saved/).waitFor();
    await ta.getByRole('button', { name: 'Return to the student' }).click();
    await ta.getByText(`Returned to ${STUDENT}; they have been notified.`).waitFor();

    const student = await suite.pageFor('amara');
    await openCourse(student);
    const card = student.getByRole('article').filter({ hasText: TITLE });
    await card.getByText('8 of 10 points').waitFor({ timeout: 20_000 });
    const onCode = card.getByRole('region', { name: `Comments on ${FOLDER}/area.py` });
    await onCode.getByRole('note').filter({ hasText: LINE_COMMENT }).waitFor();
    // Under the student's own line 5, in their file as handed in.
    const row = onCode.locator('tr.code-view__annotations');
    assert.equal(await row.count(), 1);
    assert.equal(await onCode.locator('tr.code-view__annotations').evaluate((tr) => tr.previousElementSibling?.textContent), '5    return 3.14 * r * r');
    assert.match(await onCode.getByRole('note').innerText(), /lines 4–5 · on hand-in #1/);
    assert.equal(await onCode.getByRole('button', { name: /Line \d/ }).count(), 0, 'the student cannot choose lines to comment on');
    assert.equal(await onCode.getByRole('button', { name: /Edit|Delete/ }).count(), 0, 'nor change the comments');
    const onNotebook = card.getByRole('region', { name: `Comments on ${FOLDER}/lab.ipynb` });
    await onNotebook.getByRole('note').filter({ hasText: CELL_COMMENT }).waitFor();
    assert.ok(await onNotebook.locator('.nb-slot').nth(1).getByRole('note').count(), 'the cell comment is under cell 2');
    await screenshot(student, 'annotations-student');
    await assertAccessible(student, 'annotations-student');
  });
});

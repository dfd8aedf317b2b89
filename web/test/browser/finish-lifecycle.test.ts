import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { apiSession, clearStage } from './support/api-client';
import { assertAccessible, assertNotReloaded, demoEmail, markDocument, openCourse, screenshot } from './support/browser';
import { browserSuite } from './support/suite';

const MASTER = 'Data Analysis 101 (master)';
const ASSIGNMENT = 'Week 2: Seattle weather';
const STUDENT = 'Amara Okafor';

type Session = Awaited<ReturnType<typeof apiSession>>;

/**
 * The rest of a semester's lifecycle as people meet it: a new application
 * over a taken name, a grading page kept live while another grader works, what
 * a TA may and may not do, the hand-in digest, and dark mode on the push pages.
 */
describe('the lifecycle pages: taken names, live grading, TA limits, digests, dark mode', () => {
  // Three seconds instead of ten minutes: the digest arrives within the test.
  const suite = browserSuite('finish-end', { apiEnv: { HAND_IN_DIGEST_MINUTES: '0.05' } });
  let instructor: Session;
  let spaceId: string;
  let assignmentId: string;
  let amaraId: string;

  before(async () => {
    instructor = await apiSession(suite.stack.apiUrl, demoEmail('instructor'));
    const { spaces } = await instructor.request<{ spaces: { nodes: { id: string; name: string }[] } }>('{ spaces(first: 10) { nodes { id name } } }');
    spaceId = spaces.nodes.find((s) => s.name === 'Data Analysis 101')!.id;
    const { assignments } = await instructor.request<{ assignments: { id: string; title: string }[] }>('query($s: ID!) { assignments(spaceId: $s) { id title } }', {
      s: spaceId,
    });
    assignmentId = assignments.find((a) => a.title === ASSIGNMENT)!.id;
    const { handInStatuses } = await instructor.request<{ handInStatuses: { nodes: { student: { id: string; name: string } }[] } }>(
      'query($a: ID!) { handInStatuses(assignmentId: $a, first: 100) { nodes { student { id name } } } }',
      { a: assignmentId },
    );
    amaraId = handInStatuses.nodes.find((n) => n.student.name === STUDENT)!.student.id;
  });

  const openMaster = async (page: Page) => {
    await openCourse(page);
    await page.getByRole('link', { name: MASTER }).click();
    await page.getByRole('heading', { level: 1, name: MASTER }).waitFor();
  };

  const applicationImage = async (name: string) => {
    const { spaces } = await instructor.request<{ spaces: { nodes: { name: string; workspaces: { id: string; kind: string }[] }[] } }>(
      '{ spaces { nodes { name workspaces { id kind } } } }',
    );
    const master = spaces.nodes.find((s) => s.name === 'Data Analysis 101')!.workspaces.find((w) => w.kind === 'MASTER')!.id;
    const { workspace } = await instructor.request<{ workspace: { application: { config: { image: string } } } }>(
      'query($w: ID!, $p: String!) { workspace(id: $w) { application(path: $p) { config } } }',
      { w: master, p: `applications/${name}` },
    );
    return { master, image: workspace.application.config.image };
  };

  it('asks before a new application replaces one of the same name, and refuses a save from a form opened before a change', { timeout: 120_000 }, async () => {
    const page = await suite.pageFor('instructor');
    await openMaster(page);
    await page.getByRole('link', { name: 'applications', exact: true }).click();
    const { image: before, master } = await applicationImage('jupyter');

    await page.getByRole('button', { name: 'New application' }).click();
    await page.getByLabel('Name').fill('jupyter');
    await page.getByLabel('Container image').fill('quay.io/jupyter/base-notebook:2024-06-01');
    await page.getByLabel('Start command').fill('start-notebook.py');
    await page.getByRole('button', { name: 'Save configuration' }).click();
    const ask = page.getByRole('dialog', { name: 'jupyter already exists' });
    await ask.waitFor();
    assert.match((await ask.textContent()) ?? '', /This workspace already has an application named jupyter/);
    assert.equal(await ask.getByRole('button', { name: 'Keep both' }).count(), 0, 'an application is replaced or not: no numbered copy');
    await screenshot(page, 'finish-new-application-taken');
    await assertAccessible(page, 'finish-new-application-taken');
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await ask.waitFor({ state: 'detached' });
    assert.equal((await applicationImage('jupyter')).image, before, 'cancel keeps the existing configuration');

    await page.getByRole('button', { name: 'Save configuration' }).click();
    await ask.getByRole('button', { name: 'Replace' }).click();
    await page.getByRole('heading', { level: 2, name: 'Application jupyter' }).waitFor();
    assert.equal((await applicationImage('jupyter')).image, 'quay.io/jupyter/base-notebook:2024-06-01');

    // A form opened before a change made elsewhere (here: another window of the same person) is refused, naming it.
    await page.goBack();
    await page.getByRole('button', { name: 'New application' }).click();
    await page.getByLabel('Name').fill('rstudio');
    await page.getByLabel('Container image').fill('rocker/rstudio:4.4.1');
    await page.getByLabel('Start command').fill('/init');
    await instructor.upload(master, 'files/other-window.md', 'changed while the form was open\n');
    await page.getByRole('button', { name: 'Save configuration' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Not saved' });
    await refusal.waitFor();
    assert.match((await refusal.textContent()) ?? '', /you \(Ada Instructor\), in another tab or window, changed this workspace at/);
    await screenshot(page, 'finish-new-application-stale');
  });

  it('keeps the grading page live: another grader’s save and return appear, and the form knows it is stale', { timeout: 120_000 }, async () => {
    const page = await suite.pageFor('ta');
    await page.goto(`/assignments/${assignmentId}/students/${amaraId}`);
    await page.getByRole('heading', { level: 1, name: STUDENT }).waitFor();
    await markDocument(page);
    const points = page.getByLabel(/^Points/);
    const SET = 'mutation($a: ID!, $s: ID!, $i: SetGradeInput!) { setGrade(assignmentId: $a, studentId: $s, input: $i) { version } }';

    await instructor.request(SET, { a: assignmentId, s: amaraId, i: { points: 7, comment: 'From Ada' } });
    await page.waitForFunction(() => (document.querySelector('input[inputmode="decimal"]') as HTMLInputElement | null)?.value === '7');
    assert.equal(await page.getByLabel('Comment to the student').inputValue(), 'From Ada');
    await page.getByText('graded, not returned').waitFor();

    // The TA starts editing; Ada saves again: the TA is told before saving, and keeps their typing.
    await points.fill('8');
    await instructor.request(SET, { a: assignmentId, s: amaraId, i: { points: 9 } });
    const notice = page.getByRole('status').filter({ hasText: 'changed this grade at' });
    await notice.waitFor();
    assert.match((await notice.textContent()) ?? '', /^Ada Instructor changed this grade at .+ while you were editing here\. Saving your edits as they are would undo that change\./);
    assert.equal(await points.inputValue(), '8');
    await screenshot(page, 'finish-grading-stale');
    await assertAccessible(page, 'finish-grading-stale');

    await instructor.request('mutation($a: ID!, $s: [ID!]) { returnGrades(assignmentId: $a, studentIds: $s) { returnedCount } }', { a: assignmentId, s: [amaraId] });
    await page.locator('.badge', { hasText: /^returned/ }).waitFor();

    await notice.getByRole('button', { name: 'Reload the saved version (drop my edits)' }).click();
    await page.waitForFunction(() => (document.querySelector('input[inputmode="decimal"]') as HTMLInputElement | null)?.value === '9');
    await assertNotReloaded(page);
  });

  it('refuses a feedback file another grader put under the same name meanwhile, instead of replacing it', { timeout: 90_000 }, async () => {
    const ada = await suite.pageFor('instructor');
    const ta = await suite.pageFor('ta');
    await ta.goto(`/assignments/${assignmentId}/students/${amaraId}`);
    await ta.getByRole('heading', { level: 1, name: STUDENT }).waitFor();
    const url = `/api/assignments/${assignmentId}/feedback/${amaraId}/files/notes.txt`;
    const adaUploads = (body: string) =>
      ada.evaluate(async ([u, b]) => (await fetch(u, { method: 'PUT', body: b, headers: { 'x-stagecoach-request': '1' } })).status, [url, body]);
    const stored = () => ada.evaluate(async (u) => (await fetch(u)).text(), url);
    // Ada's upload lands while the TA's is on its way: the moment two graders collide.
    const sent: Record<string, string>[] = [];
    let adaWrites: string | null = 'Ada was first';
    await ta.route('**/files/notes.txt', async (route) => {
      if (route.request().method() === 'PUT') {
        sent.push(route.request().headers());
        if (adaWrites) assert.ok([200, 201].includes(await adaUploads(adaWrites)));
      }
      await route.continue();
    });
    const picker = ta.locator('input[type="file"][aria-label="Feedback file to upload"]');
    const card = ta.getByRole('region', { name: 'Feedback files' });

    await picker.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('TA notes') });
    await card.getByText(/'notes\.txt' exists already .*last changed by Ada Instructor/).waitFor();
    assert.equal(sent[0]['if-none-match'], '*');
    assert.equal(await stored(), 'Ada was first', "Ada's file is kept");
    await screenshot(ta, 'finish-feedback-name-taken');

    // Replacing knowingly is based on what the TA was shown; Ada's second version arriving first is refused too.
    adaWrites = 'Ada again';
    await picker.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('TA notes') });
    await ta.getByRole('dialog', { name: 'notes.txt already exists' }).getByRole('button', { name: 'Replace' }).click();
    await card.getByText(/was changed by Ada Instructor at .* after you opened it/).waitFor();
    assert.match(sent[1]['if-match'] ?? '', /^"\d+"$/);
    assert.equal(await stored(), 'Ada again');

    // Without a collision the replacement goes through.
    adaWrites = null;
    await picker.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('TA notes') });
    await ta.getByRole('dialog', { name: 'notes.txt already exists' }).getByRole('button', { name: 'Replace' }).click();
    await card.getByText('notes.txt: done').waitFor();
    assert.equal(await stored(), 'TA notes');
  });

  it('shows a TA with nowhere to push the Push button disabled, with the reason', { timeout: 90_000 }, async () => {
    await clearStage(suite.stack.apiUrl, demoEmail('ta'));
    const page = await suite.pageFor('ta');
    await openMaster(page);
    await page.getByRole('link', { name: 'files', exact: true }).click();
    await page.getByRole('button', { name: 'Stage README.md' }).click();
    await page.getByRole('link', { name: 'Open your stage' }).click();
    const push = page.getByRole('button', { name: 'Push…' });
    await push.waitFor();
    await page.getByText('You cannot change any other workspace of this space').waitFor();
    assert.equal(await push.isDisabled(), true);
    const describedBy = await push.getAttribute('aria-describedby');
    assert.match((await page.locator(`[id="${describedBy}"]`).textContent()) ?? '', /a TA writes only to shared workspaces/);
    await screenshot(page, 'finish-ta-no-push-target');
  });

  it('lets a TA extend deadlines once an admin allows it', { timeout: 90_000 }, async () => {
    const ta = await suite.pageFor('ta');
    const openTracker = async () => {
      await ta.goto(`/assignments/${assignmentId}`);
      await ta.getByRole('row').filter({ hasText: STUDENT }).waitFor();
    };
    await openTracker();
    assert.equal(await ta.getByRole('button', { name: /^Extend…/ }).count(), 0, 'not allowed yet');

    const admin = await suite.pageFor('instructor');
    await openCourse(admin);
    await admin.getByRole('tab', { name: 'Assignments' }).click();
    const setting = admin.getByLabel('TAs may grant and revoke extensions');
    assert.equal(await setting.isChecked(), false);
    // The box shows the saved setting: it turns ticked once the server has stored it.
    await setting.click();
    await admin.waitForFunction(() => {
      const box = [...document.querySelectorAll('input[type="checkbox"]')].find((b) => b.id.startsWith('ta-extensions-')) as HTMLInputElement | undefined;
      return box?.checked === true && !box.disabled;
    });
    await screenshot(admin, 'finish-ta-extensions-allowed');

    await openTracker();
    await ta.getByRole('row').filter({ hasText: STUDENT }).getByRole('button', { name: /^Extend…/ }).waitFor();
    await screenshot(ta, 'finish-ta-extend');
  });

  it('tells staff about hand-ins in one digest notification', { timeout: 90_000 }, async () => {
    const ta = await suite.pageFor('ta');
    await openCourse(ta);
    await markDocument(ta);
    const ben = await apiSession(suite.stack.apiUrl, demoEmail('ben'));
    await ben.request('mutation($a: ID!) { handInAssignment(assignmentId: $a, allowMissing: true) { handIn { id } } }', { a: assignmentId });

    await ta.getByRole('button', { name: /^Notifications/ }).click();
    const digest = ta.locator('.notifications__panel').getByRole('listitem').filter({ hasText: `1 hand-in for '${ASSIGNMENT}'` });
    await digest.waitFor({ timeout: 45_000 });
    assert.match((await digest.textContent()) ?? '', /1 student handed in between/);
    await assertNotReloaded(ta);
    await screenshot(ta, 'finish-hand-in-digest');
  });

  it('passes the accessibility checks in dark mode on the stage, the push dialog with its preview, and the push', { timeout: 120_000 }, async () => {
    await clearStage(suite.stack.apiUrl, demoEmail('instructor'));
    const { master } = await applicationImage('jupyter');
    await instructor.upload(master, 'files/dark-mode-notes.md', '# Notes read at night\n');
    const page = await suite.pageFor('instructor', { colorScheme: 'dark' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await openMaster(page);
    await page.getByRole('link', { name: 'files', exact: true }).click();
    await page.getByRole('button', { name: 'Stage dark-mode-notes.md' }).click();
    await page.getByRole('link', { name: 'Open your stage' }).click();
    await page.getByRole('button', { name: 'Push…' }).waitFor();
    await assertAccessible(page, 'dark-stage');

    await page.getByRole('button', { name: 'Push…' }).click();
    const dialog = page.getByRole('dialog');
    await assertAccessible(page, 'dark-push-choices');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const confirm = dialog.getByRole('button', { name: /^Push to \d+ workspaces$/ });
    await confirm.waitFor();
    await dialog.getByText('would change').first().waitFor();
    await assertAccessible(page, 'dark-push-preview');

    await confirm.click();
    await page.waitForURL(/\/distributions\//);
    await page.getByText(/finished \(100%\)/).waitFor({ timeout: 45_000 });
    await page.getByRole('cell', { name: STUDENT }).first().waitFor();
    await assertAccessible(page, 'dark-distribution');
  });
});

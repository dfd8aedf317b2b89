import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { apiSession, clearStage, demoCourseWorkspaces } from './support/api-client';
import { assertAccessible, assertNotReloaded, demoEmail, markDocument, openCourse, screenshot } from './support/browser';
import { browserSuite } from './support/suite';

const ASSIGNMENT = 'Week 2: Seattle weather';
const MASTER = 'Data Analysis 101 (master)';


describe('the dashboard in a browser', () => {
  const suite = browserSuite();
  const { newPage, pageFor } = suite;

  const openAssignmentTracker = async (page: Page) => {
    await openCourse(page);
    await page.getByRole('tab', { name: 'Assignments' }).click();
    await page.getByRole('link', { name: ASSIGNMENT }).click();
    await page.getByRole('heading', { level: 2, name: /^Hand-ins/ }).waitFor();
  };

  const trackerRow = (page: Page, student: string) => page.getByRole('row').filter({ hasText: student });

  /** The number on the header's notifications button; 0 when it shows none. */
  const unreadCount = (page: Page) =>
    page.evaluate(() => Number.parseInt(document.querySelector('.notifications__button .count-badge')?.textContent ?? '0', 10));

  it('pushes a new folder to every student and both sides watch it arrive live', { timeout: 90_000 }, async (t) => {
    const folder = `week3-${Date.now().toString(36)}`;
    await clearStage(suite.stack.apiUrl, demoEmail('instructor'));
    const [instructor, student] = await Promise.all([pageFor('instructor'), pageFor('amara')]);

    await openCourse(student);
    await student.getByRole('link', { name: 'Open your workspace' }).click();
    await student.getByRole('link', { name: 'files', exact: true }).click();
    await student.getByRole('link', { name: 'week1', exact: true }).waitFor();
    await markDocument(student);
    await screenshot(student, 'push-student-before');

    await openCourse(instructor);
    await instructor.getByRole('link', { name: MASTER }).click();
    await instructor.getByRole('link', { name: 'files', exact: true }).click();
    await instructor.getByRole('button', { name: 'New folder' }).click();
    await instructor.getByLabel('Folder name').fill(folder);
    await instructor.getByRole('button', { name: 'Create folder' }).click();
    await instructor.getByRole('link', { name: folder, exact: true }).click();
    await instructor.getByText('This folder is empty.').waitFor();
    await instructor.locator('input[type=file]').setInputFiles({
      name: 'notes.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('# Week 3\n\nRead the notes before class.\n'),
    });
    await instructor.getByRole('link', { name: 'notes.md', exact: true }).waitFor();
    await screenshot(instructor, 'push-master-folder');

    await instructor.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'files' }).click();
    await instructor.getByRole('button', { name: `Stage ${folder}` }).click();
    await instructor.getByRole('link', { name: 'Open your stage' }).click();
    const card = instructor.getByRole('article').filter({ hasText: MASTER });
    await card.getByLabel(`files/${folder}`).waitFor();
    await markDocument(instructor);
    await card.getByRole('button', { name: 'Push…' }).click();
    const dialog = instructor.getByRole('dialog');
    assert.equal(await dialog.getByLabel(/Every student of/).isChecked(), true);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const confirm = dialog.getByRole('button', { name: /^Push to \d+ workspaces$/ });
    await confirm.waitFor();
    await screenshot(instructor, 'push-preview');
    await confirm.click();

    const bar = instructor.getByRole('progressbar', { name: 'Targets finished' });
    await bar.waitFor();
    await instructor.waitForFunction(
      () => {
        const el = document.querySelector('[role=progressbar][aria-label="Targets finished"]');
        return el !== null && el.getAttribute('aria-valuenow') === el.getAttribute('aria-valuemax') && Number(el.getAttribute('aria-valuemax')) > 0;
      },
      undefined,
      { timeout: 45_000 },
    );
    await instructor.getByText(/finished \(100%\)/).waitFor();
    await assertNotReloaded(instructor);
    await screenshot(instructor, 'push-distribution-done');

    await t.test('the student sees the folder arrive in their open workspace', async () => {
      try {
        await student.getByRole('link', { name: folder, exact: true }).waitFor({ timeout: 15_000 });
        await assertNotReloaded(student);
      } finally {
        await screenshot(student, 'push-student-after');
      }
    });
  });

  it('shows a hand-in on the TA tracker the moment the student hands in', { timeout: 60_000 }, async () => {
    const [ta, student] = await Promise.all([pageFor('ta'), pageFor('ben')]);
    await openAssignmentTracker(ta);
    const row = trackerRow(ta, 'Ben Carter');
    await row.waitFor();
    assert.equal(await row.getByText('Handed in', { exact: true }).count(), 0);
    await markDocument(ta);

    await openCourse(student);
    const card = student.getByRole('article').filter({ hasText: ASSIGNMENT });
    await card.getByRole('button', { name: 'Hand in now' }).click();
    const missing = card.getByRole('alert').filter({ hasText: 'These files are not in your workspace yet' });
    await missing.getByText('files/week2/plot.png').waitFor();
    await screenshot(student, 'hand-in-missing');
    await missing.getByRole('button', { name: 'Hand in without them' }).click();
    await card.getByRole('heading', { name: /Handed in.*Keep this receipt/ }).waitFor();
    await card.getByText('Content hash (SHA-256)').first().waitFor();
    await screenshot(student, 'hand-in-receipt');

    await row.getByText('Handed in', { exact: true }).waitFor({ timeout: 20_000 });
    await assertNotReloaded(ta);
    await screenshot(ta, 'hand-in-tracker');
  });

  it('grades a hand-in, returns it in bulk, and the student is told at once', { timeout: 60_000 }, async () => {
    // Chen's hand-in is the starting point here, made directly through the API.
    const chen = await apiSession(suite.stack.apiUrl, demoEmail('chen'));
    const { assignments } = await chen.request<{ assignments: { id: string; title: string }[] }>(
      `query ($spaceId: ID!) { assignments(spaceId: $spaceId) { id title } }`,
      { spaceId: (await chen.request<{ spaces: { nodes: { id: string }[] } }>('{ spaces(first: 1) { nodes { id } } }')).spaces.nodes[0].id },
    );
    const assignmentId = assignments.find((a) => a.title === ASSIGNMENT)!.id;
    await chen.request('mutation ($id: ID!) { handInAssignment(assignmentId: $id, allowMissing: true) { contentHash } }', { id: assignmentId });

    const [ta, student] = await Promise.all([pageFor('ta'), pageFor('chen')]);
    await openCourse(student);
    await student.getByRole('heading', { name: 'Your assignments' }).waitFor();
    const unreadBefore = await unreadCount(student);
    await markDocument(student);

    await openAssignmentTracker(ta);
    await trackerRow(ta, 'Chen Wei').getByRole('link', { name: 'Grade Chen Wei' }).click();
    await ta.getByRole('heading', { level: 1, name: 'Chen Wei' }).waitFor();
    await ta.getByLabel(/^Points/).fill('17');
    await ta.getByLabel('Comment to the student').fill('Clear plots. Label the axes next time.');
    await ta.getByRole('button', { name: 'Save grade' }).click();
    await ta.getByText(/^Saved/).waitFor();
    await screenshot(ta, 'grading-saved');

    await ta.getByRole('link', { name: ASSIGNMENT }).click();
    await ta.getByRole('button', { name: 'Return all graded' }).click();
    await ta.getByRole('dialog').getByRole('button', { name: 'Return', exact: true }).click();
    await ta.getByText(/^Returned to \d+ student/).waitFor();
    await trackerRow(ta, 'Chen Wei').getByText('Returned', { exact: true }).waitFor();
    await screenshot(ta, 'grading-returned');

    await student.waitForFunction(
      (expected) => document.querySelector('.notifications__button .count-badge')?.textContent?.startsWith(`${expected} `) ?? false,
      unreadBefore + 1,
      { timeout: 20_000 },
    );
    await assertNotReloaded(student);
    const card = student.getByRole('article').filter({ hasText: ASSIGNMENT });
    await card.getByText('17 of 20 points').waitFor({ timeout: 20_000 });
    await card.getByText('Clear plots. Label the axes next time.').waitFor();
    await screenshot(student, 'grading-student-feedback');
  });

  it('saves the stage as a bundle, pushes the bundle through the same dialog, and deletes it', { timeout: 60_000 }, async () => {
    const bundle = `Extra reading ${Date.now().toString(36)}`;
    // New material: a push of what every student already holds changes nothing and cannot be pressed.
    const material = `extra-${Date.now().toString(36)}.md`;
    const { master } = await demoCourseWorkspaces(suite.stack.apiUrl, demoEmail('instructor'));
    await (await apiSession(suite.stack.apiUrl, demoEmail('instructor'))).upload(master, `files/${material}`, '# Extra reading\n');
    await clearStage(suite.stack.apiUrl, demoEmail('instructor'));
    const instructor = await pageFor('instructor');
    await openCourse(instructor);
    await instructor.getByRole('link', { name: MASTER }).click();
    await instructor.getByRole('link', { name: 'files', exact: true }).click();
    await instructor.getByRole('button', { name: `Stage ${material}` }).click();
    await instructor.getByRole('link', { name: 'Open your stage' }).click();
    const card = instructor.getByRole('article').filter({ hasText: MASTER });
    await card.getByLabel(`files/${material}`).waitFor();
    await card.getByRole('button', { name: 'Save as bundle…' }).click();
    await instructor.getByRole('dialog').getByLabel('Name').fill(bundle);
    await instructor.getByRole('dialog').getByRole('button', { name: 'Save bundle' }).click();
    await card.getByText(`Saved as the bundle “${bundle}”`).waitFor();
    await card.getByRole('button', { name: 'Clear…' }).click();
    await instructor.getByRole('dialog').getByRole('button', { name: 'Clear', exact: true }).click();

    const saved = instructor.getByRole('region', { name: 'Saved bundles' });
    const row = saved.getByRole('row').filter({ hasText: bundle });
    await row.getByText(`files/${material}`).waitFor();
    await assertAccessible(instructor, 'stage-bundles');
    await row.getByRole('button', { name: `Push… the bundle ${bundle}` }).click();
    const dialog = instructor.getByRole('dialog');
    await dialog.getByText(`Pushing the bundle “${bundle}” (1 item)`).waitFor();
    await dialog.getByLabel('Chosen workspaces').check();
    await dialog.getByLabel('Find').fill('Farah');
    await dialog.getByLabel(/^Farah Haddad/).check();
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByRole('button', { name: 'Push to 1 workspace' }).click();
    await instructor.getByRole('heading', { level: 1, name: 'Push to 1 workspace' }).waitFor();
    await instructor.getByText(/1 of 1 finished \(100%\)/).waitFor({ timeout: 30_000 });
    await screenshot(instructor, 'bundle-pushed');

    await instructor.getByRole('link', { name: 'Stage', exact: true }).click();
    await row.getByRole('button', { name: `Delete… the bundle ${bundle}` }).click();
    await instructor.getByRole('dialog').getByRole('button', { name: 'Delete bundle' }).click();
    await saved.getByText(`The bundle “${bundle}” was deleted.`).waitFor();
    await row.waitFor({ state: 'detached' });
  });

  it('moves to the next and previous student of the tracker’s order with Alt+N and Alt+P', { timeout: 60_000 }, async () => {
    const ta = await pageFor('ta');
    await openAssignmentTracker(ta);
    // Descending, so the walk provably follows the tracker rather than a default order.
    await ta.getByLabel('Descending').click();
    await ta.waitForURL(/desc=1/);
    await ta.waitForFunction(() => {
      const names = [...document.querySelectorAll('table.tracker tbody tr td:nth-child(2) a')].map((a) => a.textContent ?? '');
      return names.length > 1 && names[0].localeCompare(names[1]) > 0;
    });
    const names = await ta.locator('table.tracker tbody tr td:nth-child(2) a').allTextContents();

    await trackerRow(ta, names[0]).getByRole('link', { name: names[0], exact: true }).click();
    await ta.getByRole('heading', { level: 1, name: names[0] }).waitFor();
    await ta.getByText(`Student 1 of ${names.length}: all students, by name, descending.`).waitFor();
    await screenshot(ta, 'grading-switcher');
    await ta.keyboard.press('Alt+n');
    await ta.getByRole('heading', { level: 1, name: names[1] }).waitFor();
    await ta.getByText(`Student 2 of ${names.length}`).waitFor();
    await ta.keyboard.press('Alt+p');
    await ta.getByRole('heading', { level: 1, name: names[0] }).waitFor();

    // An unsaved grade is not lost by moving on without asking.
    await ta.getByLabel(/^Points/).fill('12');
    await ta.keyboard.press('Alt+n');
    const leave = ta.getByRole('dialog', { name: 'Leave without saving the grade?' });
    await leave.getByRole('button', { name: 'Cancel' }).click();
    assert.equal(await ta.getByLabel(/^Points/).inputValue(), '12');
    await ta.getByRole('navigation', { name: 'Students' }).getByRole('link', { name: `Next: ${names[1]} →` }).click();
    await ta.getByRole('dialog').getByRole('button', { name: 'Leave without saving' }).click();
    await ta.getByRole('heading', { level: 1, name: names[1] }).waitFor();

    await ta.getByRole('link', { name: ASSIGNMENT }).click();
    await ta.getByRole('heading', { level: 2, name: /^Hand-ins/ }).waitFor();
    assert.equal(await ta.getByLabel('Descending').isChecked(), true);
  });

  it('has no serious accessibility problems on the main pages', { timeout: 90_000 }, async () => {
    const visitor = await newPage();
    await visitor.goto('/login');
    await visitor.getByRole('heading', { name: 'Demo accounts' }).waitFor();
    await assertAccessible(visitor, 'login');

    await clearStage(suite.stack.apiUrl, demoEmail('instructor'));
    const instructor = await pageFor('instructor');
    await openCourse(instructor);
    await instructor.getByRole('heading', { name: 'Course workspaces' }).waitFor();
    await assertAccessible(instructor, 'space');

    await instructor.getByRole('link', { name: MASTER }).click();
    await instructor.getByRole('link', { name: 'files', exact: true }).click();
    await instructor.getByRole('link', { name: 'README.md', exact: true }).waitFor();
    await assertAccessible(instructor, 'workspace');

    await instructor.getByRole('button', { name: 'Stage README.md' }).click();
    await instructor.getByRole('link', { name: 'Open your stage' }).click();
    const card = instructor.getByRole('article').filter({ hasText: MASTER });
    await card.getByLabel('files/README.md').waitFor();
    await assertAccessible(instructor, 'stage');
    await card.getByRole('button', { name: 'Push…' }).click();
    await instructor.getByRole('dialog').getByRole('button', { name: 'Preview' }).waitFor();
    await assertAccessible(instructor, 'push-dialog');
    await instructor.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await card.getByRole('button', { name: 'Clear…' }).click();
    await instructor.getByRole('dialog').getByRole('button', { name: 'Clear', exact: true }).click();
    await instructor.getByText('Your stage is empty.').waitFor();

    await instructor.getByRole('link', { name: 'Spaces' }).click();
    await openCourse(instructor);
    await instructor.getByRole('tab', { name: 'Distributions' }).click();
    await instructor.getByRole('table').getByRole('link').first().click();
    await instructor.getByRole('progressbar', { name: 'Targets finished' }).waitFor();
    await assertAccessible(instructor, 'distribution');

    const ta = await pageFor('ta');
    await openAssignmentTracker(ta);
    await trackerRow(ta, 'Amara Okafor').waitFor();
    await assertAccessible(ta, 'tracker');
    await trackerRow(ta, 'Amara Okafor').getByRole('link', { name: 'Grade Amara Okafor' }).click();
    await ta.getByRole('heading', { level: 1, name: 'Amara Okafor' }).waitFor();
    await assertAccessible(ta, 'grading');

    const student = await pageFor('dana');
    await openCourse(student);
    await student.getByRole('heading', { name: 'Your assignments' }).waitFor();
    await student.getByRole('article').filter({ hasText: ASSIGNMENT }).waitFor();
    await assertAccessible(student, 'student-home');
  });

  it('signs in and reaches an assignment with the keyboard alone', { timeout: 60_000 }, async () => {
    const page = await newPage();
    await page.goto('/login');
    await page.getByRole('heading', { name: 'Demo accounts' }).waitFor();

    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { id: el?.id ?? '', text: (el?.textContent ?? '').trim(), role: el?.getAttribute('role') ?? el?.tagName.toLowerCase() ?? '' };
    });
    const tabTo = async (matches: (el: { id: string; text: string; role: string }) => boolean, limit = 40) => {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        if (matches(await focused())) return;
      }
      throw new Error(`nothing matching was reached in ${limit} presses of Tab`);
    };

    await tabTo((el) => el.id === 'login-email');
    await page.keyboard.type(demoEmail('emil'));
    await page.keyboard.press('Tab');
    assert.equal((await focused()).id, 'login-password');
    await page.keyboard.type('stagecoach-demo');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Your spaces' }).waitFor();
    await screenshot(page, 'keyboard-spaces');

    await tabTo((el) => el.text === 'Data Analysis 101');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Data Analysis 101' }).waitFor();
    await tabTo((el) => el.text === 'Open your workspace');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'files', exact: true }).waitFor();
    await screenshot(page, 'keyboard-workspace');

    await tabTo((el) => el.text === 'Back to the space', 80);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Data Analysis 101' }).waitFor();
    await tabTo((el) => el.text === 'Hand in now');
    await page.keyboard.press('Enter');
    await page.getByText('These files are not in your workspace yet:').waitFor();
    await tabTo((el) => el.text === 'Hand in without them');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Handed in.*Keep this receipt/ }).waitFor();
    assert.match((await focused()).text, /Handed in/);
    await screenshot(page, 'keyboard-receipt');
  });
});

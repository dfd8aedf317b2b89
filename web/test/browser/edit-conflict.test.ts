import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessible, openCourse, screenshot } from './support/browser';
import { browserSuite } from './support/suite';

const MASTER = 'Data Analysis 101 (master)';
const INSTRUCTOR = 'Ada Instructor';
const TA = 'Tomás Assistant';
const ASSIGNMENT = 'Week 2: Seattle weather';

/** One person, two tabs: nothing either tab saves is silently undone by the other. */
describe('edits from two tabs never silently undo each other', () => {
  const suite = browserSuite();

  /** The instructor signed in, in the master workspace; a second tab of the same browser at the same place. */
  async function twoTabs(): Promise<[Page, Page]> {
    const first = await suite.pageFor('instructor');
    await openCourse(first);
    await first.getByRole('link', { name: MASTER }).click();
    await first.getByRole('heading', { level: 1, name: MASTER }).waitFor();
    const second = await first.context().newPage();
    await second.goto(first.url());
    await second.getByRole('heading', { level: 1, name: MASTER }).waitFor();
    return [first, second];
  }

  async function openJupyter(page: Page) {
    await page.getByRole('link', { name: 'applications', exact: true }).click();
    await page.getByRole('link', { name: 'jupyter', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Application jupyter' }).waitFor();
  }

  const editButton = (page: Page) => page.getByRole('button', { name: 'Edit configuration' });
  const saveButton = (page: Page) => page.getByRole('button', { name: 'Save configuration' });
  const resources = (page: Page) => page.locator('dt', { hasText: 'Resources' }).locator('xpath=following-sibling::dd[1]');

  it('the second save of one application config is refused naming who changed it; reload and overwrite both work', { timeout: 120_000 }, async () => {
    const [tabA, tabB] = await twoTabs();
    await openJupyter(tabA);
    await openJupyter(tabB);
    assert.equal((await resources(tabA).textContent())?.trim(), '1 CPU · 2048 MiB memory · 0 GPU');

    // Both tabs open the form on the same version.
    await editButton(tabA).click();
    await editButton(tabB).click();
    await tabA.getByLabel('CPUs').fill('2');
    await saveButton(tabA).click();
    await resources(tabA).filter({ hasText: '2 CPU · 2048 MiB' }).waitFor();

    // The second tab still shows its form from before; its save must not put 1 CPU back.
    await tabB.getByLabel('Memory (MiB)').fill('4096');
    await saveButton(tabB).click();
    const refusal = tabB.getByRole('alert').filter({ hasText: 'Not saved' });
    await refusal.waitFor();
    const text = (await refusal.textContent()) ?? '';
    assert.match(text, new RegExp(`Not saved: you \\(${INSTRUCTOR}\\), in another tab or window, changed this configuration at .+ while you were editing here`));
    await screenshot(tabB, 'edit-conflict-refused');
    await assertAccessible(tabB, 'edit-conflict-refused');

    // Reload: the form opens on the first tab's save, and saving from there keeps both changes.
    await refusal.getByRole('button', { name: 'Reload the saved version (drop my edits)' }).click();
    await tabB.waitForFunction(() => (document.getElementById('app-cpu') as HTMLInputElement | null)?.value === '2');
    assert.equal(await tabB.getByLabel('Memory (MiB)').inputValue(), '2048');
    await tabB.getByLabel('Memory (MiB)').fill('4096');
    await saveButton(tabB).click();
    await resources(tabB).filter({ hasText: '2 CPU · 4096 MiB' }).waitFor();
    await resources(tabA).filter({ hasText: '2 CPU · 4096 MiB' }).waitFor();
    await screenshot(tabB, 'edit-conflict-reloaded-and-saved');

    // Overwrite: once told, the person may replace the other change on purpose.
    await editButton(tabA).click();
    await editButton(tabB).click();
    await tabB.getByLabel('GPUs').fill('1');
    await saveButton(tabB).click();
    await resources(tabB).filter({ hasText: '2 CPU · 4096 MiB memory · 1 GPU' }).waitFor();
    await tabA.getByLabel('CPUs').fill('4');
    await saveButton(tabA).click();
    const second = tabA.getByRole('alert').filter({ hasText: 'Not saved' });
    await second.waitFor();
    assert.match((await second.textContent()) ?? '', new RegExp(INSTRUCTOR));
    await second.getByRole('button', { name: 'Overwrite with my version' }).click();
    await resources(tabA).filter({ hasText: '4 CPU · 4096 MiB memory · 0 GPU' }).waitFor();
    await resources(tabB).filter({ hasText: '4 CPU · 4096 MiB memory · 0 GPU' }).waitFor();
    await screenshot(tabA, 'edit-conflict-overwritten');
  });

  it('an upload over an existing name asks: keep both, cancel, or replace', { timeout: 120_000 }, async () => {
    const [page] = await twoTabs();
    await page.getByRole('link', { name: 'files', exact: true }).click();
    await page.getByRole('link', { name: 'README.md', exact: true }).waitFor();
    const workspaceId = new URL(page.url()).pathname.split('/').pop()!;
    const readme = async (name = 'README.md') => (await page.request.get(`/api/workspaces/${workspaceId}/files/files/${encodeURIComponent(name)}`)).text();
    const original = await readme();
    const pick = (content: string) =>
      page.locator('input[type=file]').setInputFiles({ name: 'README.md', mimeType: 'text/markdown', buffer: Buffer.from(content) });
    const dialog = page.getByRole('dialog', { name: 'README.md already exists' });

    await pick('# Kept beside\n');
    await dialog.waitFor();
    assert.match((await dialog.textContent()) ?? '', /keeping both uploads yours as README \(2\)\.md/);
    await screenshot(page, 'upload-existing-name-asks');
    await assertAccessible(page, 'upload-existing-name-asks');
    await dialog.getByRole('button', { name: 'Keep both' }).click();
    await page.getByRole('link', { name: 'README (2).md', exact: true }).waitFor();
    assert.equal(await readme('README (2).md'), '# Kept beside\n');
    assert.equal(await readme(), original);

    await pick('# Never stored\n');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('README.md: not uploaded, the existing file was kept').waitFor();
    assert.equal(await readme(), original);

    await pick('# Replaced on purpose\n');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Replace' }).click();
    await page.getByText('1 of 1 uploaded.').waitFor();
    assert.equal(await readme(), '# Replaced on purpose\n');
    await screenshot(page, 'upload-existing-name-replaced');
  });

  it("a grade saved by one grader is not undone by another's older form", { timeout: 120_000 }, async () => {
    const gradingPage = async (first: string) => {
      const page = await suite.pageFor(first);
      await openCourse(page);
      await page.getByRole('tab', { name: 'Assignments' }).click();
      await page.getByRole('link', { name: ASSIGNMENT }).click();
      await page.getByRole('row').filter({ hasText: 'Ben Carter' }).getByRole('link', { name: /Grade Ben Carter/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Ben Carter' }).waitFor();
      return page;
    };
    const [ada, tomas] = await Promise.all([gradingPage('instructor'), gradingPage('ta')]);
    await ada.getByLabel(/^Points/).fill('12');
    await tomas.getByLabel(/^Points/).fill('15');
    await tomas.getByRole('button', { name: 'Save grade' }).click();
    await tomas.getByText(/^Saved/).waitFor();

    await ada.getByRole('button', { name: 'Save grade' }).click();
    const refusal = ada.getByRole('alert').filter({ hasText: 'Not saved' });
    await refusal.waitFor();
    assert.match((await refusal.textContent()) ?? '', new RegExp(`Not saved: ${TA} changed this grade at .+ while you were editing here`));
    await screenshot(ada, 'edit-conflict-grade-refused');
    await refusal.getByRole('button', { name: 'Reload the saved version (drop my edits)' }).click();
    await ada.waitForFunction(() => (document.querySelector('input[inputmode=decimal]') as HTMLInputElement | null)?.value === '15');
    assert.equal(await ada.getByRole('alert').filter({ hasText: 'Not saved' }).count(), 0);

    // A feedback file of the same name is not replaced without asking either.
    const feedbackFile = (content: string) =>
      tomas.getByLabel('Feedback file to upload').setInputFiles({ name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from(content) });
    await feedbackFile('First notes\n');
    await tomas.getByText('notes.md: done').waitFor();
    await feedbackFile('Second notes\n');
    const ask = tomas.getByRole('dialog', { name: 'notes.md already exists' });
    await ask.waitFor();
    assert.match((await ask.textContent()) ?? '', /This student's feedback already has a file named notes\.md/);
    await ask.getByRole('button', { name: 'Keep both' }).click();
    await tomas.getByText('notes (2).md: done').waitFor();
    await tomas.getByRole('link', { name: /notes \(2\)\.md/ }).first().waitFor();
    await tomas.getByRole('link', { name: /^(Download )?notes\.md/ }).first().waitFor();
  });

  it('a delete confirmed in a tab opened before the file changed is refused, and can be done anyway', { timeout: 120_000 }, async () => {
    const [tabA, tabB] = await twoTabs();
    for (const tab of [tabA, tabB]) {
      await tab.getByRole('link', { name: 'files', exact: true }).click();
      await tab.getByRole('link', { name: 'README.md', exact: true }).waitFor();
    }
    await tabB.getByRole('button', { name: 'Delete README.md' }).click();
    const confirm = tabB.getByRole('dialog', { name: 'Delete README.md?' });
    await confirm.waitFor();

    // Meanwhile the other tab replaces the file with new work.
    await tabA.locator('input[type=file]').setInputFiles({ name: 'README.md', mimeType: 'text/markdown', buffer: Buffer.from('# New work\n') });
    await tabA.getByRole('dialog', { name: 'README.md already exists' }).getByRole('button', { name: 'Replace' }).click();
    await tabA.getByText('1 of 1 uploaded.').waitFor();

    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    const refusal = confirm.getByRole('alert').filter({ hasText: 'Not done' });
    await refusal.waitFor();
    assert.match((await refusal.textContent()) ?? '', new RegExp(`${INSTRUCTOR}.*changed this workspace at`));
    await screenshot(tabB, 'edit-conflict-delete-refused');
    const workspaceId = new URL(tabB.url()).pathname.split('/').pop()!;
    assert.equal(await (await tabB.request.get(`/api/workspaces/${workspaceId}/files/files/README.md`)).text(), '# New work\n');

    await refusal.getByRole('button', { name: 'Delete anyway' }).click();
    await confirm.waitFor({ state: 'detached' });
    assert.equal((await tabB.request.get(`/api/workspaces/${workspaceId}/files/files/README.md`)).status(), 404);
  });

  it('an assignment edited in two tabs: the second save is refused, then overwrites knowingly', { timeout: 120_000 }, async () => {
    const first = await suite.pageFor('instructor');
    await openCourse(first);
    await first.getByRole('tab', { name: 'Assignments' }).click();
    await first.getByRole('link', { name: ASSIGNMENT }).click();
    await first.getByRole('heading', { level: 1, name: ASSIGNMENT }).waitFor();
    const second = await first.context().newPage();
    await second.goto(first.url());
    await second.getByRole('heading', { level: 1, name: ASSIGNMENT }).waitFor();

    for (const tab of [first, second]) await tab.getByRole('button', { name: 'Edit', exact: true }).click();
    await first.getByLabel('Instructions').fill('Plot the temperature by month.');
    await first.getByRole('button', { name: 'Save changes' }).click();
    await first.getByRole('button', { name: 'Edit', exact: true }).waitFor();

    await second.getByLabel('Title').fill(`${ASSIGNMENT} (revised)`);
    await second.getByRole('button', { name: 'Save changes' }).click();
    const refusal = second.getByRole('alert').filter({ hasText: 'Not saved' });
    await refusal.waitFor();
    assert.match((await refusal.textContent()) ?? '', new RegExp(`${INSTRUCTOR}.*changed this assignment at`));
    await screenshot(second, 'edit-conflict-assignment-refused');
    await refusal.getByRole('button', { name: 'Overwrite with my version' }).click();
    await second.getByRole('heading', { level: 1, name: `${ASSIGNMENT} (revised)` }).waitFor();
    // Only the fields this form changed are sent: the other tab's instructions stay.
    await second.getByText('Plot the temperature by month.').waitFor();
  });
});

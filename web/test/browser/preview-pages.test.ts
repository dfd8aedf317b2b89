import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { apiSession, clearStage, demoCourseWorkspaces } from './support/api-client';
import { assertAccessible, demoEmail, screenshot } from './support/browser';
import { browserSuite } from './support/suite';

/** Students enrolled on top of the six demo students (DEMO_CLASS_SIZE), so a preview's targets take three pages of 20. */
const EXTRA = 40;
const STUDENTS = EXTRA + 6;
/** Every student's workspace and the course's DISTRIBUTED one: a push to the students includes future members. */
const TARGETS = STUDENTS + 1;
const MASTER = 'Data Analysis 101 (master)';
/** The generated students are named "Student 0001"…. */
const GENERATED = /Student \d{4}/g;

/** For every answer to a preview the page receives from now on, the generated students it names, each once. */
function namesPerPreview(page: Page): string[][] {
  const answers: string[][] = [];
  page.on('response', (response) => {
    if (!response.url().includes('/graphql') || !/"operationName":"Preview/.test(response.request().postData() ?? '')) return;
    void response
      .text()
      .then((body) => answers.push([...new Set(body.match(GENERATED) ?? [])]))
      .catch(() => undefined);
  });
  return answers;
}

/**
 * The dashboard shows a push's and an undo's preview a page at a time: the
 * totals and the student who would lose their own edit on the first view, then
 * every target by paging on.
 */
describe('push and undo previews a page at a time', () => {
  const suite = browserSuite('preview-pages', { apiEnv: { DEMO_CLASS_SIZE: String(EXTRA) } });

  /** Names in the first column of the preview's table, once the page numbered `page` has arrived. */
  async function pageOfNames(dialog: Locator, page: number, range: string): Promise<string[]> {
    const pager = dialog.getByRole('navigation', { name: 'Preview pages' });
    await pager.getByText(`Page ${page}`, { exact: true }).waitFor();
    await dialog.getByText(range, { exact: true }).waitFor();
    return dialog.locator('table tbody tr td:first-child').allTextContents();
  }

  /** Pages forwards from the first page to the last, and back one: every name once, in the order shown. */
  async function everyName(dialog: Locator): Promise<string[]> {
    const pager = dialog.getByRole('navigation', { name: 'Preview pages' });
    const names = await pageOfNames(dialog, 1, `Showing 1–20 of ${TARGETS}`);
    await pager.getByRole('button', { name: 'Next' }).click();
    names.push(...(await pageOfNames(dialog, 2, `Showing 21–40 of ${TARGETS}`)));
    await pager.getByRole('button', { name: 'Next' }).click();
    names.push(...(await pageOfNames(dialog, 3, `Showing 41–${TARGETS} of ${TARGETS}`)));
    assert.equal(await pager.getByRole('button', { name: 'Next' }).isDisabled(), true, 'the last page has no next');
    return names;
  }

  it('instructor: the push preview shows the totals and the student losing an edit first, pages to every student; so does the undo', { timeout: 240_000 }, async () => {
    const { apiUrl } = suite.stack;
    const suffix = Date.now().toString(36);
    const path = `files/notes-${suffix}.md`;
    await clearStage(apiUrl, demoEmail('instructor'));
    const { master, personal } = await demoCourseWorkspaces(apiUrl, demoEmail('instructor'));
    const instructor = await apiSession(apiUrl, demoEmail('instructor'));
    const { spaces } = await instructor.request<{ spaces: { nodes: { name: string; workspaces: { kind: string; owner: { name: string } | null }[] }[] } }>(
      '{ spaces { nodes { name workspaces { kind owner { name } } } } }',
    );
    const students = spaces.nodes
      .find((s) => s.name === 'Data Analysis 101')!
      .workspaces.filter((w) => w.kind === 'PERSONAL' && w.owner)
      .map((w) => w.owner!.name);
    assert.equal(students.length, STUDENTS);
    // Amara has a file of her own where the push puts the master's: pushed over, her work would be lost.
    await (await apiSession(apiUrl, demoEmail('amara'))).upload(personal.get(demoEmail('amara'))!, path, 'My own notes\n');
    await instructor.upload(master, path, '# Notes for everyone\n');
    await instructor.request('mutation ($s: SourceInput!, $p: [String!]!) { addToStage(source: $s, paths: $p) { id } }', { s: { workspaceId: master }, p: [path] });

    const page = await suite.pageFor('instructor');
    const answers = namesPerPreview(page);
    await page.goto('/stage');
    const card = page.getByRole('article').filter({ hasText: MASTER });
    await card.getByLabel(path).check();
    await card.getByRole('button', { name: 'Push 1 selected…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Files', { exact: true }).selectOption('OVERWRITE');
    await dialog.getByRole('button', { name: 'Preview' }).click();

    // The first view: the totals over every target, and the one student who would lose an edit, without paging.
    const summary = dialog.getByRole('group', { name: 'Preview summary' });
    await summary.waitFor();
    const figure = (label: string) => summary.locator('.summary').filter({ has: page.getByText(label, { exact: true }) }).locator('.summary__value');
    assert.equal(await figure('targets').textContent(), String(TARGETS));
    assert.equal(await figure('would change').textContent(), String(TARGETS));
    assert.equal(await figure('would lose their own edits').textContent(), '1');
    await dialog.getByRole('note').getByText('1 student has edited files that this push would replace or remove.').waitFor();
    const onlyLook = dialog.getByLabel('Show only targets that lose their own edits, conflict or fail (1)');
    assert.equal(await onlyLook.isChecked(), true, 'the targets to look at are listed first on their own');
    await dialog.getByText('Showing 1–1 of 1', { exact: true }).waitFor();
    const rows = dialog.locator('table tbody tr');
    assert.equal(await rows.count(), 1);
    assert.equal(await rows.getByRole('cell').first().textContent(), 'Amara Okafor');
    assert.equal(await rows.getByRole('cell').nth(2).getByRole('listitem').textContent(), `${path} (replaced)`);
    await screenshot(page, 'preview-pages-push-first-view');
    await assertAccessible(page, 'preview-pages-push-first-view');

    // Every target, a page at a time: each student once, and the course's own workspace.
    await onlyLook.uncheck();
    const pushed = await everyName(dialog);
    await screenshot(page, 'preview-pages-push-last-page');
    assert.equal(pushed.length, TARGETS);
    assert.equal(new Set(pushed).size, TARGETS, 'no target on two pages');
    assert.deepEqual(
      students.filter((name) => !pushed.includes(name)),
      [],
      'every student is on some page',
    );
    await dialog.getByRole('navigation', { name: 'Preview pages' }).getByRole('button', { name: 'Previous' }).click();
    assert.deepEqual(await pageOfNames(dialog, 2, `Showing 21–40 of ${TARGETS}`), pushed.slice(20, 40), 'the page before shows the same targets again');

    await dialog.getByLabel(/I understand that students’ own edits/).check();
    await dialog.getByRole('button', { name: `Push to ${TARGETS} workspaces` }).click();
    await page.getByText(/finished \(100%\)/).waitFor({ timeout: 120_000 });

    // The undo's preview: the totals, then every target a page at a time.
    await page.getByRole('button', { name: 'Undo…' }).click();
    const undo = page.getByRole('dialog', { name: 'Undo this push?' });
    await undo.getByText(`${TARGETS} paths taken back from ${TARGETS} workspaces.`, { exact: false }).waitFor();
    const undone = await everyName(undo);
    await screenshot(page, 'preview-pages-undo-last-page');
    assert.deepEqual([...undone].sort(), [...pushed].sort(), 'the undo previews the targets the push reached');
    // No answer held the whole class: each preview answer brought one page of targets.
    const most = Math.max(...answers.map((names) => names.length));
    assert.ok(answers.length >= 7 && most > 0 && most <= 20, `of ${answers.length} preview answers, the largest named ${most} students`);
  });
});

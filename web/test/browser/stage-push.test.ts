import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { apiSession, clearStage, demoCourseWorkspaces } from './support/api-client';
import { assertAccessible, demoEmail, launchChromium, openCourse, openPage, screenshot, signIn } from './support/browser';
import { startStack, type Stack } from './support/stack';

const MASTER = 'Data Analysis 101 (master)';

interface CourseWorkspaces {
  master: string;
  amara: string;
}

/**
 * What an instructor does with the stage: stage two files, tick one, push it,
 * and find only that one in a student's workspace; then a push that would
 * replace a student's own edit, which the preview names and asks to confirm.
 * The second test continues from what the first pushed.
 */
describe('stage and push in a browser', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let course: CourseWorkspaces;
  const suffix = Date.now().toString(36);
  const wanted = `wanted-${suffix}.md`;
  const forgotten = `forgotten-${suffix}.md`;

  before(async () => {
    stack = await startStack();
    browser = await launchChromium();
    await clearStage(stack.apiUrl, demoEmail('instructor'));
    const workspaces = await demoCourseWorkspaces(stack.apiUrl, demoEmail('instructor'));
    course = { master: workspaces.master, amara: workspaces.personal.get(demoEmail('amara'))! };
    const instructor = await apiSession(stack.apiUrl, demoEmail('instructor'));
    await instructor.upload(course.master, `files/${wanted}`, '# Wanted\n');
    await instructor.upload(course.master, `files/${forgotten}`, '# Staged long ago and forgotten\n');
    // Staged from a snapshot: a source of its own, named with the snapshot's label.
    const { createSnapshot } = await instructor.request<{ createSnapshot: { id: string } }>(
      'mutation ($w: ID!, $l: String!) { createSnapshot(workspaceId: $w, label: $l) { id } }',
      { w: course.master, l: `Before week 3 ${suffix}` },
    );
    await instructor.request('mutation ($s: SourceInput!) { addToStage(source: $s, paths: ["files/README.md"]) { id } }', {
      s: { workspaceId: course.master, snapshotId: createSnapshot.id },
    });
    page = await openPage(browser, stack.webUrl);
    await signIn(page, demoEmail('instructor'));
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  afterEach(async (t) => {
    await screenshot(page, `stage-push-end-${t.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 40)}`).catch(() => undefined);
  });

  /** The names in a folder of Amara's workspace, as Amara reads them. */
  async function amaraFiles(): Promise<string[]> {
    const amara = await apiSession(stack.apiUrl, demoEmail('amara'));
    const { workspace } = await amara.request<{ workspace: { entries: { nodes: { name: string }[] } } }>(
      'query ($w: ID!) { workspace(id: $w) { entries(path: "files", first: 100) { nodes { name } } } }',
      { w: course.amara },
    );
    return workspace.entries.nodes.map((n) => n.name);
  }

  async function waitUntilFinished() {
    await page.getByRole('progressbar', { name: 'Targets finished' }).waitFor();
    await page.getByText(/finished \(100%\)/).waitFor({ timeout: 45_000 });
  }

  it('pushes only the ticked stage item, names it, and leaves the other on the stage', { timeout: 120_000 }, async () => {
    await openCourse(page);
    await page.getByRole('link', { name: MASTER }).click();
    await page.getByRole('link', { name: 'files', exact: true }).click();
    await page.getByRole('button', { name: `Stage ${forgotten}` }).click();
    await page.getByRole('button', { name: `Stage ${wanted}` }).click();
    await page.getByRole('link', { name: 'Open your stage' }).click();

    const snapshotCard = page.getByRole('article').filter({ hasText: `(snapshot “Before week 3 ${suffix}”)` });
    await snapshotCard.getByText(`from ${MASTER} (snapshot “Before week 3 ${suffix}”), staged`).waitFor();
    const card = page.getByRole('article').filter({ hasText: MASTER }).filter({ hasNotText: 'snapshot' });
    await card.getByLabel(`files/${forgotten}`).waitFor();
    // The second item may reach the stage just after the page first reads it.
    await card.getByLabel(`files/${wanted}`).waitFor();
    assert.equal(await card.getByText(`from ${MASTER}, staged`).count(), 2, 'each staged item names its source and when it was staged');
    await card.getByLabel(`files/${wanted}`).check();
    await screenshot(page, 'stage-push-ticked');
    await card.getByRole('button', { name: 'Push 1 selected…' }).click();

    const dialog = page.getByRole('dialog');
    await dialog.getByText(`Pushing 1 staged item from ${MASTER}:`).waitFor();
    const pushed = dialog.getByRole('list', { name: 'Items pushed' });
    assert.deepEqual(await pushed.locator('code').allTextContents(), [`files/${wanted}`]);
    assert.equal(await dialog.getByLabel('Clear the stage after this push').isChecked(), true);
    await screenshot(page, 'stage-push-dialog');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const confirm = dialog.getByRole('button', { name: /^Push to \d+ workspaces$/ });
    await confirm.waitFor();
    await dialog.getByText('1 item pushed').click();
    assert.deepEqual(await dialog.locator('.push-preview details.origin-summary code').allTextContents(), [`files/${wanted}`]);
    await screenshot(page, 'stage-push-preview');
    await confirm.click();
    await waitUntilFinished();

    const files = await amaraFiles();
    assert.ok(files.includes(wanted), `${wanted} arrived in Amara's workspace`);
    assert.ok(!files.includes(forgotten), `${forgotten} was not ticked and must not arrive`);

    await page.getByRole('link', { name: 'Stage', exact: true }).click();
    // The pushed item left the stage (the page shows what it had cached first, then asks the server again).
    await card.getByLabel(`files/${forgotten}`).waitFor();
    await card.getByLabel(`files/${wanted}`).waitFor({ state: 'detached' });
    await card.getByRole('button', { name: 'Push…' }).waitFor();
    await screenshot(page, 'stage-push-stage-after');
  });

  it("names a student's own edit that a push would replace and asks before pushing", { timeout: 120_000 }, async () => {
    const amara = await apiSession(stack.apiUrl, demoEmail('amara'));
    await amara.upload(course.amara, `files/${wanted}`, '# Wanted\n\nMy own notes.\n');
    const instructor = await apiSession(stack.apiUrl, demoEmail('instructor'));
    await instructor.upload(course.master, `files/${wanted}`, '# Wanted, second version\n');
    await instructor.request('mutation ($s: SourceInput!, $p: [String!]!) { addToStage(source: $s, paths: $p) { id } }', {
      s: { workspaceId: course.master },
      p: [`files/${wanted}`],
    });

    await page.reload();
    const card = page.getByRole('article').filter({ hasText: MASTER }).filter({ hasNotText: 'snapshot' });
    await card.getByLabel(`files/${wanted}`).check();
    await card.getByRole('button', { name: 'Push 1 selected…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Files', { exact: true }).selectOption('OVERWRITE');
    await dialog.getByRole('button', { name: 'Preview' }).click();

    await dialog.getByText('1 student has edited files that this push would replace or remove.', { exact: false }).first().waitFor();
    const ownEdits = dialog.getByRole('row').filter({ hasText: 'Amara' }).getByRole('cell').nth(2);
    assert.equal(await ownEdits.getByRole('listitem').textContent(), `files/${wanted} (replaced)`);
    const confirm = dialog.getByRole('button', { name: /^Push to \d+ workspaces$/ });
    assert.equal(await confirm.getAttribute('aria-disabled'), 'true', 'the push waits for the confirmation');
    await confirm.click({ force: true });
    assert.equal(await dialog.getByRole('heading', { name: 'Check and push' }).isVisible(), true, 'pressing push before confirming does nothing');
    await assertAccessible(page, 'stage-push-lost-edits');
    await dialog.getByLabel(/I understand that students’ own edits/).check();
    assert.equal(await confirm.getAttribute('aria-disabled'), 'false');
    await confirm.click();
    await waitUntilFinished();

    assert.equal(await amara.read(course.amara, `files/${wanted}`), '# Wanted, second version\n', "Amara's file was replaced, as confirmed");

    // Pushed again under FAIL, every target is up to date: the button says there is nothing to push.
    await instructor.request('mutation ($s: SourceInput!, $p: [String!]!) { addToStage(source: $s, paths: $p) { id } }', {
      s: { workspaceId: course.master },
      p: [`files/${wanted}`],
    });
    await page.getByRole('link', { name: 'Stage', exact: true }).click();
    await card.getByLabel(`files/${wanted}`).check();
    await card.getByRole('button', { name: 'Push 1 selected…' }).click();
    await dialog.getByLabel('Files', { exact: true }).selectOption('FAIL');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const nothing = dialog.getByRole('button', { name: 'Nothing to push: every target is already up to date' });
    await nothing.waitFor();
    assert.equal(await nothing.isDisabled(), true);
    await screenshot(page, 'stage-push-nothing-to-push');
  });
});

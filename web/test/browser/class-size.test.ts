import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page, Response } from 'playwright-core';
import { apiSession, demoCourseWorkspaces } from './support/api-client';
import { demoEmail, openCourse, screenshot } from './support/browser';
import { browserSuite } from './support/suite';

/** Students enrolled on top of the six demo students, by one roster import at start (DEMO_CLASS_SIZE). */
const EXTRA = 1000;
const STUDENTS = EXTRA + 6;
const fmt = (n: number) => n.toLocaleString('en');
/** Generated students are named "Student 0001"…: a response naming more of them than a page holds carries the class. */
const NAMED = /Student \d{4}/g;
const PAGE_MOST = 100;

interface Answer {
  url: string;
  bytes: number;
  named: number;
}

/** Every GraphQL answer the page receives from now on, with its size and how many generated students it names. */
function recordAnswers(page: Page): Answer[] {
  const answers: Answer[] = [];
  page.on('response', (response: Response) => {
    if (!response.url().includes('/graphql') || response.request().method() !== 'POST') return;
    void response
      .text()
      .then((body) => answers.push({ url: response.url(), bytes: Buffer.byteLength(body), named: body.match(NAMED)?.length ?? 0 }))
      .catch(() => undefined);
  });
  return answers;
}

function assertNoWholeClass(answers: readonly Answer[], where: string) {
  assert.ok(answers.length > 0, `${where}: no GraphQL answer was seen`);
  const largest = [...answers].sort((a, b) => b.named - a.named)[0];
  assert.ok(largest.named <= PAGE_MOST, `${where}: one answer named ${largest.named} students (${largest.bytes} bytes)`);
}

describe('the dashboard at class size', () => {
  const suite = browserSuite('class-size', { apiEnv: { DEMO_CLASS_SIZE: String(EXTRA) } });

  for (const who of ['instructor', 'ta'] as const) {
    it(`${who}: every page of a course of ${fmt(STUDENTS)} shows one page, its total and finds a student by number`, { timeout: 300_000 }, async () => {
      const page = await suite.pageFor(who);
      const answers = recordAnswers(page);
      await openCourse(page);

      // Workspaces: the first page, the total, a search by student number.
      await page.getByRole('heading', { level: 2, name: 'Personal workspaces' }).waitFor();
      await page.getByText(`Showing 1–50 of ${fmt(STUDENTS)}`).waitFor();
      await page.getByLabel('Find a student').fill('S00777');
      await page.getByRole('cell', { name: 'Student 0777', exact: true }).waitFor();
      await page.getByText('Showing 1–1 of 1').waitFor();
      await screenshot(page, `class-size-${who}-workspaces`);
      assertNoWholeClass(answers, 'workspaces tab');

      // Members: paged with the total, searchable by number.
      await page.getByRole('tab', { name: 'Members' }).click();
      await page.getByText(/Showing 1–25 of 1,0\d\d/).waitFor();
      await page.getByLabel('Search').fill('S00042');
      await page.getByRole('cell', { name: 'Student 0042', exact: true }).waitFor();

      // Audit log: the student filter is a typeahead over the server's search, with a total.
      await page.getByRole('tab', { name: 'Audit log' }).click();
      await page.getByText(/Showing 1–\d+ of \d+/).waitFor();
      await page.getByLabel('About student').fill('S00042');
      await page.getByText('1 student matches').waitFor();
      await page.getByRole('button', { name: /Student 0042/ }).click();
      await page.getByText('Any student instead of Student 0042').waitFor();
      await page.getByRole('heading', { level: 2, name: /Audit log \(\d+\)/ }).waitFor();
      await screenshot(page, `class-size-${who}-audit`);
      assertNoWholeClass(answers, 'members and audit tabs');

      // The week 1 push reached every student; its page shows a page of targets and the total.
      await page.getByRole('tab', { name: 'Distributions' }).click();
      const pushRow = page.getByRole('row').filter({ hasText: 'also future members' });
      // The oldest of the space's pushes (the list is newest first): week 1, sent before the assignment's release.
      await pushRow.last().getByRole('link').click();
      // Every student's workspace and the DISTRIBUTED one (the push includes future members).
      const targets = STUDENTS + 1;
      await page.getByText(`${targets} of ${targets} finished (100%)`).waitFor({ timeout: 240_000 });
      await page.getByText(`Showing 1–25 of ${fmt(targets)}`).waitFor();
      await page.getByLabel('Find').fill('S00500');
      await page.getByText('Showing 1–1 of 1').waitFor();
      await screenshot(page, `class-size-${who}-push`);
      assertNoWholeClass(answers, 'finished push page');

      // The tracker: its charts agree with its counts, from one summary.
      await page.getByRole('link', { name: 'All distributions of this space' }).click();
      await page.getByRole('tab', { name: 'Assignments' }).click();
      await page.getByRole('link', { name: 'Week 2: Seattle weather' }).click();
      await page.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
      const chart = page.getByRole('img', { name: /Hand-ins over time/ });
      await chart.waitFor();
      const description = await chart.evaluate((svg) => svg.querySelector('desc')?.textContent ?? '');
      assert.match(description, new RegExp(`0 of ${STUDENTS} handed in`));
      await page.getByText(`Not started`, { exact: false }).first().waitFor();
      // The count appears once the tracker's first page has arrived (no number while it loads).
      const notStartedCount = page.locator('label[for="tracker-status-NOT_STARTED"] .muted').filter({ hasText: /^\d+$/ });
      await notStartedCount.waitFor();
      const notStarted = await notStartedCount.textContent();
      assert.equal(Number(notStarted), STUDENTS);
      await screenshot(page, `class-size-${who}-tracker`);
      assertNoWholeClass(answers, 'tracker');
    });
  }

  it('instructor: the push dialog offers the class a page at a time and finds a student by number', { timeout: 120_000 }, async () => {
    const { master } = await demoCourseWorkspaces(suite.stack.apiUrl, demoEmail('instructor'));
    await (await apiSession(suite.stack.apiUrl, demoEmail('instructor'))).upload(master, 'files/handout.md', '# Handout\n');
    const page = await suite.pageFor('instructor');
    await openCourse(page);
    await page.getByRole('link', { name: 'Data Analysis 101 (master)' }).click();
    await page.getByRole('link', { name: 'files', exact: true }).click();
    await page.getByRole('button', { name: 'Stage handout.md' }).click();
    await page.getByRole('link', { name: 'Open your stage' }).click();
    const answers = recordAnswers(page);
    const card = page.getByRole('article').filter({ hasText: 'Data Analysis 101 (master)' });
    await card.getByRole('button', { name: /^Push/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Chosen workspaces').check();
    // Every student's workspace and the course's own, but not the master the push comes from.
    await dialog.getByText(/Showing 1–10 of 1,0\d\d/).waitFor();
    await dialog.getByLabel('Find').fill('S00777');
    await dialog.getByText('Showing 1–1 of 1').waitFor();
    await dialog.getByLabel(/^Student 0777/).check();
    await dialog.getByText('1 chosen').waitFor();
    await screenshot(page, 'class-size-push-dialog');
    assertNoWholeClass(answers, 'push dialog');
  });
});

import { randomUUID } from 'node:crypto';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessible, openCourse, screenshot } from './support/browser';
import { browserSuite } from './support/suite';

const ASSIGNMENT = 'Week 2: Seattle weather';
const MASTER = 'Data Analysis 101 (master)';
const PHONE = { width: 390, height: 844 };

describe('what students see, on a phone and in dark mode, and restoring and importing in the dashboard', () => {
  const suite = browserSuite('student-view-end');
  const pageFor = (first: string, options: { viewport?: { width: number; height: number }; dark?: boolean } = {}) =>
    suite.pageFor(first, { viewport: options.viewport, colorScheme: options.dark ? 'dark' : 'light' });

  /** The page's background colour as [r, g, b]. */
  const background = (page: Page) =>
    page.evaluate(() => {
      const match = getComputedStyle(document.body).backgroundColor.match(/\d+/g) ?? [];
      return match.slice(0, 3).map(Number);
    });

  /** Opens the student's own workspace; returns its id and what files/README.md holds now. */
  const openOwnWorkspace = async (student: Page) => {
    await openCourse(student);
    await student.getByRole('link', { name: 'Open your workspace' }).click();
    await student.waitForURL(/\/workspaces\//);
    const workspaceId = new URL(student.url()).pathname.split('/').at(-1)!;
    return { workspaceId, original: await readReadme(student, workspaceId) };
  };

  const readReadme = (page: Page, workspaceId: string) =>
    page.evaluate(async (id) => (await fetch(`/api/workspaces/${id}/files/files/README.md`)).text(), workspaceId);

  /** Setup, not the behaviour under test: the student's edit of README.md that went wrong. */
  const breakReadme = async (page: Page, workspaceId: string) => {
    const status = await page.evaluate(
      async (id) => (await fetch(`/api/workspaces/${id}/files/files/README.md`, { method: 'PUT', body: 'a mistake\n' })).status,
      workspaceId,
    );
    assert.ok(status >= 200 && status < 300, `the edit was saved: ${status}`);
  };

  it('shows a student no stage on course material and no instructor wording', { timeout: 60_000 }, async () => {
    const student = await pageFor('chen');
    assert.equal(await student.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stage' }).count(), 0, 'the header offers no stage');
    await openCourse(student);
    await student.getByRole('link', { name: 'Course material' }).click();
    await student.getByRole('link', { name: 'files', exact: true }).click();
    await student.getByRole('link', { name: 'week1', exact: true }).waitFor();
    await screenshot(student, 'student-course-material');
    assert.equal(await student.getByRole('button', { name: /^Stage/ }).count(), 0, 'no stage buttons on read-only course material');
    assert.equal(await student.getByText(/\bstag(e|ed|ing)\b/i).count(), 0, 'no word of the stage');

    // Their own workspace: snapshots named after what happened, history without pages they cannot open.
    await student.getByRole('link', { name: 'Back to the space' }).click();
    await student.getByRole('link', { name: 'Open your workspace' }).click();
    await student.getByRole('tab', { name: 'Snapshots' }).click();
    await student.getByRole('link', { name: 'before week2 from Ada Instructor', exact: true }).waitFor();
    const labels = await student.getByRole('table').getByRole('row').allInnerTexts();
    assert.ok(labels.some((l) => l.includes('before week2 from Ada Instructor')), `snapshot names: ${labels.join(' | ')}`);
    assert.ok(labels.every((l) => !/\b[0-9a-f]{8}\b/.test(l)), `no hex ids in snapshot names: ${labels.join(' | ')}`);
    await student.getByRole('tab', { name: 'History' }).click();
    await student.getByRole('table').getByRole('row').nth(1).waitFor();
    assert.equal(await student.locator('a[href^="/distributions/"]').count(), 0, 'no link to a distribution page the student cannot open');
    const history = await student.getByRole('table').innerText();
    assert.doesNotMatch(history, /\b[0-9a-f]{8}\b/, 'history names no hex ids');
    assert.doesNotMatch(history, /distribut/i, 'history speaks of what was received, not of distributions');
    await screenshot(student, 'student-history');

    // The assignment page, where a notification about it leads, shows the student's card.
    await student.goto('/');
    await openCourse(student);
    await student.getByRole('article').filter({ hasText: ASSIGNMENT }).waitFor();
    const assignmentId = await student.evaluate(async (title) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ spaces(first: 10) { nodes { id } } }' }),
      });
      const spaces = ((await response.json()) as { data: { spaces: { nodes: { id: string }[] } } }).data.spaces.nodes;
      for (const space of spaces) {
        const list = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: 'query($s: ID!) { assignments(spaceId: $s) { id title } }', variables: { s: space.id } }),
        });
        const found = ((await list.json()) as { data: { assignments: { id: string; title: string }[] } }).data.assignments.find((a) => a.title === title);
        if (found) return found.id;
      }
      return null;
    }, ASSIGNMENT);
    assert.ok(assignmentId);
    await student.goto(`/assignments/${assignmentId}`);
    await student.getByRole('article').filter({ hasText: ASSIGNMENT }).getByRole('button', { name: 'Hand in now' }).waitFor();
    assert.equal(await student.getByRole('link', { name: 'follow the release' }).count(), 0);
    assert.equal(await student.getByText(/Extensions|collected at the deadline|feedback hidden/).count(), 0, 'no staff settings');
    await screenshot(student, 'student-assignment-page');
  });

  it('tells a student that a workspace or assignment address leads nowhere, with the rest of the dashboard still there', { timeout: 60_000 }, async () => {
    const classmate = await pageFor('amara');
    const { workspaceId: theirs } = await openOwnWorkspace(classmate);
    const student = await pageFor('chen');
    const notFound = async (path: string, heading: string, message: string, shot: string) => {
      await student.goto(path);
      await student.getByRole('heading', { level: 1, name: heading }).waitFor();
      const alert = student.getByRole('alert').filter({ hasText: message });
      await alert.waitFor();
      assert.equal(await alert.getByRole('button', { name: 'Try again' }).count(), 0, 'asking again would not find it either');
      assert.ok(await student.getByRole('navigation', { name: 'Main' }).isVisible(), 'the header stays, so the student can go on');
      await screenshot(student, shot);
    };
    await notFound(`/workspaces/${randomUUID()}`, 'Workspace', 'This workspace does not exist, or you cannot see it.', 'student-missing-workspace');
    // A classmate's workspace exists, but reads to this student exactly like one that does not.
    await notFound(`/workspaces/${theirs}`, 'Workspace', 'This workspace does not exist, or you cannot see it.', 'student-hidden-workspace');
    await notFound(`/assignments/${randomUUID()}`, 'Assignment', 'This assignment does not exist, or you cannot see it.', 'student-missing-assignment');
  });

  it('keeps the notification panel and file actions on a phone screen', { timeout: 60_000 }, async () => {
    const student = await pageFor('amara', { viewport: PHONE });
    await student.getByRole('button', { name: /^Notifications/ }).click();
    const panel = student.locator('.notifications__panel');
    await panel.getByRole('heading', { name: 'Notifications' }).waitFor();
    const first = panel.getByRole('listitem').first();
    await first.waitFor();
    await screenshot(student, 'phone-notifications');
    const box = await panel.boundingBox();
    assert.ok(box, 'the panel is shown');
    assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `the panel lies within the 390 px viewport: x=${box.x}, width=${box.width}`);
    // Each notification leads to the thing it is about, a page the student can open.
    const href = await first.getByRole('link').getAttribute('href');
    assert.match(href ?? '', /^\/(workspaces|assignments)\//);
    await first.getByRole('link').click();
    await student.getByRole('heading', { level: 1 }).waitFor();
    assert.doesNotMatch(await student.locator('main').innerText(), /does not exist, or you cannot see it/);

    await student.goto('/');
    await openCourse(student);
    await student.getByRole('link', { name: 'Open your workspace' }).click();
    await student.getByRole('link', { name: 'files', exact: true }).click();
    const readme = student.getByRole('row').filter({ hasText: 'README.md' });
    await readme.waitFor();
    for (const action of [readme.getByRole('link', { name: 'Download README.md' }), readme.getByRole('button', { name: 'Delete README.md' })]) {
      await action.scrollIntoViewIfNeeded();
      const at = await action.boundingBox();
      assert.ok(at && at.x >= 0 && at.x + at.width <= PHONE.width, `a file action is reachable on the phone: ${JSON.stringify(at)}`);
    }
    await screenshot(student, 'phone-workspace');
  });

  it('has a dark theme that passes the accessibility checks', { timeout: 90_000 }, async () => {
    const student = await pageFor('dana', { dark: true });
    await student.emulateMedia({ colorScheme: 'dark' });
    const [r, g, b] = await background(student);
    assert.ok(r < 60 && g < 60 && b < 60, `the page is dark: rgb(${r}, ${g}, ${b})`);
    await openCourse(student);
    await student.getByRole('article').filter({ hasText: ASSIGNMENT }).waitFor();
    await assertAccessible(student, 'dark-student-home');
    await student.getByRole('button', { name: /^Notifications/ }).click();
    await student.locator('.notifications__panel').getByRole('listitem').first().waitFor();
    await assertAccessible(student, 'dark-notifications');

    const instructor = await pageFor('instructor', { dark: true });
    await instructor.emulateMedia({ colorScheme: 'dark' });
    await openCourse(instructor);
    await instructor.getByRole('heading', { name: 'Course workspaces' }).waitFor();
    await assertAccessible(instructor, 'dark-space');
    await instructor.getByRole('link', { name: MASTER }).click();
    await instructor.getByRole('link', { name: 'files', exact: true }).click();
    await instructor.getByRole('link', { name: 'README.md', exact: true }).waitFor();
    await assertAccessible(instructor, 'dark-workspace');
    await instructor.goto('/');
    await openCourse(instructor);
    await instructor.getByRole('tab', { name: 'Assignments' }).click();
    await instructor.getByRole('link', { name: ASSIGNMENT }).click();
    await instructor.getByRole('heading', { level: 2, name: /^Hand-ins/ }).waitFor();
    await assertAccessible(instructor, 'dark-tracker');
    await instructor.getByRole('row').filter({ hasText: 'Amara Okafor' }).getByRole('link', { name: 'Grade Amara Okafor' }).click();
    await instructor.getByRole('heading', { level: 1, name: 'Amara Okafor' }).waitFor();
    await assertAccessible(instructor, 'dark-grading');

    const visitor = await suite.newPage({ colorScheme: 'dark' });
    await visitor.goto('/login');
    await visitor.getByRole('heading', { name: 'Demo accounts' }).waitFor();
    await assertAccessible(visitor, 'dark-login');
  });

  it('restores one file from a snapshot in the dashboard', { timeout: 60_000 }, async () => {
    const student = await pageFor('emil');
    const { workspaceId, original } = await openOwnWorkspace(student);
    await student.getByRole('tab', { name: 'Snapshots' }).click();
    await student.getByLabel('Label').fill('my good version');
    await student.getByRole('button', { name: 'Take a snapshot' }).click();
    await student.getByRole('link', { name: 'my good version', exact: true }).waitFor();
    await breakReadme(student, workspaceId);

    await student.getByRole('link', { name: 'my good version', exact: true }).click();
    await student.getByText('You are browsing the snapshot').waitFor();
    await student.getByRole('link', { name: 'files', exact: true }).click();
    const row = student.getByRole('row').filter({ hasText: 'README.md' });
    await row.getByRole('button', { name: 'Restore README.md' }).click();
    const dialog = student.getByRole('dialog');
    await dialog.getByText('A snapshot of the current state is taken first').waitFor();
    await screenshot(student, 'restore-dialog');
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await student.getByText('Restored README.md.').waitFor({ timeout: 30_000 });
    await screenshot(student, 'restore-done');
    await student.getByRole('link', { name: 'Open it in the current state' }).click();
    await student.getByRole('heading', { level: 2, name: 'README.md' }).waitFor();
    // The README shows rendered: the original's words without its Markdown marks, not the mistake.
    const rendered = student.locator('.file-preview .markdown');
    await rendered.waitFor();
    const words = (text: string) => text.replace(/^#+ |`/gm, '').replace(/\s+/g, ' ').trim();
    assert.equal(words(await rendered.innerText()), words(original));
    await student.getByRole('tab', { name: 'Snapshots' }).click();
    await student.getByRole('link', { name: 'before restoring README.md', exact: true }).waitFor();
  });

  it('opens an earlier version from the history and restores a file from it', { timeout: 60_000 }, async () => {
    const student = await pageFor('farah');
    const { workspaceId, original } = await openOwnWorkspace(student);
    await breakReadme(student, workspaceId);

    await student.getByRole('tab', { name: 'History' }).click();
    // The current version is the mistake (the history follows it live); open the one before it.
    const mistake = student.getByRole('table').getByRole('row').filter({ hasText: 'upload files/README.md' }).filter({ hasText: 'current' });
    await mistake.waitFor();
    const before = Number((await mistake.getByRole('cell').first().innerText()).trim()) - 1;
    assert.ok(before >= 1, `a version before the mistake: ${before}`);
    await student.getByRole('button', { name: `Open version ${before}` }).click();
    await student.getByText(`You are browsing the snapshot version ${before}`).waitFor();
    await student.getByRole('link', { name: 'files', exact: true }).click();
    await student.getByRole('row').filter({ hasText: 'README.md' }).getByRole('button', { name: 'Restore README.md' }).click();
    await student.getByRole('dialog').getByRole('button', { name: 'Restore', exact: true }).click();
    await student.getByText('Restored README.md.').waitFor({ timeout: 30_000 });
    assert.equal(await readReadme(student, workspaceId), original);
    await screenshot(student, 'restore-from-version');
  });

  it('creates an assignment without a handout, which students see with the paths they create', { timeout: 60_000 }, async () => {
    const title = `Essay ${Date.now().toString(36)}`;
    const instructor = await pageFor('instructor');
    await openCourse(instructor);
    await instructor.getByRole('tab', { name: 'Assignments' }).click();
    await instructor.getByRole('link', { name: 'New assignment' }).click();
    await instructor.getByLabel('Title').fill(title);
    await instructor.getByLabel('Date and time').fill('2031-05-01T12:00');
    await instructor.getByLabel('No handout: students hand in only files they create').check();
    await instructor.getByRole('button', { name: 'Create and release' }).click();
    await instructor.getByText('Without a handout, give the paths students create').waitFor();
    await instructor.getByLabel('Paths sealed at hand-in, one per line').fill('files/essay');
    await instructor.getByRole('button', { name: 'Create and release' }).click();
    await instructor.getByRole('heading', { level: 1, name: title }).waitFor();
    await instructor.getByText('No handout').waitFor();
    await screenshot(instructor, 'no-handout-assignment');

    const student = await pageFor('ben');
    await openCourse(student);
    const card = student.getByRole('article').filter({ hasText: title });
    await card.waitFor({ timeout: 30_000 });
    await card.getByText('files/essay', { exact: true }).waitFor();
  });

  it('imports a CSV as a table, with the column types previewed and one changed', { timeout: 60_000 }, async () => {
    const instructor = await pageFor('instructor');
    await openCourse(instructor);
    await instructor.getByRole('link', { name: MASTER }).click();
    await instructor.getByRole('link', { name: 'tables', exact: true }).click();
    await instructor.getByRole('button', { name: 'Import a CSV as a table' }).click();
    const dialog = instructor.getByRole('dialog');
    await dialog.getByLabel('CSV file').setInputFiles({
      name: 'rainfall.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('year,city,mm\n2021,Seattle,993\n2022,Portland,1095\n'),
    });
    await dialog.getByText('3 columns, 2 rows.').waitFor();
    assert.equal(await dialog.getByLabel('Table name').inputValue(), 'rainfall');
    assert.equal(await dialog.getByLabel('Type of year').inputValue(), 'INTEGER');
    assert.equal(await dialog.getByLabel('Type of mm').inputValue(), 'INTEGER');
    await dialog.getByLabel('Type of year').selectOption('STRING');
    await screenshot(instructor, 'import-table-preview');
    await dialog.getByRole('button', { name: 'Import table' }).click();
    await instructor.getByRole('heading', { level: 2, name: 'Table rainfall' }).waitFor();
    await instructor.getByText('Rows 1–2 of 2').waitFor();
    const header = await instructor.getByRole('table').first().locator('thead').innerText();
    assert.match(header, /year[\s\S]*string/i, `year is a STRING column: ${header}`);
    assert.match(header, /mm[\s\S]*integer/i, `mm stays INTEGER: ${header}`);
    await screenshot(instructor, 'import-table-done');
  });

  it("lets staff view the course as one student sees it, read-only", { timeout: 60_000 }, async () => {
    const instructor = await pageFor('instructor');
    await openCourse(instructor);
    await instructor.getByRole('tab', { name: 'View as student' }).click();
    // The picker searches the class on the server rather than listing it.
    await instructor.getByLabel('Student', { exact: true }).fill('amara@demo.stagecoach.test');
    await instructor.getByRole('button', { name: /Amara Okafor/ }).click();
    const view = instructor.getByRole('region', { name: "Amara Okafor's view" });
    const card = view.getByRole('article').filter({ hasText: ASSIGNMENT });
    await card.waitFor();
    await card.getByText(/Not started|In progress|Handed in/).first().waitFor();
    assert.equal(await view.getByRole('button', { name: 'Hand in now' }).count(), 0, 'the preview hands in nothing');
    await view.getByRole('link', { name: "Open Amara Okafor's workspace" }).waitFor();
    await screenshot(instructor, 'view-as-student');
    await assertAccessible(instructor, 'view-as-student');
  });
});

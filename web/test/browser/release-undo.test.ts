import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assertAccessible, DEMO_PASSWORD, demoEmail, launchChromium, openCourse, openPage, screenshot, signIn } from './support/browser';
import { startStack, type Stack } from './support/stack';

/** Someone calling the API with a bearer token, for the setup the browser part builds on. */
async function tokenSession(apiUrl: string, email: string) {
  const gql = async <T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> => {
    const response = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const { login } = await gql<{ login: { token: string } }>('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
    e: email,
    p: DEMO_PASSWORD,
  });
  return {
    request: <T>(query: string, variables: Record<string, unknown> = {}) => gql<T>(query, variables, login.token),
    upload: async (workspaceId: string, path: string, text: string) => {
      const response = await fetch(`${apiUrl}/api/workspaces/${workspaceId}/files/${path}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${login.token}` },
        body: text,
      });
      assert.ok(response.ok, `upload of ${path} answered ${response.status}`);
    },
  };
}

type Session = Awaited<ReturnType<typeof tokenSession>>;

/** Asks for the push's status until it has finished: the API's status query is the source of truth. */
async function finished(session: Session, id: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const { distribution } = await session.request<{ distribution: { status: string } }>('query($id: ID!) { distribution(id: $id) { status } }', { id });
    if (!['QUEUED', 'RUNNING'].includes(distribution.status)) return distribution.status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`distribution ${id} did not finish`);
}

describe('release with a preview, undo that shows what happened', () => {
  let stack: Stack;
  let browser: Browser;
  let instructor: Session;
  let master: string;
  let spaceId: string;
  const tag = Date.now().toString(36);

  const push = async (path: string, policy = 'PRESERVE_EDITS', expected = 'SUCCEEDED') => {
    const { pushDistribution } = await instructor.request<{ pushDistribution: { id: string } }>(
      'mutation($i: PushInputType!) { pushDistribution(input: $i) { id } }',
      { i: { source: { workspaceId: master }, paths: [path], targets: { spaceId }, policies: { default: policy } } },
    );
    assert.equal(await finished(instructor, pushDistribution.id), expected);
    return pushDistribution.id;
  };
  const amaraWorkspace = async () => {
    const amara = await tokenSession(stack.apiUrl, demoEmail('amara'));
    const { space } = await amara.request<{ space: { workspaces: { id: string }[] } }>('query($id: ID!) { space(id: $id) { workspaces(kind: PERSONAL) { id } } }', {
      id: spaceId,
    });
    return { amara, workspaceId: space.workspaces[0].id };
  };

  before(async () => {
    stack = await startStack();
    browser = await launchChromium();
    instructor = await tokenSession(stack.apiUrl, demoEmail('instructor'));
    const { spaces } = await instructor.request<{ spaces: { nodes: { id: string; name: string }[] } }>('{ spaces { nodes { id name } } }');
    spaceId = spaces.nodes.find((s) => s.name === 'Data Analysis 101')!.id;
    const { space } = await instructor.request<{ space: { workspaces: { id: string; kind: string }[] } }>(
      'query($id: ID!) { space(id: $id) { workspaces { id kind } } }',
      { id: spaceId },
    );
    master = space.workspaces.find((w) => w.kind === 'MASTER')!.id;
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const opened: Page[] = [];
  afterEach(async (t) => {
    const slug = t.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 48);
    for (const [index, page] of opened.entries()) {
      await screenshot(page, `end-${slug}-${index + 1}`).catch(() => undefined);
      await page.context().close();
    }
    opened.length = 0;
  });

  const pageFor = async (first: string): Promise<Page> => {
    const page = await openPage(browser, stack.webUrl);
    opened.push(page);
    await signIn(page, demoEmail(first));
    return page;
  };

  /** Opens the new-assignment form from the course and fills in a title and the material's folder. */
  const startAssignment = async (page: Page, title: string, folder: string) => {
    await openCourse(page);
    await page.getByRole('tab', { name: 'Assignments' }).click();
    await page.getByRole('link', { name: 'New assignment' }).click();
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Other paths, one per line').fill(folder);
  };

  /**
   * Material delivered to every student, edited by Amara and then changed by the instructor; an
   * assignment of it previewed under `policy`. Returns the release dialog.
   */
  const previewReleaseOverAnEdit = async (name: string, policy: string) => {
    const folder = `files/${name.toLowerCase()}-${tag}`;
    await instructor.upload(master, `${folder}/notes.md`, 'Notes, first version');
    await push(folder);
    const { amara, workspaceId } = await amaraWorkspace();
    await amara.upload(workspaceId, `${folder}/notes.md`, 'Amara’s own notes');
    await instructor.upload(master, `${folder}/notes.md`, 'Notes, second version');

    const page = await pageFor('instructor');
    await startAssignment(page, `${name} ${tag}`, folder);
    await page.getByLabel('Files', { exact: true }).selectOption(policy);
    await page.getByRole('button', { name: 'Preview the release' }).click();
    const dialog = page.getByRole('dialog', { name: 'Check and release' });
    await dialog.waitFor();
    return { page, dialog, folder };
  };

  it('creates an assignment, previews the release under the chosen policy and sees each student’s outcome', { timeout: 120_000 }, async () => {
    const { page, dialog, folder } = await previewReleaseOverAnEdit('Lab', 'PRESERVE_EDITS');
    const amaraRow = dialog.getByRole('row').filter({ hasText: 'Amara Okafor' });
    await amaraRow.getByText('1 kept both').waitFor();
    // Students who only receive the new version are listed once the filter for attention is off.
    await dialog.getByLabel(/Show only targets that lose their own edits/).uncheck();
    assert.match(await dialog.getByRole('row').filter({ hasText: 'Ben Carter' }).innerText(), /1 replaced/);
    await screenshot(page, 'release-preview');
    await assertAccessible(page, 'release-preview');

    await dialog.getByRole('button', { name: 'Create and release' }).click();
    await page.getByRole('heading', { level: 1, name: `Lab ${tag}` }).waitFor();
    const release = page.getByRole('region', { name: 'Release' });
    const outcome = release.getByRole('row').filter({ hasText: 'Amara Okafor' });
    await outcome.getByText(`${folder}/notes (incoming).md`).waitFor();
    assert.match(await outcome.innerText(), new RegExp(`${folder}/notes\\.md\\s+kept; new version at`));
    assert.match(await release.getByRole('row').filter({ hasText: 'Ben Carter' }).innerText(), /1 replaced/);
    await release.getByRole('note').filter({ hasText: '1 student had edited a file' }).waitFor();
    await screenshot(page, 'release-outcome');
    await assertAccessible(page, 'release-outcome');
  });

  it('asks before a release replaces a student’s own edit, as a push does', { timeout: 120_000 }, async () => {
    const { page, dialog } = await previewReleaseOverAnEdit('Overwrite', 'OVERWRITE');
    await dialog.getByText('1 student has edited files that this push would replace or remove.').first().waitFor();
    const release = dialog.getByRole('button', { name: 'Create and release' });
    assert.equal(await release.getAttribute('aria-disabled'), 'true');
    // Pressed anyway (as a keyboard or pointer can), it does nothing.
    await release.click({ force: true });
    assert.equal(await page.getByRole('heading', { level: 1, name: `Overwrite ${tag}` }).count(), 0, 'nothing is created before the acknowledgement');
    await screenshot(page, 'release-asks-before-replacing');
    await dialog.getByLabel(/I understand that students’ own edits/).check();
    await release.click();
    await page.getByRole('heading', { level: 1, name: `Overwrite ${tag}` }).waitFor();
  });

  it('undoes a push after a preview, sees it marked undone, and a second undo is refused', { timeout: 120_000 }, async () => {
    const folder = `files/extra-${tag}`;
    await instructor.upload(master, `${folder}/readme.md`, 'Read me');
    const id = await push(folder);

    const page = await pageFor('instructor');
    await page.goto(`/distributions/${id}`);
    await page.getByRole('button', { name: 'Undo…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Undo this push?' });
    await dialog.getByText(/paths? taken back from 6 workspaces/).waitFor();
    assert.match(await dialog.innerText(), /Unlike undo|what it replaced or removed comes back/);
    assert.match(await dialog.getByRole('row').filter({ hasText: 'Amara Okafor' }).innerText(), new RegExp(folder));
    await screenshot(page, 'undo-preview');
    await assertAccessible(page, 'undo-preview');
    await dialog.getByRole('button', { name: 'Undo the push' }).click();

    await page.getByRole('heading', { level: 1, name: /^Undo to 6 workspaces/ }).waitFor();
    await page.getByRole('link', { name: 'an earlier push' }).click();
    const notice = page.getByRole('note', { name: 'Taken back' });
    await notice.getByText(/Undone by Ada Instructor on/).waitFor();
    assert.ok(await notice.getByRole('link', { name: 'open the undo' }).isVisible());
    await screenshot(page, 'push-marked-undone');

    await page.getByRole('button', { name: 'Undo…' }).click();
    const again = page.getByRole('dialog', { name: 'Undo this push?' });
    const refusal = again.getByRole('alert');
    await refusal.getByText('This push cannot be taken back now.').waitFor();
    assert.match(await refusal.innerText(), /already undone by Ada Instructor at .*\(undo [0-9a-f-]{36}\); it cannot be undone again/);
    assert.ok(await again.getByRole('link', { name: 'Open the earlier undo or retraction' }).isVisible());
    assert.equal(await again.getByRole('button', { name: 'Undo the push' }).count(), 0, 'no button to undo again');
    await screenshot(page, 'second-undo-refused');
    await assertAccessible(page, 'second-undo-refused');

    const student = await pageFor('amara');
    await student.getByRole('button', { name: /Notifications/ }).click();
    await student.getByText(`Ada Instructor took back ${folder}`).waitFor();
    await screenshot(student, 'student-told-taken-back');
  });

  it('retries a conflicting target after choosing another policy and reading the preview', { timeout: 120_000 }, async () => {
    const folder = `files/retry-${tag}`;
    const { amara, workspaceId } = await amaraWorkspace();
    await amara.upload(workspaceId, `${folder}/a.md`, 'Amara’s a');
    await instructor.upload(master, `${folder}/a.md`, 'The course’s a');
    const id = await push(folder, 'FAIL', 'PARTIAL');

    const page = await pageFor('instructor');
    await page.goto(`/distributions/${id}`);
    await page.getByRole('button', { name: 'Retry 1 failed or conflicting…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Files', { exact: true }).selectOption('KEEP_BOTH');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByRole('heading', { name: 'Check and retry' }).waitFor();
    await dialog.getByRole('row').filter({ hasText: 'Amara Okafor' }).getByText('1 kept both').waitFor();
    await screenshot(page, 'retry-preview');
    await assertAccessible(page, 'retry-preview');
    await dialog.getByRole('button', { name: 'Retry 1 target' }).click();

    const progress = page.getByRole('region', { name: 'Progress' });
    await progress.getByText('Succeeded', { exact: true }).waitFor();
    await progress.getByText('6 of 6 finished (100%)').waitFor();
    const { distribution } = await instructor.request<{ distribution: { policies: { default: string } } }>(
      'query($id: ID!) { distribution(id: $id) { policies { default } } }',
      { id },
    );
    assert.equal(distribution.policies.default, 'KEEP_BOTH');
    await screenshot(page, 'retry-done');
  });

  it('schedules a release after previewing it, and can preview it again before it runs', { timeout: 120_000 }, async () => {
    const folder = `files/later-${tag}`;
    await instructor.upload(master, `${folder}/sheet.md`, 'Sheet');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 16);

    const page = await pageFor('instructor');
    await startAssignment(page, `Later ${tag}`, folder);
    await page.getByLabel('Release later').check();
    await page.getByLabel(/^Release at/).fill(tomorrow);
    await page.getByRole('button', { name: 'Preview the release' }).click();
    const dialog = page.getByRole('dialog', { name: 'Check and schedule the release' });
    await dialog.getByText(/it meets them as they are then/).waitFor();
    await dialog.getByRole('row').filter({ hasText: 'Chen Wei' }).getByText('1 added').waitFor();
    await dialog.getByRole('button', { name: 'Create and schedule' }).click();

    await page.getByRole('heading', { level: 1, name: `Later ${tag}` }).waitFor();
    const release = page.getByRole('region', { name: 'Release' });
    await release.getByText(/^Scheduled for/).waitFor();
    await release.getByRole('button', { name: 'Preview the release as of now' }).click();
    const again = page.getByRole('dialog', { name: 'The scheduled release, as of now' });
    await again.getByRole('row').filter({ hasText: 'Chen Wei' }).getByText('1 added').waitFor();
    await screenshot(page, 'scheduled-release-preview');
    await assertAccessible(page, 'scheduled-release-preview');
  });
});

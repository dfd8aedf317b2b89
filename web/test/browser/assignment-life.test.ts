import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Locator, Page, Route } from 'playwright-core';
import { apiSession } from './support/api-client';
import { assertAccessible, assertNotReloaded, demoEmail, launchChromium, markDocument, openCourse, openPage, screenshot, signIn } from './support/browser';
import { openedPages } from './support/opened-pages';
import { startStack, type Stack } from './support/stack';

const TITLE = 'Lab 3: a deadline that passes';

type Session = Awaited<ReturnType<typeof apiSession>>;

describe('an assignment’s life: released live, collected at the deadline', () => {
  let stack: Stack;
  let browser: Browser;
  let instructor: Session;
  let spaceId: string;
  let assignmentId: string;

  before(async () => {
    stack = await startStack();
    browser = await launchChromium();
    instructor = await apiSession(stack.apiUrl, demoEmail('instructor'));
    const { spaces } = await instructor.request<{ spaces: { nodes: { id: string; name: string }[] } }>('{ spaces(first: 10) { nodes { id name } } }');
    spaceId = spaces.nodes.find((s) => s.name === 'Data Analysis 101')!.id;
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const opened = openedPages('life-end');
  afterEach((t) => opened.closeAll(t.name));

  const pageFor = async (first: string): Promise<Page> => {
    const page = opened.track(await openPage(browser, stack.webUrl));
    await signIn(page, demoEmail(first));
    return page;
  };

  const card = (page: Page): Locator => page.getByRole('article').filter({ has: page.getByRole('heading', { name: TITLE }) });
  const trackerRow = (page: Page, student: string) => page.getByRole('row').filter({ hasText: student });

  /** The student's own workspace in the course, as they see it. */
  const personalWorkspace = async (student: Session) => {
    const { me } = await student.request<{ me: { id: string } }>('{ me { id } }');
    const { space } = await student.request<{ space: { workspaces: { id: string; kind: string; ownerId: string | null }[] } }>(
      'query($id: ID!) { space(id: $id) { workspaces { id kind ownerId } } }',
      { id: spaceId },
    );
    return space.workspaces.find((w) => w.kind === 'PERSONAL' && w.ownerId === me.id)!.id;
  };

  it('shows a student the assignment the moment it is released, without reloading', { timeout: 90_000 }, async () => {
    const ben = await pageFor('ben');
    await openCourse(ben);
    await ben.getByRole('heading', { level: 2, name: 'Your assignments' }).waitFor();
    assert.equal(await card(ben).count(), 0);
    await markDocument(ben);

    const { space } = await instructor.request<{ space: { workspaces: { id: string; kind: string }[] } }>('query($id: ID!) { space(id: $id) { workspaces { id kind } } }', { id: spaceId });
    const master = space.workspaces.find((w) => w.kind === 'MASTER')!.id;
    const { createAssignment } = await instructor.request<{ createAssignment: { id: string } }>(
      'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }',
      {
        i: {
          spaceId,
          title: TITLE,
          source: { workspaceId: master },
          paths: ['files/week2'],
          deadline: new Date(Date.now() + 3_600_000).toISOString(),
          collectAtDeadline: true,
          latePolicy: { mode: 'ACCEPT' },
        },
      },
    );
    assignmentId = createAssignment.id;

    await card(ben).getByText('Not started').waitFor();
    await assertNotReloaded(ben);
    await screenshot(ben, 'life-released-live');
  });

  it('after the deadline the tracker, the chart and each student tell handed in, collected and no submission apart', { timeout: 120_000 }, async () => {
    const tracker = await pageFor('instructor');
    await tracker.goto(`/assignments/${assignmentId}`);
    await tracker.getByRole('heading', { level: 2, name: /^Hand-ins/ }).waitFor();
    await trackerRow(tracker, 'Amara Okafor').getByText('Not started').waitFor();
    await markDocument(tracker);

    await tracker.getByText('0 of 6 handed in; 0 late.', { exact: true }).waitFor();
    // Reads of the whole list are held unanswered from here on (the tracker re-reads the order a while
    // after a burst), so whatever changes on the page next can only come from the live event.
    const held: Route[] = [];
    const holdListReads = async (route: Route) => {
      if (route.request().postData()?.includes('"operationName":"HandInStatuses"')) held.push(route);
      else await route.fallback();
    };
    await tracker.route('**/graphql', holdListReads);

    // Amara hands in; the row, the count beside "Handed in" and the chart change together, live, from the event.
    const amara = await apiSession(stack.apiUrl, demoEmail('amara'));
    await amara.request('mutation($a: ID!) { handInAssignment(assignmentId: $a, allowMissing: true) { late } }', { a: assignmentId });
    await trackerRow(tracker, 'Amara Okafor').getByText('Handed in').waitFor();
    await tracker.getByLabel(/^Handed in\s*1$/).waitFor();
    await tracker.getByText('1 of 6 handed in; 0 late.', { exact: true }).waitFor();
    // The chart took the hand-in from the event, without an answer to reading every row again; now they may be answered.
    await tracker.unroute('**/graphql', holdListReads);
    for (const route of held) await route.continue();

    // Chen works on the material but does not hand in; Dana does nothing.
    const chen = await apiSession(stack.apiUrl, demoEmail('chen'));
    await chen.request('mutation($w: ID!) { createFolder(workspaceId: $w, path: "files/week2/my-answers") { version } }', { w: await personalWorkspace(chen) });
    await trackerRow(tracker, 'Chen Wei').getByText('In progress').waitFor();

    await instructor.request('mutation($id: ID!, $d: DateTimeISO) { updateAssignment(id: $id, input: { deadline: $d }) { id } }', {
      id: assignmentId,
      d: new Date().toISOString(),
    });
    await trackerRow(tracker, 'Chen Wei').getByText('Collected', { exact: true }).waitFor();
    await trackerRow(tracker, 'Dana Levi').getByText('No submission').waitFor();
    await tracker.getByLabel(/^No submission\s*4$/).waitFor();
    await tracker.getByLabel(/^Collected\s*1$/).waitFor();
    await tracker.getByText('1 of 6 handed in; 1 collected at the deadline; 0 late.', { exact: true }).waitFor();
    // The moved deadline shows in the details without a reload too.
    await tracker.getByRole('timer').filter({ hasText: /^Deadline passed/ }).first().waitFor();
    await assertNotReloaded(tracker);
    assert.equal(await tracker.locator('tbody .badge--warn').count(), 0, 'nobody is marked late');
    assert.equal(await tracker.getByLabel(/^Late\s*0$/).count(), 1);
    await screenshot(tracker, 'life-tracker-after-deadline');

    const dana = await pageFor('dana');
    await openCourse(dana);
    await card(dana).getByText('No submission').waitFor();
    assert.equal(await card(dana).locator('.badges').getByText(/late/i).count(), 0, 'Dana is not told she was late');
    assert.equal(await card(dana).getByText('Your latest hand-in').count(), 0);
    await screenshot(dana, 'life-student-no-submission');

    const chenPage = await pageFor('chen');
    await openCourse(chenPage);
    await card(chenPage).getByText('Collected', { exact: true }).waitFor();
    await card(chenPage).getByText(/collected at the deadline/).waitFor();
    assert.equal(await card(chenPage).locator('.badge--warn').count(), 0, 'Chen is not told he was late');
    await assertAccessible(chenPage, 'life-student-collected');
  });
});

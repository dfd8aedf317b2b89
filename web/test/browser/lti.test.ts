import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { demoEmail, screenshot } from './support/browser';
import { startLtiPlatform, type LtiPlatform } from './support/lti-platform';
import { WEB_DIR } from './support/stack';
import { browserSuite } from './support/suite';

const LIS = 'http://purl.imsglobal.org/vocab/lis/v2/membership';
const COURSE = { id: 'browser-course-1', title: 'Launched Statistics' };

/**
 * Canvas or Moodle opening Stagecoach: an instance admin registers the
 * platform on the dashboard with the values it shows, then the platform's
 * course links launch an instructor into a new space and a student into their
 * own workspace.
 */
describe('LTI launch in a browser', () => {
  const suite = browserSuite('lti');
  let platform: LtiPlatform | undefined;

  before(async () => {
    platform = await startLtiPlatform({ loginUrl: `${suite.stack.webUrl}/lti/login`, launchUrl: `${suite.stack.webUrl}/lti/launch`, jwksUrl: `${suite.stack.webUrl}/lti/jwks.json` });
    // The operator's command makes the demo instructor an instance admin (only they register platforms).
    const adminCreate = path.resolve(WEB_DIR, '../server/dist/server/src/cli/admin-create.js');
    await promisify(execFile)(process.execPath, [adminCreate, '--email', demoEmail('instructor'), '--name', 'Instructor'], { env: suite.stack.apiEnv });
  });
  after(async () => {
    await platform?.stop();
  });

  it('an instance admin sees the values to paste and registers the platform', { timeout: 60_000 }, async () => {
    const page = await suite.pageFor('instructor');
    await page.goto('/account');
    await page.getByRole('link', { name: 'connect a platform' }).click();
    await page.getByRole('heading', { level: 1, name: 'Learning management systems' }).waitFor();
    assert.equal(await page.getByLabel('Tool URL / Target link URI / Redirect URI').inputValue(), `${suite.stack.webUrl}/lti/launch`);
    assert.equal(await page.getByLabel('OpenID Connect login initiation URL').inputValue(), `${suite.stack.webUrl}/lti/login`);
    assert.equal(await page.getByLabel('Public keyset URL', { exact: true }).inputValue(), `${suite.stack.webUrl}/lti/jwks.json`);
    const p = platform!;
    await page.getByLabel('Name', { exact: true }).fill('Test LMS');
    await page.getByLabel('Issuer').fill(p.issuer);
    await page.getByLabel('Client ID').fill(p.clientId);
    await page.getByLabel('Deployment IDs').fill(p.deploymentId);
    await page.getByLabel('Platform’s authentication request URL').fill(`${p.issuer}/auth`);
    await page.getByLabel('Platform’s access token URL').fill(`${p.issuer}/token`);
    await page.getByLabel('Platform’s public keyset URL').fill(`${p.issuer}/jwks`);
    await page.getByRole('button', { name: 'Register platform' }).click();
    await page.getByRole('status').filter({ hasText: 'Test LMS is registered' }).waitFor();
    await page.getByRole('cell', { name: p.clientId }).waitFor();
    await screenshot(page, 'lti-registered');
  });

  it('the course link lands an instructor in a new space and a student in their workspace', { timeout: 90_000 }, async () => {
    const instructor = await suite.newPage();
    await instructor.goto(platform!.coursePage({ sub: 'lms-instructor-7', name: 'Ines Instructor', roles: [`${LIS}#Instructor`], course: COURSE }));
    await instructor.getByRole('heading', { level: 1, name: COURSE.title }).waitFor();
    assert.match(new URL(instructor.url()).pathname, /^\/spaces\/[A-Za-z0-9_-]+$/);
    assert.match(await instructor.locator('.app-header__name').innerText(), /Ines Instructor$/);
    await screenshot(instructor, 'lti-instructor-space');

    const student = await suite.newPage();
    await student.goto(platform!.coursePage({ sub: 'lms-student-7', name: 'Sofia Student', roles: [`${LIS}#Learner`], course: COURSE }));
    await student.waitForURL(/\/workspaces\/[A-Za-z0-9_-]+$/);
    await student.getByRole('heading', { level: 1 }).waitFor();
    assert.match(await student.locator('.app-header__name').innerText(), /Sofia Student$/);
    await screenshot(student, 'lti-student-workspace');
  });

  it('a deep linking request lets the instructor create an assignment, then pick it again, and answers the platform with its line item', { timeout: 90_000 }, async () => {
    const p = platform!;
    const instructor = await suite.newPage();
    const deepLink = { sub: 'lms-instructor-7', name: 'Ines Instructor', roles: [`${LIS}#Instructor`], course: COURSE, messageType: 'LtiDeepLinkingRequest' as const };
    await instructor.goto(p.coursePage(deepLink));
    const picker = instructor.getByRole('region', { name: 'Add an assignment to the course' });
    await picker.waitFor();
    // The space has no assignment yet: creating one is the only choice.
    assert.equal(await picker.getByLabel(/An existing assignment/).isDisabled(), true);
    assert.equal(await picker.getByLabel('A new assignment').isChecked(), true);
    await picker.getByLabel('Title').fill('Essay 1');
    await picker.getByLabel('Max points').fill('25');
    await picker.getByLabel('Due date').fill('2031-05-20T17:00');
    await screenshot(instructor, 'lti-deep-link-new');
    await picker.getByRole('button', { name: 'Add to the course' }).click();
    // The answer goes back to the platform as a form post; the platform checked its signature with the tool's keys.
    await instructor.getByRole('heading', { level: 1, name: 'Added to the course' }).waitFor();
    assert.equal(new URL(instructor.url()).origin, p.issuer);
    await instructor.getByRole('listitem').filter({ hasText: 'Essay 1' }).waitFor();
    assert.equal(p.returnedLinks.length, 1);
    const [created] = p.returnedLinks[0].contentItems;
    assert.equal(p.returnedLinks[0].data, 'module-7');
    assert.equal(created.type, 'ltiResourceLink');
    assert.equal(created.url, `${suite.stack.webUrl}/lti/launch`);
    const lineItem = created.lineItem as Record<string, unknown>;
    assert.equal(lineItem.label, 'Essay 1');
    assert.equal(lineItem.scoreMaximum, 25);
    assert.match(String(lineItem.resourceId), /^[0-9a-f-]{36}$/);
    const due = await instructor.evaluate(() => new Date('2031-05-20T17:00').toISOString());
    assert.deepEqual(created.submission, { endDateTime: due });

    // A second request: the assignment is there to pick; the same resource id goes back.
    await instructor.goto(p.coursePage(deepLink));
    await picker.waitFor();
    await picker.getByLabel('An existing assignment').check();
    await picker.getByLabel('Assignment', { exact: true }).selectOption({ label: 'Essay 1 — 25 points' });
    await screenshot(instructor, 'lti-deep-link-existing');
    await picker.getByRole('button', { name: 'Add to the course' }).click();
    await instructor.getByRole('heading', { level: 1, name: 'Added to the course' }).waitFor();
    assert.equal(p.returnedLinks.length, 2);
    assert.equal((p.returnedLinks[1].contentItems[0].lineItem as Record<string, unknown>).resourceId, lineItem.resourceId);
  });

  it("the members tab shows the platform's roster differences before applying them, and marks who left", { timeout: 90_000 }, async () => {
    const p = platform!;
    p.rosters.set(COURSE.id, [
      { user_id: 'lms-instructor-7', roles: [`${LIS}#Instructor`], status: 'Active', name: 'Ines Instructor' },
      { user_id: 'lms-student-8', roles: [`${LIS}#Learner`], status: 'Active', name: 'Tomas Newcomer', lis_person_sourcedid: 'S-0008' },
    ]);
    const instructor = await suite.newPage();
    await instructor.goto(p.coursePage({ sub: 'lms-instructor-7', name: 'Ines Instructor', roles: [`${LIS}#Instructor`], course: COURSE }));
    await instructor.getByRole('heading', { level: 1, name: COURSE.title }).waitFor();
    await instructor.getByRole('tab', { name: 'Members' }).click();
    const panel = instructor.getByRole('region', { name: 'Roster from Test LMS' });
    await panel.waitFor();
    // The launch compared the roster in the background; the panel says what it found (read again until it has).
    const found = panel.getByRole('note').filter({ hasText: '2 people differed from the roster at Test LMS' });
    for (let tries = 0; !(await found.isVisible()); tries++) {
      assert.ok(tries < 20, `the launch's roster comparison is not shown: ${await panel.innerText()}`);
      await instructor.reload();
      await instructor.getByRole('tab', { name: 'Members' }).click();
      await panel.waitFor();
    }
    await panel.getByRole('button', { name: 'Compare with Test LMS' }).click();
    const adds = panel.getByRole('region', { name: 'Would add' });
    const leaves = panel.getByRole('region', { name: 'Would deactivate' });
    await adds.getByRole('cell', { name: 'Tomas Newcomer' }).waitFor();
    await adds.getByRole('cell', { name: 'S-0008', exact: true }).waitFor();
    await leaves.getByRole('cell', { name: 'Sofia Student' }).waitFor();
    await screenshot(instructor, 'lti-roster-differences');
    // Nothing changed yet: Sofia is not marked.
    assert.equal(await instructor.getByText('left the course in the LMS').count(), 0);
    await panel.getByRole('button', { name: 'Apply…' }).click();
    const dialog = instructor.getByRole('dialog', { name: 'Apply the roster from Test LMS?' });
    await dialog.getByText('1 person who left the course at Test LMS loses access; their workspaces and hand-ins are kept.').waitFor();
    await dialog.getByRole('button', { name: 'Apply roster' }).click();
    await panel.getByRole('status').filter({ hasText: 'Roster applied: 1 person added, 1 person deactivated' }).waitFor();
    const sofia = instructor.getByRole('row').filter({ hasText: 'Sofia Student' });
    await sofia.getByText('left the course in the LMS').waitFor();
    await instructor.getByRole('row').filter({ hasText: 'Tomas Newcomer' }).getByRole('cell', { name: 'S-0008', exact: true }).waitFor();
    await screenshot(instructor, 'lti-roster-applied');
  });

  it('the grading page shows per student what was sent to the platform and its answer', { timeout: 90_000 }, async () => {
    const p = platform!;
    const assignmentId = String((p.returnedLinks[0].contentItems[0].lineItem as Record<string, unknown>).resourceId);
    const student = await suite.newPage();
    await student.goto(p.coursePage({ sub: 'lms-student-8', name: 'Tomas Newcomer', roles: [`${LIS}#Learner`], course: COURSE }));
    await student.waitForURL(/\/workspaces\/[A-Za-z0-9_-]+$/);
    const workspaceId = /\/workspaces\/([A-Za-z0-9_-]+)$/.exec(student.url())![1];
    const tomas = await launchedSession(student);
    const { me } = await tomas.request<{ me: { id: string } }>('{ me { id } }');
    await tomas.upload(workspaceId, 'files/answer.md', 'My essay\n');
    await tomas.request('mutation($a: ID!) { handInAssignment(assignmentId: $a) { handIn { id } } }', { a: assignmentId });

    const instructor = await suite.newPage();
    await instructor.goto(p.coursePage({ sub: 'lms-instructor-7', name: 'Ines Instructor', roles: [`${LIS}#Instructor`], course: COURSE }));
    await instructor.getByRole('heading', { level: 1, name: COURSE.title }).waitFor();
    const ines = await launchedSession(instructor);
    // The platform's gradebook is busy for the grade: it answers 500 (this test long), and the score waits for its next attempt.
    p.failScores = 1000;
    await ines.request('mutation($a: ID!, $s: ID!) { setGrade(assignmentId: $a, studentId: $s, input: { points: 21, comment: "Clear argument" }) { version } }', { a: assignmentId, s: me.id });
    await ines.request('mutation($a: ID!, $s: [ID!]) { returnGrades(assignmentId: $a, studentIds: $s) { returnedCount } }', { a: assignmentId, s: [me.id] });

    await instructor.goto(`/assignments/${assignmentId}/students/${me.id}`);
    const card = instructor.getByRole('region', { name: 'Sent to the LMS' });
    const grade = card.getByRole('listitem').filter({ hasText: 'Grade 21 / 25' });
    const handIn = card.getByRole('listitem').filter({ hasText: 'Handed in' });
    // The workers send in the background; the page is read again until both attempts are recorded.
    const shown = async () => (await grade.getByText('HTTP 500').count()) > 0 && (await handIn.getByText('Accepted by the LMS').count()) > 0;
    // (The card appears once its scores are loaded, so each look is at what the server had then.)
    for (let tries = 0; !(await card.waitFor().then(shown)); tries++) {
      assert.ok(tries < 20, `the scores sent are not shown: ${await card.innerText()}`);
      await instructor.reload();
    }
    await grade.getByText('Waiting to send').waitFor();
    await grade.getByText('the gradebook is busy').waitFor();
    assert.equal(await card.getByRole('button', { name: 'Send again' }).count(), 0);
    assert.deepEqual(
      p.scores.map((s) => s.score.activityProgress),
      ['Submitted'],
    );
    await screenshot(instructor, 'lti-scores-sent');
    p.failScores = 0;
  });
});

/** The API as the person a launch signed in on `page` (its session cookie), for setup the test does not look at. */
async function launchedSession(page: import('playwright-core').Page) {
  const session = (await page.context().cookies()).find((c) => c.name === 'stagecoach_session');
  assert.ok(session, 'the launch set no session cookie');
  const cookie = `stagecoach_session=${session.value}`;
  const base = new URL(page.url()).origin;
  return {
    async request<T = unknown>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { data?: T; errors?: unknown[] };
      assert.ok(body.data && !body.errors?.length, `GraphQL failed: ${JSON.stringify(body.errors)}`);
      return body.data;
    },
    async upload(workspaceId: string, filePath: string, content: string) {
      const response = await fetch(`${base}/api/workspaces/${workspaceId}/files/${filePath}`, { method: 'PUT', headers: { cookie, 'x-stagecoach-request': '1' }, body: content });
      assert.ok(response.ok, `upload failed: ${response.status} ${await response.text()}`);
    },
  };
}

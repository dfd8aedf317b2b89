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
    platform = await startLtiPlatform({ loginUrl: `${suite.stack.webUrl}/lti/login`, launchUrl: `${suite.stack.webUrl}/lti/launch` });
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
    assert.match(new URL(instructor.url()).pathname, /^\/spaces\/[0-9a-f-]{36}$/);
    assert.match(await instructor.locator('.app-header__name').innerText(), /Ines Instructor$/);
    await screenshot(instructor, 'lti-instructor-space');

    const student = await suite.newPage();
    await student.goto(platform!.coursePage({ sub: 'lms-student-7', name: 'Sofia Student', roles: [`${LIS}#Learner`], course: COURSE }));
    await student.waitForURL(/\/workspaces\/[0-9a-f-]{36}$/);
    await student.getByRole('heading', { level: 1 }).waitFor();
    assert.match(await student.locator('.app-header__name').innerText(), /Sofia Student$/);
    await screenshot(student, 'lti-student-workspace');
  });
});

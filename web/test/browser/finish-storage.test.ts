import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiSession } from './support/api-client';
import { assertAccessible, demoEmail, openCourse, screenshot } from './support/browser';
import { browserSuite } from './support/suite';

interface SpaceUse {
  space: { id: string; storageUse: { logicalBytes: number; quotaBytes: number | null } };
}

describe('storage quota in the dashboard', () => {
  const suite = browserSuite('end-quota');
  const { pageFor } = suite;

  it('the instructor sets, changes and removes the course’s quota on the Storage tab; bad sizes are named and change nothing; a TA sees no form', { timeout: 90_000 }, async () => {
    const api = await apiSession(suite.stack.apiUrl, demoEmail('instructor'));
    const { spaces } = await api.request<{ spaces: { nodes: { id: string; name: string }[] } }>('{ spaces { nodes { id name } } }');
    const course = spaces.nodes.find((s) => s.name === 'Data Analysis 101');
    assert.ok(course, 'the demo course exists');
    const quotaNow = async () =>
      (await api.request<SpaceUse>('query($id: ID!) { space(id: $id) { id storageUse { logicalBytes quotaBytes } } }', { id: course.id })).space.storageUse.quotaBytes;
    assert.equal(await quotaNow(), null);

    const page = await pageFor('instructor');
    await openCourse(page);
    await page.getByRole('tab', { name: 'Storage' }).click();
    const form = page.getByRole('form', { name: 'Set a quota' });
    await form.waitFor();
    const fact = page.locator('.facts div').filter({ has: page.locator('dt', { hasText: 'Quota' }) }).locator('dd');
    /** The Quota fact once it shows `text` (it follows the saved quota when the storage is measured again). */
    const factShows = (text: string) => fact.filter({ hasText: new RegExp(`^${text}$`) }).waitFor();
    assert.equal(await fact.textContent(), 'None');

    // Mistakes are named beside the field and nothing is saved.
    const field = form.getByLabel('Quota');
    for (const [typed, problem] of [
      ['lots', "'lots' is not a size: write a number and a unit, such as 2 GB or 500 MB."],
      ['2 GiB', "'GiB' is not a unit: use bytes, KB, MB, GB or TB."],
      ['-1 GB', "A quota cannot be negative ('-1 GB')."],
    ]) {
      await field.fill(typed);
      await form.getByRole('button', { name: 'Set quota' }).click();
      await form.getByText(problem).waitFor();
      assert.equal(await field.getAttribute('aria-invalid'), 'true');
    }
    await screenshot(page, 'quota-form-problem');
    assert.equal(await quotaNow(), null);

    await field.fill('2 GB');
    await form.getByRole('button', { name: 'Set quota' }).click();
    await page.getByRole('status').filter({ hasText: 'The quota is now 2 GB.' }).waitFor();
    await factShows('2 GB');
    await page.getByRole('progressbar', { name: 'Quota used' }).waitFor();
    assert.equal(await quotaNow(), 2 * 1024 ** 3);
    await assertAccessible(page, 'space-storage-quota');
    await screenshot(page, 'quota-set');

    const change = page.getByRole('form', { name: 'Change the quota' });
    await change.getByLabel('Quota').fill('500 MB');
    await change.getByRole('button', { name: 'Set quota' }).click();
    await page.getByRole('status').filter({ hasText: 'The quota is now 500 MB.' }).waitFor();
    await factShows('500 MB');

    await change.getByRole('button', { name: 'Remove quota' }).click();
    await page.getByRole('status').filter({ hasText: 'The quota was removed.' }).waitFor();
    await factShows('None');
    assert.equal(await page.getByRole('progressbar', { name: 'Quota used' }).count(), 0);
    assert.equal(await quotaNow(), null);
    await screenshot(page, 'quota-removed');

    // Each change is in the audit log, under its own filter.
    await page.getByRole('tab', { name: 'Audit log' }).click();
    await page.getByLabel('What').selectOption({ label: 'Space settings (quota)' });
    const rows = page.getByRole('table').getByRole('row').filter({ hasText: 'space.quota-changed' });
    await rows.nth(2).waitFor();
    assert.equal(await rows.count(), 3);
    assert.equal(await page.getByRole('table').getByRole('row').count(), 4);
    assert.match((await rows.first().textContent()) ?? '', /Ada Instructor.*Space quota changed/);
    await screenshot(page, 'quota-audit');

    const ta = await pageFor('ta');
    await openCourse(ta);
    await ta.getByRole('tab', { name: 'Storage' }).click();
    await ta.getByRole('heading', { level: 2, name: 'Storage' }).waitFor();
    assert.equal(await ta.getByRole('form').filter({ hasText: 'quota' }).count(), 0);
    assert.equal(await ta.getByLabel('Quota').count(), 0);
  });
});

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { apiSession } from './support/api-client';
import { assertAccessible, demoEmail, openCourse, screenshot } from './support/browser';
import { WEB_DIR } from './support/stack';
import { browserSuite } from './support/suite';

const QUOTA_CLI = path.resolve(WEB_DIR, '../server/dist/server/src/cli/quota.js');

interface Use {
  logicalBytes: number;
  exclusiveBytes: number;
  quotaBytes: number | null;
}

describe('storage use in the dashboard', () => {
  const suite = browserSuite('end-storage');

  it('shows the space’s storage against its quota, and each workspace’s, to the instructor', { timeout: 90_000 }, async () => {
    const api = await apiSession(suite.stack.apiUrl, demoEmail('instructor'));
    const { spaces } = await api.request<{ spaces: { nodes: { id: string; name: string }[] } }>('{ spaces { nodes { id name } } }');
    const course = spaces.nodes.find((s) => s.name === 'Data Analysis 101');
    assert.ok(course, 'the demo course exists');

    // An operator gives the course a quota of 2 MB.
    const quota = spawnSync(process.execPath, [QUOTA_CLI, course.id, '2MB'], { env: suite.stack.apiEnv, encoding: 'utf8' });
    assert.equal(quota.status, 0, quota.stderr);
    assert.match(quota.stdout, /may now hold 2 MB \(2097152 bytes\)/);

    const { space } = await api.request<{ space: { storageUse: Use; workspaces: { name: string; kind: string; owner: { name: string } | null; storageUse: Use }[] } }>(
      'query($id: ID!) { space(id: $id) { storageUse { logicalBytes exclusiveBytes quotaBytes } workspaces { name kind owner { name } storageUse { logicalBytes exclusiveBytes quotaBytes } } } }',
      { id: course.id },
    );
    assert.equal(space.storageUse.quotaBytes, 2 * 1024 * 1024);
    assert.ok(space.storageUse.logicalBytes > 0, 'the demo course holds files');

    const page = await suite.pageFor('instructor');
    await openCourse(page);
    await page.getByRole('tab', { name: 'Storage' }).click();
    await page.getByRole('heading', { level: 2, name: 'Storage' }).waitFor();

    const fact = (term: string) => page!.locator('.facts div').filter({ has: page!.locator('dt', { hasText: term }) }).locator('dd');
    assert.equal(await fact('Quota').textContent(), '2 MB');
    const percent = Math.round((space.storageUse.logicalBytes / space.storageUse.quotaBytes!) * 100);
    const bar = page.getByRole('progressbar', { name: 'Quota used' });
    assert.equal(await bar.getAttribute('aria-valuenow'), String(space.storageUse.logicalBytes));
    assert.match((await bar.getAttribute('aria-valuetext')) ?? '', new RegExp(`^${(await fact('Current states').textContent())!.replace('.', '\\.')} of 2 MB \\(${percent}%\\)$`));

    // Workspaces, largest current state first.
    const rows = page.getByRole('table').getByRole('row');
    await rows.nth(1).waitFor();
    const label = (w: (typeof space.workspaces)[number]) => (w.kind === 'PERSONAL' ? (w.owner?.name ?? w.name) : w.name);
    const largest = [...space.workspaces].sort((a, b) => b.storageUse.logicalBytes - a.storageUse.logicalBytes)[0];
    assert.equal(await rows.count(), Math.min(space.workspaces.length, 25) + 1);
    assert.equal((await rows.nth(1).getByRole('cell').first().textContent())?.trim(), label(largest));
    await assertAccessible(page, 'space-storage');
    await screenshot(page, 'space-storage');

    // The workspace page says how much it uses.
    await rows.nth(1).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: largest.name }).waitFor();
    const line = page.getByText(/^Uses .+ only in its history$/);
    await line.waitFor();
    assert.match((await line.textContent()) ?? '', /^Uses \d+(\.\d)? (bytes|KB|MB) · \d+(\.\d)? (bytes|KB|MB) only in its history$/);
    await screenshot(page, 'workspace-storage');
  });
});

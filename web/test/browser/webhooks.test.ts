import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { assertAccessible, openCourse, screenshot } from './support/browser';
import { browserSuite } from './support/suite';

interface Hit {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A real receiver on 127.0.0.1 recording what it is sent; `next(n)` resolves once it has `n` requests. */
function startReceiver() {
  const hits: Hit[] = [];
  const waiting: { n: number; resolve: () => void }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hits.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('received by the test');
      for (const w of [...waiting]) {
        if (hits.length < w.n) continue;
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve();
      }
    });
  });
  return {
    hits,
    server,
    next: (n: number) => new Promise<void>((resolve) => (hits.length >= n ? resolve() : waiting.push({ n, resolve }))),
  };
}

describe('webhooks in the dashboard', () => {
  // The receiver listens on loopback, which the instance allows for this test only.
  const suite = browserSuite('end-webhooks', { apiEnv: { WEBHOOK_ALLOW_PRIVATE: 'true' } });
  const receiver = startReceiver();
  let url = '';
  before(async () => {
    await new Promise<void>((r) => receiver.server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}/stagecoach`;
  });
  after(() => new Promise<void>((r) => receiver.server.close(() => r())));

  it('adds an endpoint (the secret shown once), sends a signed test, shows the answer and replays it', { timeout: 120_000 }, async () => {
    const page = await suite.pageFor('instructor');
    await openCourse(page);
    await page.getByRole('tab', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { level: 2, name: 'Webhooks' }).waitFor();
    await page.getByText('No webhooks yet.').waitFor();

    await page.getByLabel('URL').fill(url);
    await page.getByLabel('Note (optional)').fill('grade book');
    await page.getByRole('checkbox', { name: /A member joined/ }).check();
    await page.getByRole('checkbox', { name: /A hand-in was submitted/ }).check();
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const secretBox = page.getByTestId('webhook-secret');
    await secretBox.waitFor();
    const secret = (await secretBox.textContent())!;
    assert.match(secret, /^whsec_[A-Za-z0-9+/]+=*$/);
    const row = page.getByRole('row').filter({ hasText: url });
    await row.waitFor();
    assert.match((await row.textContent())!, /hand_in\.submitted, member\.joined/);
    assert.match((await row.textContent())!, /Enabled/);
    await screenshot(page, 'webhooks-added');

    await row.getByRole('button', { name: 'Send test' }).click();
    await receiver.next(1);
    const [first] = receiver.hits;
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key).update(`${first.headers['webhook-id']}.${first.headers['webhook-timestamp']}.${first.body}`).digest('base64');
    assert.equal(first.headers['webhook-signature'], `v1,${expected}`);
    assert.equal(JSON.parse(first.body).type, 'webhook.test');

    // The delivery and the receiver's answer, once recorded.
    const deliveries = page.getByRole('region', { name: 'Deliveries' });
    const delivered = deliveries.getByRole('row').filter({ hasText: 'DELIVERED' });
    while (!(await delivered.count())) {
      await deliveries.getByRole('button', { name: 'Refresh' }).click();
      await page.waitForLoadState('networkidle');
    }
    assert.match((await delivered.textContent())!, /webhook\.test.*DELIVERED.*1.*HTTP 200.*received by the test/s);
    await assertAccessible(page, 'webhooks');
    await screenshot(page, 'webhooks-delivered');

    await delivered.getByRole('button', { name: 'Replay' }).click();
    await receiver.next(2);
    assert.equal(receiver.hits[1].headers['webhook-id'], first.headers['webhook-id']);
    assert.equal(receiver.hits[1].body, first.body);
    const replayed = deliveries.getByRole('row').filter({ hasText: 'DELIVERED' }).filter({ has: page.getByRole('cell', { name: '2', exact: true }) });
    while (!(await replayed.count())) {
      await deliveries.getByRole('button', { name: 'Refresh' }).click();
      await page.waitForLoadState('networkidle');
    }
    await screenshot(page, 'webhooks-replayed');
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkedAddresses, isPrivateAddress, parseWebhookUrl } from '../webhook-address';
import { postWebhook } from '../webhook-http';
import { retryDelayMs } from '../webhook-sender';
import { signWebhook, verifyWebhook, webhookHeaders } from '../webhook-signature';

describe('webhook addresses', () => {
  it.each(['127.0.0.1', '127.255.0.9', '10.0.0.1', '172.16.5.4', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1'])(
    'counts %s as private',
    (address) => expect(isPrivateAddress(address)).toBe(true),
  );

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])('counts %s as public', (address) => expect(isPrivateAddress(address)).toBe(false));

  it('refuses non-http(s) URLs, credentials and text that is no URL', () => {
    expect(() => parseWebhookUrl('file:///etc/passwd')).toThrow(/http:\/\/ or https:\/\/, not file:/);
    expect(() => parseWebhookUrl('gopher://x')).toThrow(/not gopher:/);
    expect(() => parseWebhookUrl('https://user:pw@example.org/')).toThrow(/user name or password/);
    expect(() => parseWebhookUrl('example.org/hook')).toThrow(/is not a URL/);
    expect(parseWebhookUrl(' https://example.org/hook ').toString()).toBe('https://example.org/hook');
  });

  it('refuses a name when any of its addresses is private', async () => {
    const resolve = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ];
    await expect(checkedAddresses(new URL('https://mixed.example/'), false, resolve)).rejects.toThrow("private or loopback address 10.0.0.7 ('mixed.example' resolves to it)");
    await expect(checkedAddresses(new URL('https://mixed.example/'), true, resolve)).resolves.toHaveLength(2);
  });

  it('checks the address again at delivery time and connects to the checked address only', async () => {
    const hits: string[] = [];
    const server = http.createServer((req, res) => {
      hits.push(String(req.headers.host));
      res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      // The name now resolves to loopback (a rebinding after the endpoint was saved): refused, nothing sent.
      const rebound = async () => [{ address: '127.0.0.1', family: 4 }];
      await expect(postWebhook(new URL(`http://hooks.example:${port}/in`), {}, '{}', { timeoutMs: 2000, allowPrivate: false, resolve: rebound })).rejects.toThrow(/private or loopback/);
      expect(hits).toEqual([]);
      // Allowed: the request goes to the resolved address, with the name kept in the Host header.
      const answer = await postWebhook(new URL(`http://hooks.example:${port}/in`), {}, '{}', { timeoutMs: 2000, allowPrivate: true, resolve: rebound });
      expect(answer).toEqual({ status: 200, body: 'ok' });
      expect(hits).toEqual([`hooks.example:${port}`]);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe('webhook signatures', () => {
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

  it('signs id.timestamp.body and verifies within the tolerance only', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const ts = Math.floor(now.getTime() / 1000);
    const headers = webhookHeaders(secret, 'msg_1', ts, '{"a":1}');
    expect(headers['webhook-signature']).toBe(signWebhook(secret, 'msg_1', ts, '{"a":1}'));
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(verifyWebhook(secret, headers, '{"a":1}', { now })).toBe(true);
    expect(verifyWebhook(secret, headers, '{"a":2}', { now })).toBe(false);
    expect(verifyWebhook(secret, { ...headers, 'webhook-id': 'msg_2' }, '{"a":1}', { now })).toBe(false);
    expect(verifyWebhook(secret, headers, '{"a":1}', { now: new Date(now.getTime() + 10 * 60_000) })).toBe(false);
    // Several signatures (during a rotation): one valid is enough.
    expect(verifyWebhook(secret, { ...headers, 'webhook-signature': `v1,AAAA ${headers['webhook-signature']}` }, '{"a":1}', { now })).toBe(true);
  });

  it('waits 30 s doubling per failed attempt, at most an hour', () => {
    expect([1, 2, 3, 4, 8, 20].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000, 3_600_000, 3_600_000]);
  });
});

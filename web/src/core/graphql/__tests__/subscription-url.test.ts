import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { subscriptionUrl } from '../subscription-url';

describe('subscriptionUrl', () => {
  it('goes to the API port on the page host', () => {
    assert.equal(
      subscriptionUrl({ protocol: 'http:', hostname: 'localhost', apiPort: '4000' }),
      'ws://localhost:4000/graphql',
    );
  });

  it('uses wss behind https', () => {
    assert.equal(
      subscriptionUrl({ protocol: 'https:', hostname: 'course.example.org', apiPort: '8443' }),
      'wss://course.example.org:8443/graphql',
    );
  });

  it('brackets an IPv6 host', () => {
    assert.equal(subscriptionUrl({ protocol: 'http:', hostname: '::1', apiPort: '4000' }), 'ws://[::1]:4000/graphql');
    assert.equal(subscriptionUrl({ protocol: 'http:', hostname: '[::1]', apiPort: '4000' }), 'ws://[::1]:4000/graphql');
  });

  it('prefers a configured URL', () => {
    assert.equal(
      subscriptionUrl({ configured: 'wss://api.example.org/graphql', protocol: 'http:', hostname: 'x', apiPort: '1' }),
      'wss://api.example.org/graphql',
    );
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { socketSettings, subscriptionUrl } from '../subscription-url';

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

describe('socketSettings', () => {
  it('takes the port of API_URL', () => {
    assert.deepEqual(socketSettings({ API_URL: 'http://127.0.0.1:4555' }), { apiPort: '4555' });
  });

  it('prefers API_PORT, and a named endpoint when there is one', () => {
    assert.deepEqual(socketSettings({ API_URL: 'http://127.0.0.1:4555', API_PORT: '8080' }), { apiPort: '8080' });
    assert.deepEqual(socketSettings({ WS_URL: 'wss://api.example.org/graphql' }), {
      configured: 'wss://api.example.org/graphql',
      apiPort: '4000',
    });
  });

  it('falls back to 4000 without a usable API_URL', () => {
    assert.deepEqual(socketSettings({}), { apiPort: '4000' });
    assert.deepEqual(socketSettings({ API_URL: 'not a url' }), { apiPort: '4000' });
  });
});

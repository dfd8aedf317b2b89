import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { providerStartUrl } from '../provider-start-url';

describe('a provider sign-in start address', () => {
  it('is the start URL alone when there is nothing to carry', () => {
    assert.equal(providerStartUrl('/auth/oidc/uni/start'), '/auth/oidc/uni/start');
    assert.equal(providerStartUrl('/auth/oidc/uni/start', { invite: null, next: '' }), '/auth/oidc/uni/start');
  });

  it('carries the invitation and the page to land on, encoded', () => {
    assert.equal(
      providerStartUrl('/auth/oidc/uni/start', { invite: 'sc_inv_a+b/c', next: '/spaces/1?tab=members' }),
      '/auth/oidc/uni/start?invite=sc_inv_a%2Bb%2Fc&next=%2Fspaces%2F1%3Ftab%3Dmembers',
    );
  });
});

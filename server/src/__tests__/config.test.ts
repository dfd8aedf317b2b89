import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config';

describe('configuration', () => {
  it('seeds the demo course by default outside production', () => {
    expect(loadConfig({}).seedDemo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });

  it('never seeds the demo course in production, and refuses to be asked to', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).seedDemo).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true' })).toThrow(
      /SEED_DEMO=true is refused with NODE_ENV=production/,
    );
  });

  it('allows open sign-up by default outside production only, and names a bad value', () => {
    expect(loadConfig({}).allowSignUp).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).allowSignUp).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', ALLOW_SIGN_UP: 'true' }).allowSignUp).toBe(true);
    expect(loadConfig({ ALLOW_SIGN_UP: 'false' }).allowSignUp).toBe(false);
    expect(() => loadConfig({ ALLOW_SIGN_UP: 'yes' })).toThrow(/ALLOW_SIGN_UP: /);
  });

  it('names every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'x', DATABASE_URL: 'postgres://db' })).toThrow(/PORT: .*; DATABASE_URL: must start with mysql:\/\//);
  });

  describe('OpenID Connect issuers', () => {
    const uni = { id: 'uni', name: 'Test University', issuer: 'https://login.uni.example', clientId: 'sc', clientSecret: 's3cret' };

    it('reads them from OIDC_ISSUERS with the e-mail claim defaulting to email and any domain allowed', () => {
      expect(loadConfig({}).oidcIssuers).toEqual([]);
      expect(loadConfig({ OIDC_ISSUERS: JSON.stringify([uni, { ...uni, id: 'b', emailClaim: 'mail', allowedDomains: ['Uni.Example'] }]) }).oidcIssuers).toEqual([
        { ...uni, emailClaim: 'email', allowedDomains: null },
        { ...uni, id: 'b', emailClaim: 'mail', allowedDomains: ['uni.example'] },
      ]);
    });

    it('reads them from the file OIDC_ISSUERS_FILE', () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oidc-config-')), 'issuers.json');
      fs.writeFileSync(file, JSON.stringify([uni]));
      expect(loadConfig({ OIDC_ISSUERS_FILE: file }).oidcIssuers.map((i) => i.id)).toEqual(['uni']);
      expect(() => loadConfig({ OIDC_ISSUERS_FILE: `${file}.missing` })).toThrow(/OIDC_ISSUERS_FILE: cannot read .*issuers\.json\.missing \(ENOENT\)/);
      fs.writeFileSync(file, '[{"id": "uni",');
      expect(() => loadConfig({ OIDC_ISSUERS_FILE: file })).toThrow(/OIDC_ISSUERS_FILE: is not JSON/);
      expect(() => loadConfig({ OIDC_ISSUERS_FILE: file, OIDC_ISSUERS: '[]' })).toThrow(/both set/);
    });

    it('names the issuer and field that is wrong', () => {
      const bad = (issuers: unknown[], env: Record<string, string> = {}) => () => loadConfig({ ...env, OIDC_ISSUERS: JSON.stringify(issuers) });
      expect(bad([{ ...uni, clientSecret: '' }])).toThrow('OIDC_ISSUERS.0.clientSecret: must not be empty');
      expect(bad([uni, { ...uni, issuer: 'login.uni.example' }])).toThrow(/OIDC_ISSUERS\.1\.issuer: must be the issuer URL/);
      expect(bad([{ ...uni, id: 'Uni Login' }])).toThrow(/OIDC_ISSUERS\.0\.id: must be 1 to 40 lower-case letters/);
      expect(bad([{ ...uni, allowedDomains: ['uni.example', '@nope'] }])).toThrow(/OIDC_ISSUERS\.0\.allowedDomains\.1: must be a domain/);
      expect(bad([{ ...uni, clientSecrt: 'typo' }])).toThrow(/OIDC_ISSUERS\.0: .*clientSecrt/);
      expect(bad([uni, uni])).toThrow("OIDC_ISSUERS.1.id: 'uni' is used by another issuer");
      expect(bad([{ ...uni, issuer: 'http://login.uni.example' }], { NODE_ENV: 'production', SEED_DEMO: 'false' })).toThrow(
        'OIDC_ISSUERS.0.issuer: must be an https URL with NODE_ENV=production',
      );
    });
  });
});

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
});

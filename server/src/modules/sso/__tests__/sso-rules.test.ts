import { domainAllowed, safeNext } from '../sso.service';

describe('single sign-on rules', () => {
  it('lands only on pages of the dashboard', () => {
    expect(safeNext(null)).toBe('/');
    expect(safeNext('')).toBe('/');
    expect(safeNext('/spaces/1?tab=members')).toBe('/spaces/1?tab=members');
    for (const elsewhere of ['//evil.example', '/\\evil.example', 'https://evil.example/', 'spaces', '/a b', `/${'x'.repeat(1000)}`]) {
      expect(() => safeNext(elsewhere)).toThrow(/is not a page of this dashboard/);
    }
  });

  it('allows an address at a listed domain or below it', () => {
    expect(domainAllowed('a@anything.example', null)).toBe(true);
    expect(domainAllowed('a@uni.example', ['uni.example'])).toBe(true);
    expect(domainAllowed('a@cs.uni.example', ['uni.example'])).toBe(true);
    expect(domainAllowed('a@notuni.example', ['uni.example'])).toBe(false);
    expect(domainAllowed('a@uni.example.evil', ['uni.example'])).toBe(false);
  });
});
